// The `wincompat` command line. Exit codes: 0 nothing at error severity, 1 errors found,
// 2 usage or unreadable input.
import { RULES } from '../engine/rules';
import type { UserSettings } from '../engine/config/load-config';
import { runCheck, UsageError, type CheckOptions } from './check';
import { formatText, toJson, toSarif } from './format';
import { targetsFromInventories, targetsMain } from './targets-import';

const VERSION = '0.1.0';

const HELP = `wincompat ${VERSION}: will these Windows container images start on your hosts?

Usage:
  wincompat check [PATH…] [options]     check Dockerfiles, compose files and Kubernetes manifests
  wincompat rules                       list the rules
  wincompat targets import FILE…        write the node pools of cluster or host inventories as targets
                                        of .wincompat.yaml (wincompat targets --help)
  wincompat --version | --help

Options of check:
  --host SPEC           a target host: a build (10.0.17763, 17763, 10.0.14393.1715) or an alias
                        (ltsc2019, ws2022, win11-24h2); repeat for several; SPEC:hyperv sets isolation
  --hosts-from FILE     the node pools of an inventory (kubectl get nodes -o json, docker info, …)
                        as targets; repeatable; - reads stdin
  --isolation MODE      process | hyperv, for every --host without its own
  --config FILE         use this configuration instead of the nearest .wincompat.yaml
  --format FORMAT       text (default) | json | sarif
  --fix                 apply the preferred fix of every finding, then report what remains
  --exclude GLOB        skip matching paths (repeatable; .gitignore is always respected)
  --jobs N              worker threads for large scans (default: one per core)

Default target: Windows Server 2022 (10.0.20348), process isolation.`;

interface Parsed { command: string; opts: CheckOptions; format: 'text' | 'json' | 'sarif' }

function parseArgs(argv: string[]): Parsed {
  const [command = 'help', ...rest] = argv;
  const cli: UserSettings = {};
  const hosts: string[] = [];
  const hostsFrom: string[] = [];
  const excludes: string[] = [];
  const paths: string[] = [];
  let format: Parsed['format'] = 'text';
  let configFile: string | undefined;
  let fix = false;
  let jobs: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--host': hosts.push(value()); break;
      case '--hosts-from': hostsFrom.push(value()); break;
      case '--isolation': {
        const v = value();
        if (v !== 'process' && v !== 'hyperv') throw new UsageError(`--isolation must be process or hyperv, not \`${v}\``);
        cli.isolation = v;
        break;
      }
      case '--config': configFile = value(); break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not \`${v}\``);
        format = v;
        break;
      }
      case '--fix': fix = true; break;
      case '--exclude': excludes.push(value()); break;
      case '--jobs': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1) throw new UsageError('--jobs must be a whole number of 1 or more');
        jobs = v;
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        paths.push(a);
    }
  }
  if (hosts.length) cli.targets = hosts;
  if (hostsFrom.length) cli.targets = [...hosts, ...targetsFromInventories(hostsFrom, (w) => process.stderr.write(`wincompat: warning: ${w}\n`))];
  if (excludes.length) cli.exclude = excludes;
  return { command, opts: { paths, cli, configFile, fix, workers: jobs }, format };
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'targets') return targetsMain(argv.slice(1));
  let parsed: Parsed;
  try { parsed = parseArgs(argv); } catch (e) { return usage((e as Error).message); }
  switch (parsed.command) {
    case 'help': case '--help': case '-h': process.stdout.write(HELP + '\n'); return 0;
    case '--version': case '-v': process.stdout.write(VERSION + '\n'); return 0;
    case 'rules':
      for (const r of RULES) process.stdout.write(`${r.id.padEnd(31)} ${r.severity.padEnd(12)} ${r.summary}\n`);
      return 0;
    case 'check': break;
    default: return usage(`unknown command \`${parsed.command}\``);
  }
  const { opts, format } = parsed;
  try {
    for (const h of Array.isArray(opts.cli.targets) ? opts.cli.targets : []) {
      // validate --host early: a typo must not silently fall back to the default target
      const { parseTarget } = require('../engine/targets/target') as typeof import('../engine/targets/target');
      parseTarget(typeof h === 'string' ? h : h);
    }
  } catch (e) { return usage(`--host: ${(e as Error).message}`); }
  const tty = process.stderr.isTTY && format === 'text';
  let lastDraw = 0;
  if (tty) opts.onProgress = (done, total) => {
    const now = Date.now();
    if (total < 200 || (now - lastDraw < 100 && done < total)) return;
    lastDraw = now;
    process.stderr.write(`\rwincompat: ${done}/${total} files${done === total ? '\n' : ''}`);
  };
  let result;
  try { result = await runCheck(opts); } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  }
  // indented for a person at a terminal, compact for a program reading a pipe (a 20,000-file
  // report is megabytes: indentation there costs time and nobody reads it unformatted)
  const indent = process.stdout.isTTY ? 2 : undefined;
  if (format === 'json') process.stdout.write(JSON.stringify(toJson(result), null, indent) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif(result, VERSION), null, indent) + '\n');
  else process.stdout.write(formatText(result, Boolean(process.stdout.isTTY)) + '\n');
  const missing = result.problems.filter((p) => opts.paths.includes(p.path));
  if (missing.length) return 2;
  return result.reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

function usage(message: string): number {
  process.stderr.write(`wincompat: ${message}\nRun \`wincompat --help\` for usage.\n`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`wincompat: internal error: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; });
}
