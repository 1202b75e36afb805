import { imageLabel, type Rule } from '../rule';

export const noWindowsEntry: Rule = {
  id: 'no-windows-entry',
  severity: 'error',
  summary: 'A tag with no Windows image, used where a Windows image is meant.',
  description: 'Some shared tags of repositories that also publish Windows images are Linux-only: `mcr.microsoft.com/dotnet/aspnet:8.0` (and every .NET 8+ shared tag) has no Windows entry since .NET 8 (NET supported-tags.md). A Windows host fails to pull it ("no matching manifest"). Use the Windows variant tag of the host\'s release.',
  fixes: ['retag'],
  checkImage(ctx) {
    const { facts, use } = ctx;
    if (facts.os !== 'linux' || !facts.repository || !use.windowsIntent || use.placement.os === 'linux') return [];
    const hosts = ctx.judgements.filter((j) => j.target.os === 'windows');
    if (!hosts.length) return [];
    const fixes = [...new Set(hosts.map((j) => j.target.build))].map((b) => ctx.retag(b)).filter((f) => f !== undefined);
    if (fixes[0]) fixes[0].preferred = true;
    return [{ message: `${imageLabel(ctx)} has no Windows image: the tag is Linux-only, so ${hosts.map((j) => j.target.name).join(', ')} cannot pull it.`, fixes }];
  },
};
