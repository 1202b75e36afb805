// Deterministic benchmark corpora (same seed, same bytes on every machine):
//   dockerfile-10k: a 10,000-line multi-stage Dockerfile
//   manifest-5k:    a 5,000-document Kubernetes manifest (~12 MB)
//   workspace-20k:  a 20,000-file repository: Dockerfiles, compose files, manifests, CI files among
//                   sources, docs, JSON and YAML that holds no image (~50 MB)
import * as fs from 'node:fs';
import * as path from 'node:path';

export function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const TOKENS = ['ltsc2019', 'ltsc2022', 'ltsc2025', '1809'];
const IMAGES = (r) => {
  const t = TOKENS[Math.floor(r() * TOKENS.length)];
  return [
    `mcr.microsoft.com/windows/servercore:${t === '1809' ? 'ltsc2019' : t}`,
    `mcr.microsoft.com/windows/nanoserver:${t === 'ltsc2019' ? '1809' : t}`,
    `mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-${t === '1809' ? 'ltsc2019' : t}`,
    `mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-${t === 'ltsc2019' ? '1809' : t}`,
    'nginx:1.27-alpine', 'redis:7', 'contoso/api:1.4.2',
  ][Math.floor(r() * 7)];
};

export function dockerfile(lines, seed = 1) {
  const r = rng(seed);
  const out = ['# escape=`', 'ARG WINDOWS_VERSION=ltsc2019', `FROM mcr.microsoft.com/windows/servercore:\${WINDOWS_VERSION} AS base`];
  let stage = 0;
  while (out.length < lines) {
    const n = out.length;
    if (n % 997 === 0) out.push(`FROM ${stage === 0 ? 'base' : IMAGES(r)} AS stage${++stage}`);
    else if (n % 13 === 0) out.push('RUN powershell -Command `', `    Write-Host "step ${n}"; `, `    Get-ChildItem C:\\app\\${n}`);
    else if (n % 7 === 0) out.push(`COPY src/module${n}/ C:/app/module${n}/`);
    else out.push(`RUN cmd /S /C "echo building ${n} && dir C:\\app"`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export function manifest(docs, seed = 2) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < docs; i++) {
    const image = IMAGES(r);
    const windows = !/nginx|redis/.test(image);
    out.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: {app: app-${i}, tier: backend}
  annotations:
    owner: team-${i % 17}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
${windows ? `      nodeSelector:
        kubernetes.io/os: windows
        node.kubernetes.io/windows-build: "10.0.${r() < 0.5 ? 17763 : 20348}"
      tolerations:
        - {key: os, operator: Equal, value: windows, effect: NoSchedule}
` : ''}      containers:
        - name: app
          image: ${image}
          ports:
            - containerPort: ${8000 + (i % 100)}
          env:
${Array.from({ length: 20 }, (_, k) => `            - name: SETTING_${k}\n              value: "value-${i}-${k}-${'x'.repeat(20)}"`).join('\n')}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 512Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: ${8000 + (i % 100)}}
            initialDelaySeconds: 10
`);
  }
  return out.join('---\n');
}

function compose(r, i) {
  return `services:
  web${i}:
    image: ${IMAGES(r)}
    isolation: process
    ports: ["80${i % 10}:80"]
  worker${i}:
    build:
      context: ./svc${i}
    image: contoso/worker${i}:latest
  cache:
    image: redis:7
`;
}

/** writes the 20,000-file workspace; returns its root */
export function workspace(root, files = 20000, seed = 3) {
  const r = rng(seed);
  if (fs.existsSync(path.join(root, '.complete')) && fs.readFileSync(path.join(root, '.complete'), 'utf8') === String(files)) return root;
  fs.rmSync(root, { recursive: true, force: true });
  const filler = (n) => Array.from({ length: n }, (_, k) => `// line ${k}: ${'lorem ipsum dolor sit amet '.repeat(3)}`).join('\n');
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, `team${i % 40}`, `svc${Math.floor(i / 40) % 25}`, `pkg${i % 7}`);
    fs.mkdirSync(dir, { recursive: true });
    const kind = i % 50;
    let name, text;
    if (kind === 0) { name = 'Dockerfile'; text = dockerfile(40 + Math.floor(r() * 60), i); }
    else if (kind === 1) { name = 'compose.yaml'; text = compose(r, i); }
    else if (kind === 2 || kind === 3) { name = `deploy-${i}.yaml`; text = manifest(1 + Math.floor(r() * 3), i); }
    else if (kind === 4) { name = `ci-${i}.yml`; text = `name: ci\non: [push]\njobs:\n  build:\n    runs-on: windows-2022\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo ${i}\n`; }
    else if (kind < 10) { name = `settings-${i}.yaml`; text = `# app settings\nlogging:\n  level: info\nfeatures:\n${Array.from({ length: 40 }, (_, k) => `  flag${k}: ${k % 2 === 0}`).join('\n')}\n`; }
    else if (kind < 20) { name = `data-${i}.json`; text = JSON.stringify({ id: i, items: Array.from({ length: 30 }, (_, k) => ({ k, v: `value-${k}` })) }); }
    else if (kind < 25) { name = `README-${i}.md`; text = `# Module ${i}\n\n${filler(40)}\n`; }
    else { name = `file${i}.ts`; text = `export const x${i} = ${i};\n${filler(55)}\n`; }
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.writeFileSync(path.join(root, '.complete'), String(files));
  return root;
}
