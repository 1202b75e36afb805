import type { Rule } from '../rule';

export const deprecatedRepository: Rule = {
  id: 'deprecated-repository',
  severity: 'warning',
  summary: 'A legacy Docker Hub repository of Microsoft that moved to mcr.microsoft.com.',
  description: 'Microsoft moved its images from Docker Hub `microsoft/*` to the Microsoft Container Registry (MCRMAP, WS19BLOG); the old repositories receive no updates and some were deleted. Use the MCR name.',
  fixes: ['retag'],
  checkImage(ctx) {
    const move = ctx.facts.move;
    if (!move) return [];
    const fix = ctx.moveRepository();
    if (fix) fix.preferred = true;
    const to = move.to ? `use \`${move.to}\`` : 'it was deleted with no successor';
    return [{ message: `\`${ctx.facts.reference?.name.replace(/^docker\.io\//, '')}\` is a legacy repository: ${to}.`, fixes: fix ? [fix] : [] }];
  },
};
