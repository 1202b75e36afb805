import { failing, imageLabel, joinTexts, placementFixes, type Rule } from '../rule';

export const february2020Baseline: Rule = {
  id: 'february-2020-baseline',
  severity: 'error',
  summary: 'Host and image on different sides of the February 2020 (2B) update of build 17763.',
  description: 'After the February 11, 2020 security update, a process-isolated container and its host must both be before or both after that update (UPD, KB4542617): for 17763 the baseline is revision 1039 [derived]. Update the image (or the host) so both are on the same side, or use Hyper-V isolation.',
  fixes: ['retag', 'hypervIsolation'],
  checkImage(ctx) {
    const js = failing(ctx, ['baseline-2020'], 'any');
    if (!js.length) return [];
    // the current image of the same release is on the host's side of the update
    const retag = ctx.facts.builds.length === 1 ? ctx.retag(ctx.facts.builds[0]) : undefined;
    if (retag) retag.preferred = true;
    return [{ message: `${imageLabel(ctx)}: ${joinTexts(js)}.`, fixes: [...(retag ? [retag] : []), ...placementFixes(ctx, [], true)] }];
  },
};
