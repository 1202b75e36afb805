import { supportStatus } from '../../compat/lifecycle';
import { imageLabel, type Rule } from '../rule';

export const releaseSupportEnding: Rule = {
  id: 'release-support-ending',
  severity: 'information',
  summary: 'The image\'s Windows release reaches its end of support soon.',
  description: 'The release ends support within the configured number of days (default 90; LIFE, RELINFO): plan the move to a newer base image.',
  fixes: [],
  checkImage(ctx) {
    if (ctx.facts.os !== 'windows' || ctx.facts.builds.length !== 1) return [];
    const s = supportStatus(ctx.facts.builds[0], ctx.config.today, ctx.facts.token?.text, ctx.config.supportWarningDays);
    if (!s || s.state !== 'ending') return [];
    return [{ message: `${imageLabel(ctx)} is ${s.release.name}: support ends on ${s.date} (in ${s.days} days).` }];
  },
};
