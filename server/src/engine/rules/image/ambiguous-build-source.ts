import type { Rule } from '../rule';

export const ambiguousBuildSource: Rule = {
  id: 'ambiguous-build-source',
  severity: 'information',
  summary: 'Several Dockerfiles build this image name from different bases.',
  description: 'The image is built by the workspace itself, but two or more builds (compose services, `.wincompat.yaml` images, `docker build -t` commands) give it different base images. wincompat judges the first and names them all; make the name unique or map it in `.wincompat.yaml` `images:`.',
  fixes: [],
  checkImage(ctx) {
    const c = ctx.use.buildConflict;
    if (!c || c.length < 2) return [];
    return [{ message: `\`${ctx.use.ref}\` is built from different bases: ${c.map((x) => `\`${x.dockerfile}\` (${x.base})`).join(', ')}; judged by the first.` }];
  },
};
