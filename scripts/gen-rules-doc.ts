// Generates docs/rules.md from the rule registry (the one place rules are described).
// `npm run generate` writes it; the test suite fails when the committed page is out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/engine/rules';

export function renderRulesDoc(): string {
  const lines = [
    '# wincompat rules',
    '',
    '<!-- Generated from server/src/engine/rules by `npm run generate`. Do not edit. -->',
    '',
    'Rule ids are stable: use them in `severities` settings, in `.wincompat.yaml` and in inline suppressions',
    '(`# wincompat ignore=<rule-id> <reason>` on the line above, or `# wincompat ignore-file=<rule-id>`).',
    '',
    '| Rule | Default severity | Fixes | Summary |',
    '| --- | --- | --- | --- |',
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.fixes.join(', ') || '—'} | ${r.summary} |`),
    '',
  ];
  for (const r of RULES) {
    lines.push(`## ${r.id}`, '', `**Default severity:** ${r.severity}. **Fixes:** ${r.fixes.join(', ') || 'none'}.`, '', r.summary, '', r.description, '');
  }
  return lines.join('\n');
}

if (require.main === module) {
  const out = path.resolve(__dirname, '../../docs/rules.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, renderRulesDoc());
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}
