import { supportStatus } from '../../compat/lifecycle';
import { imageLabel, type Rule } from '../rule';

export const releaseOutOfSupport: Rule = {
  id: 'release-out-of-support',
  severity: 'warning',
  summary: 'The image\'s Windows release is out of support: no more security updates.',
  description: 'Windows base images follow the lifecycle of their release: LTSC images get 5 years of mainstream and 5 of extended support, Semi-Annual Channel images 18 months (LIFE, RELINFO). An image of a release past its end gets no security fixes. Judged against today\'s date.',
  fixes: ['retag'],
  checkImage(ctx) {
    if (ctx.facts.os !== 'windows' || ctx.facts.builds.length !== 1) return [];
    const s = supportStatus(ctx.facts.builds[0], ctx.config.today, ctx.facts.token?.text);
    if (!s || s.state !== 'ended') return [];
    const newest = ctx.config.targets.map((t) => t.build).filter((b) => b >= ctx.facts.builds[0]);
    const fixes = [...new Set(newest)].map((b) => ctx.retag(b)).filter((f) => f !== undefined);
    return [{ message: `${imageLabel(ctx)} is ${s.release.name}, out of support since ${s.date}.`, fixes }];
  },
};
