// A worker of a parallel `wincompat check`: owns a share of the files, runs the Scanner's two
// phases on them when the main thread asks (see check.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { Scanner, type IndexEntries, type ScanOptions } from './scanner';

type Message = { type: 'index'; files: string[] } | { type: 'analyze'; entries: IndexEntries };

const { opts } = workerData as { opts: ScanOptions };
const scanner = new Scanner(opts);
let files: string[] = [];
parentPort!.on('message', (m: Message) => {
  try {
    if (m.type === 'index') { files = m.files; parentPort!.postMessage({ type: 'indexed', entries: scanner.index(files) }); }
    else {
      scanner.absorb(m.entries);
      const reports = scanner.analyze(files, (done) => parentPort!.postMessage({ type: 'progress', done }));
      parentPort!.postMessage({ type: 'reports', reports, problems: scanner.problems, configs: scanner.usedConfigs() });
    }
  } catch (e) {
    parentPort!.postMessage({ type: 'error', message: (e as Error).message, usage: (e as Error).name === 'UsageError' || (e as Error).constructor.name === 'UsageError' });
  }
});
