// `npm run bench`: wincompat beside its peers on the same machine, in one run.
//   --small   a quick version (CI runs it: it fails on errors, never on timing)
// Prints medians, p95/p99 and peak memory, and the ratios the targets are stated in.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dockerfile, manifest, workspace } from './corpus.mjs';
import { LspClient } from './lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const small = process.argv.includes('--small');
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice(7);
const SIZE = small
  ? { lines: 1000, docs: 200, files: 1000, edits: 20, peerEdits: 5, yamlPeerEdits: 3, runs: 1 }
  : { lines: 10000, docs: 5000, files: 20000, edits: 100, peerEdits: 30, yamlPeerEdits: 5, runs: 5 };
const work = path.join(root, '.bench', small ? 'small' : 'full');
fs.mkdirSync(work, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const SERVERS = {
  wincompat: { cmd: process.execPath, args: [path.join(root, 'dist/server.js'), '--stdio'], settings: { wincompat: { debounceMs: 0 } } },
  'dockerfile-language-server': { cmd: bin('docker-langserver'), args: ['--stdio'], settings: { docker: { languageserver: { diagnostics: {} } } } },
  'yaml-language-server': { cmd: bin('yaml-language-server'), args: ['--stdio'], settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } } },
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: q(0.5), p95: q(0.95), p99: q(0.99) };
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rows = [];
const row = (...cells) => { rows.push(cells); console.log(cells.join('  |  ')); };
let failures = 0;
const fail = (what, e) => { failures++; console.error(`ERROR ${what}: ${e?.stack ?? e}`); };

/** per-edit latency: didChange → publishDiagnostics for that version */
async function editLatency(server, file, languageId, edits, editAt) {
  const s = SERVERS[server];
  const client = new LspClient(s.cmd, s.args, { settings: s.settings, cwd: lspDir });
  await client.initialize(path.dirname(file), s.settings);
  const uri = pathToFileURL(file).href;
  const text = fs.readFileSync(file, 'utf8');
  // the client keeps the text as lines, as an editor does: a 12 MB string split and joined per
  // edit would put the client's own garbage collection into the measured time
  const lines = text.split('\n');
  const first = client.waitDiagnostics(uri);
  const t0 = performance.now();
  client.open(uri, languageId, text);
  await first;
  const openMs = performance.now() - t0;
  const times = [];
  let missed = 0;
  for (let i = 0; i < edits; i++) {
    const { range, newText } = editAt(lines, i);
    const version = i + 2;
    // a server that publishes nothing for an edit (unchanged diagnostics) is counted, not waited on forever
    const wait = client.waitDiagnostics(uri, version, 30000);
    const start = performance.now();
    client.change(uri, version, range, newText);
    try { const { at } = await wait; times.push(at - start); } catch { missed++; }
  }
  const mem = client.memory();
  await client.stop();
  return { ...stats(times), openMs, mem, missed };
}

