// Generators of the files wincompat reads (fast-check arbitraries), valid and mutated: the
// engine's property tests and the YAML fast path's comparison with the parser share them.
import fc from 'fast-check';

export const IMAGES = [
  'mcr.microsoft.com/windows/servercore:ltsc2019', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/nanoserver:1809',
  'mcr.microsoft.com/windows/servercore:10.0.17763.973', 'mcr.microsoft.com/windows/servercore:ltsc2016', 'microsoft/windowsservercore:ltsc2016',
  'mcr.microsoft.com/dotnet/framework/aspnet:4.8', 'mcr.microsoft.com/dotnet/aspnet:8.0', 'mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809',
  'golang:1.27-windowsservercore-ltsc2025', 'nginx:1.27', 'contoso/app:1.0', 'mcr.microsoft.com/windows/servercore:latest', '${BASE}', 'mcr.microsoft.com/windows/servercore:${TAG:-ltsc2019}',
];
export const image = fc.constantFrom(...IMAGES);
export const comment = fc.string({ maxLength: 20 }).map((s) => `# note ${s.replace(/[\r\n]/g, ' ')}`);

export const dockerfile = fc.record({
  escape: fc.boolean(),
  args: fc.array(fc.tuple(fc.constantFrom('BASE', 'TAG', 'V'), image), { maxLength: 2 }),
  stages: fc.array(fc.tuple(image, fc.boolean(), comment, fc.constantFrom('RUN echo hi', 'COPY . C:/app', 'RUN <<EOF\nFROM not-an-instruction\nEOF', 'RUN powershell -Command `\n  Write-Host hi', 'COPY --from=0 /a /b')), { minLength: 1, maxLength: 4 }),
}).map(({ escape, args, stages }) => [
  ...(escape ? ['# escape=`'] : []),
  ...args.map(([k, v]) => `ARG ${k}=${v.replace(/^\$\{BASE\}$/, 'x')}`),
  ...stages.flatMap(([img, named, c, body], i) => [c, `FROM ${i > 0 && named ? `s${i - 1}` : img}${named ? ` AS s${i}` : ''}`, body]),
].join('\n') + '\n');

export const manifest = fc.array(fc.record({
  kind: fc.constantFrom('Deployment', 'Pod', 'CronJob', 'DaemonSet'),
  image,
  os: fc.constantFrom(undefined, 'windows', 'linux'),
  build: fc.constantFrom(undefined, '10.0.17763', '10.0.20348', 17763),
  beta: fc.boolean(),
  c: comment,
}), { minLength: 1, maxLength: 4 }).map((docs) => docs.map((d) => {
  const sel = [d.os && `${d.beta ? 'beta.' : ''}kubernetes.io/os: ${d.os}`, d.build && `node.kubernetes.io/windows-build: ${typeof d.build === 'number' ? d.build : `"${d.build}"`}`].filter(Boolean) as string[];
  const spec = [...(sel.length ? ['nodeSelector:', ...sel.map((s) => `  ${s}`)] : []), 'containers:', '  - name: c', `    image: ${JSON.stringify(d.image)}`, '    env:', '      - {name: A, value: "1"}'];
  const path = d.kind === 'Pod' ? ['spec:'] : d.kind === 'CronJob' ? ['spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:'] : ['spec:', '  template:', '    spec:'];
  const indent = ' '.repeat(path.length * 2);
  return [`${d.c}`, `apiVersion: v1`, `kind: ${d.kind}`, 'metadata: {name: x}', ...path, ...spec.map((s) => indent + s)].join('\n');
}).join('\n---\n') + '\n');

export const compose = fc.array(fc.record({ image, isolation: fc.constantFrom(undefined, 'process', 'hyperv'), constraint: fc.constantFrom(undefined, 'node.platform.os=windows', 'node.platform.os == windows'), c: comment }), { minLength: 1, maxLength: 3 })
  .map((svcs) => ['services:', ...svcs.flatMap((s, i) => [`  ${s.c}`, `  s${i}:`, `    image: ${JSON.stringify(s.image)}`, ...(s.isolation ? [`    isolation: ${s.isolation}`] : []), ...(s.constraint ? ['    deploy:', '      placement:', `        constraints: [${JSON.stringify(s.constraint)}]`] : [])])].join('\n') + '\n');

/** a mutation: drop, duplicate or insert characters at random places */
export const mutate = (gen: fc.Arbitrary<string>) => fc.tuple(gen, fc.array(fc.tuple(fc.nat(), fc.nat(5), fc.string({ maxLength: 4 })), { maxLength: 3 }))
  .map(([text, muts]) => muts.reduce((t, [at, del, ins]) => { const i = at % (t.length + 1); return t.slice(0, i) + ins + t.slice(i + del); }, text));
