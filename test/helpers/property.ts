// fc.assert that counts what it ran: every property test file goes through it, and `npm run fuzz`
// (FUZZ_RUNS set) prints per file how many generated cases were checked.
import * as path from 'node:path';
import fc from 'fast-check';

let ran = 0;
let reporting = false;

export function check<Ts>(property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  const details = fc.check(property as fc.IProperty<Ts>, params) as fc.RunDetails<Ts>;
  ran += details.numRuns;
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
  if (!reporting && process.env.FUZZ_RUNS) {
    reporting = true;
    process.on('exit', () => process.stdout.write(`fuzz: ${path.basename(process.argv[1] ?? 'tests')}: ${ran} cases\n`));
  }
}
