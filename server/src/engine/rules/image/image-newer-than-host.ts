import { failing, imageLabel, joinTexts, placementFixes, type Rule } from '../rule';

export const imageNewerThanHost: Rule = {
  id: 'image-newer-than-host',
  severity: 'error',
  summary: 'The image is built on a newer Windows release than the host: it never runs there.',
  description: 'A Windows container image only runs on a host of the same or a newer build; a newer image fails to pull ("no matching manifest") or to start, even with Hyper-V isolation (VC, every matrix row with the image newer than the host). Retag the image to the host\'s release, or schedule it on hosts of the image\'s build.',
  fixes: ['retag', 'nodeSelector', 'swarmConstraint'],
  checkImage(ctx) {
    const js = failing(ctx, ['newer-than-host']);
    if (!js.length) return [];
    const fixes = [...new Set(js.map((j) => j.target.build))].map((b) => ctx.retag(b)).filter((f) => f !== undefined);
    if (fixes[0]) fixes[0].preferred = true;
    const builds = ctx.facts.builds.length === 1 ? ctx.facts.builds : [];
    return [{ message: `${imageLabel(ctx)}: ${joinTexts(js)}.`, fixes: [...fixes, ...(ctx.use.pullOnly ? [] : placementFixes(ctx, builds, false))] }];
  },
};
