import type { Rule } from '../rule';

export const unresolvedVariable: Rule = {
  id: 'unresolved-variable',
  severity: 'warning',
  summary: 'The image reference uses a variable that has no value here.',
  description: 'A Dockerfile `ARG` without a default (and no build argument), or a compose `${VAR}` that neither the `.env` file nor a default sets, leaves the image unknown: wincompat cannot judge it and the build may fail. Give the variable a default.',
  fixes: [],
  checkImage(ctx) {
    const vars = ctx.use.sub.unresolved;
    if (!vars.length) return [];
    return [{ message: `\`${ctx.use.ref}\`: ${vars.map((v) => `\`${v}\``).join(', ')} ${vars.length > 1 ? 'have' : 'has'} no value, so the image cannot be resolved.` }];
  },
};