/** replace one character in the middle of the file (its lines, changed in place); every 10th edit touches an image tag */
function editScript(kind) {
  return (lines, i) => {
    let line, col, newText, oldLen = 1;
    if (i % 10 === 9) {
      line = lines.findIndex((l, k) => k > lines.length / 2 && (kind === 'dockerfile' ? /^FROM .*ltsc20(19|22)/.test(l) : /image: .*ltsc20(19|22)/.test(l)));
      if (line < 0) line = lines.findIndex((l) => /ltsc20(19|22)/.test(l));
      col = lines[line].search(/ltsc20(19|22)/) + 6;
      newText = lines[line][col] === '1' ? '22' : '19';
      oldLen = 2;
    } else {
      line = Math.floor(lines.length / 2) + (i % 50);
      while (kind === 'dockerfile' ? !/^RUN /.test(lines[line]) : !/value: "/.test(lines[line])) line++;
      col = lines[line].length - 2;
      const old = lines[line][col];
      newText = String.fromCharCode(97 + (i % 26));
      if (newText === old) newText = String.fromCharCode(97 + ((i + 1) % 26));
    }
    const range = { start: { line, character: col }, end: { line, character: col + oldLen } };
    lines[line] = lines[line].slice(0, col) + newText + lines[line].slice(col + oldLen);
    return { range, newText };
  };
}

/** the editor corpora live in a folder of their own: the workspace corpus must not be indexed by the servers */
const lspDir = path.join(work, 'lsp');
fs.mkdirSync(lspDir, { recursive: true });

async function lspBench() {
  const df = path.join(lspDir, 'Dockerfile');
  const mf = path.join(lspDir, 'manifest.yaml');
  fs.writeFileSync(df, dockerfile(SIZE.lines));
  fs.writeFileSync(mf, manifest(SIZE.docs));
  console.log(`\n## Per-edit latency (didChange → publishDiagnostics), ${SIZE.lines}-line Dockerfile and ${SIZE.docs}-document manifest (${(fs.statSync(mf).size / 1048576).toFixed(1)} MB)`);
  row('server', 'file', 'edits', 'open ms', 'median ms', 'p95 ms', 'p99 ms', 'peak RSS MB');
  const results = {};
  for (const [server, file, lang, n] of [
    ['wincompat', df, 'dockerfile', SIZE.edits], ['dockerfile-language-server', df, 'dockerfile', SIZE.peerEdits],
    ['wincompat', mf, 'yaml', SIZE.edits], ['yaml-language-server', mf, 'yaml', SIZE.yamlPeerEdits],
  ]) {
    if (process.env.BENCH_PEERS === '0' && server !== 'wincompat') continue;
    try {
      const r = await editLatency(server, file, lang, n, editScript(lang === 'yaml' ? 'yaml' : 'dockerfile'));
      results[`${server}:${lang}`] = r;
      row(server, path.basename(file), `${r.n}${r.missed ? ` (+${r.missed} without a publish in 30 s)` : ''}`, ms(r.openMs), ms(r.median), ms(r.p95), ms(r.p99), r.mem.peak.toFixed(0));
    } catch (e) { fail(`${server} on ${path.basename(file)}`, e); }
  }
  const ratio = (a, b) => (results[a] && results[b] ? `${(results[b].median / results[a].median).toFixed(0)}× faster (median)` : 'n/a');
  console.log(`wincompat vs dockerfile-language-server: ${ratio('wincompat:dockerfile', 'dockerfile-language-server:dockerfile')}; vs yaml-language-server: ${ratio('wincompat:yaml', 'yaml-language-server:yaml')}`);
  return results;
}

async function typingBench() {
  // default settings (the shipped debounce): 10 keystrokes 100 ms apart, then how long until the
  // diagnostics for the last keystroke arrive
  const df = path.join(lspDir, 'Dockerfile');
  const s = SERVERS.wincompat;
  const client = new LspClient(s.cmd, s.args, { cwd: lspDir });
  await client.initialize(lspDir, {});
  const uri = pathToFileURL(df).href;
  const text = fs.readFileSync(df, 'utf8');
  const lines = text.split('\n');
  const first = client.waitDiagnostics(uri);
  client.open(uri, 'dockerfile', text);
  await first;
  const script = editScript('dockerfile');
  let last;
  for (let i = 0; i < 10; i++) {
    const { range, newText } = script(lines, i);
    client.change(uri, i + 2, range, newText);
    last = performance.now();
    if (i < 9) await new Promise((r) => setTimeout(r, 100));
  }
  const { at } = await client.waitDiagnostics(uri, 11);
  await client.stop();
  console.log(`\n## Typing (10 keystrokes 100 ms apart, default debounce): diagnostics settle ${ms(at - last)} ms after the last keystroke`);
  return at - last;
}

function timed(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { seconds: Number(m[1]), peakMB: Number(m[2]) / 1024 };
}

function workspaceBench() {
  const ws = workspace(path.join(work, 'workspace'), SIZE.files);
  console.log(`\n## Workspace check, ${SIZE.files} files (whole process, median of ${SIZE.runs} interleaved rounds), ${os.cpus().length} cores`);
  row('run', 'seconds', 'peak RSS MB');
  // the three are run in turn, round after round: a slow minute on a shared machine then slows
  // one run of each instead of every run of one
  const rounds = { read: [], naive: [], ours: [] };
  for (let i = 0; i < SIZE.runs; i++) {
    rounds.read.push(timed(process.execPath, ['bench/floors.mjs', 'read', ws]));
    rounds.naive.push(timed(process.execPath, ['bench/floors.mjs', 'parse', ws]));
    rounds.ours.push(timed(process.execPath, ['dist/cli.js', 'check', ws, '--format', 'json']));
  }
  const med = (rs) => [...rs].sort((a, b) => a.seconds - b.seconds)[Math.floor(rs.length / 2)];
  const read = med(rounds.read);
  row('read floor (walk + read)', read.seconds.toFixed(2), read.peakMB.toFixed(0));
  const naive = med(rounds.naive);
  row('naive parse (dockerfile-ast + yaml, 1 process)', naive.seconds.toFixed(2), naive.peakMB.toFixed(0));
  const ours = med(rounds.ours);
  row('wincompat check', ours.seconds.toFixed(2), ours.peakMB.toFixed(0));
  console.log(`wincompat = ${(ours.seconds / naive.seconds).toFixed(2)}× naive parse (target ≤ 0.5), ${(ours.seconds / read.seconds).toFixed(2)}× read floor (target ≤ 3), peak ${ours.peakMB.toFixed(0)} MB (target < 400)`);
}

async function startupBench() {
  const bare = [];
  const server = [];
  for (let i = 0; i < (small ? 2 : 5); i++) {
    let t = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
    const df = path.join(lspDir, 'small.Dockerfile');
    fs.writeFileSync(df, 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n');
    t = performance.now();
    const s = SERVERS.wincompat;
    const client = new LspClient(s.cmd, s.args, { cwd: lspDir });
    await client.initialize(lspDir, s.settings);
    const uri = pathToFileURL(df).href;
    const got = client.waitDiagnostics(uri);
    client.open(uri, 'dockerfile', fs.readFileSync(df, 'utf8'));
    await got;
    server.push(performance.now() - t);
    await client.stop();
  }
  const b = stats(bare).median, sv = stats(server).median;
  console.log(`\n## Start-up: bare node ${ms(b)} ms; server initialize + first diagnostics ${ms(sv)} ms = ${(sv / b).toFixed(1)}× (target ≤ 3×)`);
}

console.log(`# wincompat benchmark (${small ? 'small' : 'full'}) — ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`);
if (!fs.existsSync(path.join(root, 'dist/server.js'))) execFileSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root });
const steps = { lsp: lspBench, typing: typingBench, cli: workspaceBench, startup: startupBench };
for (const [name, step] of Object.entries(steps)) {
  if (only && only !== name) continue;
  try { await step(); } catch (e) { fail(name, e); }
}
if (failures) { console.error(`${failures} benchmark step(s) failed`); process.exit(1); }
