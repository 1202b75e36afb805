import { failing, imageLabel, joinTexts, placementFixes, type Rule } from '../rule';

export const floatingTagUncovered: Rule = {
  id: 'floating-tag-uncovered',
  severity: 'error',
  summary: 'A multi-release tag whose Windows entries do not include the host\'s build.',
  description: 'A tag that lists several Windows releases is resolved by the host at pull time: entries newer than the host are skipped and the first remaining one is pulled (MOBY pull_v2_windows.go, containerd platform matcher). When none matches the host\'s build, the host pulls an older entry that runs only with Hyper-V isolation, or nothing. Floating tags also change: `dotnet/framework/aspnet:4.8` lost its Windows Server 2022 entry in October 2025 (dotnet-framework-docker#1270). Pin a tag with the host\'s release token.',
  fixes: ['retag', 'hypervIsolation'],
  checkImage(ctx) {
    if (ctx.facts.os !== 'multi') return [];
    const js = failing(ctx, ['process-build-mismatch', 'no-matching-entry', 'newer-than-host', 'host-only-image']);
    if (!js.length) return [];
    const fixes = [...new Set(js.map((j) => j.target.build))].map((b) => ctx.retag(b)).filter((f) => f !== undefined);
    if (fixes[0]) fixes[0].preferred = true;
    const hyperv = js.every((j) => j.status === 'hyperv');
    return [{ message: `${imageLabel(ctx)} lists ${ctx.facts.builds.map((b) => `10.0.${b}`).join(', ')}: ${joinTexts(js)}.`, fixes: [...fixes, ...placementFixes(ctx, [], hyperv)] }];
  },
};
