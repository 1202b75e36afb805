import type { Rule } from '../rule';

export const swarmConstraintOperator: Rule = {
  id: 'swarm-constraint-operator',
  severity: 'error',
  summary: 'A Swarm placement constraint written with a single `=`.',
  description: 'Swarm constraints accept only `==` and `!=`; `node.labels.os=windows` is rejected with "constraint expected one operator from ==, !=" (SWK constraint.go, DCLI). Microsoft\'s swarm-mode page shows a generic `=` form; only its `==` examples are valid.',
  fixes: ['constraintOperator'],
  checkFile(ctx) {
    return ctx.facts.filter((f) => f.kind === 'swarm-constraint' && /^[^=!<>]*[^=!]=[^=]/.test(f.key)).map((f) => {
      const fixed = f.key.replace(/^([^=!]*?)\s*=\s*/, '$1 == ');
      const fix = f.fix?.(fixed);
      if (fix) fix.preferred = true;
      return { message: `\`${f.key}\`: Swarm accepts only \`==\` and \`!=\`; write \`${fixed}\`.`, range: f.range, fixes: fix ? [fix] : [] };
    });
  },
};
