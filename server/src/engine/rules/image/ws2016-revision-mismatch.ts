import { failing, imageLabel, joinTexts, placementFixes, type Rule } from '../rule';

export const ws2016RevisionMismatch: Rule = {
  id: 'ws2016-revision-mismatch',
  severity: 'warning',
  summary: 'Windows Server 2016 image and host on different revisions: unsupported under process isolation.',
  description: 'For build 14393 Microsoft supports process isolation only when the host\'s update revision (UBR) equals the image\'s (VC "Windows Server 2016 restrictions"); a container with another revision "might not start". Pin the image to the host\'s revision (`10.0.14393.<rev>`) or use Hyper-V isolation.',
  fixes: ['hypervIsolation'],
  checkImage(ctx) {
    const js = failing(ctx, ['ws2016-revision'], 'any');
    return js.length ? [{ message: `${imageLabel(ctx)}: ${joinTexts(js)}.`, fixes: placementFixes(ctx, [], true) }] : [];
  },
};
