// A worker of a parallel `wincompat check`: owns a share of the files, runs the Scanner's two
// phases on them when the main thread asks (see check.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { Scanner, type IndexEntries, type ScanOptions } from './scanner';
import { walk, type Share } from './walk';

type Message = { type: 'index' } | { type: 'analyze'; entries: IndexEntries };

const { opts, roots, excludes, share } = workerData as { opts: ScanOptions; roots: string[]; excludes: string[]; share: Share };
const scanner = new Scanner(opts);
let files: string[] = [];
parentPort!.on('message', (m: Message) => {
  try {
    if (m.type === 'index') {
      // this worker's share of the tree: walked here, in parallel with the other workers
      const walked = walk(roots, (f) => scanner.candidate(f), excludes, share);
      files = walked.files;
      parentPort!.postMessage({ type: 'progress', done: 0, total: files.length });
      parentPort!.postMessage({ type: 'indexed', entries: scanner.index(files), problems: walked.problems });
    }
    else {
      scanner.absorb(m.entries);
      const reports = scanner.analyze(files, (done) => parentPort!.postMessage({ type: 'progress', done }));
      parentPort!.postMessage({ type: 'reports', reports, problems: scanner.problems, configs: scanner.usedConfigs() });
    }
  } catch (e) {
    parentPort!.postMessage({ type: 'error', message: (e as Error).message, usage: (e as Error).name === 'UsageError' || (e as Error).constructor.name === 'UsageError' });
  }
});
