// Quick fixes, one case per kind of edit the engine writes. Each case asserts:
//   - the exact text after the fix (comments, quotes and indentation of the user kept);
//   - every edit's newText stands where the edit put it;
//   - the result still parses (YAML without errors or duplicate keys; Dockerfile re-analysed cleanly);
//   - re-analysing the result no longer reports the diagnostic the fix was attached to;
//   - idempotence: fixing the fixed text the same way changes nothing (f(f(x)) = f(x)).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineConfig } from '../../server/src/engine/config/config';
import type { Fix, FixKind, TextEdit } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/engine/text/line-index';
import {
  analyzeText, applyFix, assertYamlParses, configFrom, defaultTestConfig, describeReport, fixOf,
} from '../helpers/fixtures';

const WS = '/virtual/ws';

interface FixCase {
  name: string;
  /** the file analysed (virtual path) and its text */
  file: string;
  text: string;
  /** other files of the workspace the analysis reads (`.env`, built Dockerfiles) */
  files?: Record<string, string>;
  config?: EngineConfig;
  /** the diagnostic the fix is attached to */
  code: string;
  kind: FixKind;
  /** the fix's title must match */
  title?: RegExp;
  /** the expected texts of the files the fix changes (others must stay as they are) */
  expected: Record<string, string>;
}

const deployment = (podSpec: string) => `# Orders API on the Windows pool.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders
spec:
  replicas: 2
  selector:
    matchLabels:
      app: orders
  template:
    metadata:
      labels:
        app: orders
    spec:
${podSpec}`;

const hypervRuntimeClass = `# Hyper-V isolated pods (containerd handler).
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: windows-hyperv
handler: runhcs-wcow-hypervisor
scheduling:
  nodeSelector:
    kubernetes.io/os: windows
---
`;

const CASES: FixCase[] = [
  // ---------------------------------------------------------------- retag
  {
    name: 'retag in a FROM line',
    file: `${WS}/Dockerfile`,
    text: `# escape=\`
# Build agent image; keep the base in step with the agents.
FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS base
SHELL ["powershell", "-Command"]
RUN Install-WindowsFeature NET-Framework-45-Core
`,
    code: 'process-isolation-mismatch', kind: 'retag', title: /servercore:ltsc2022/,
    expected: {
      [`${WS}/Dockerfile`]: `# escape=\`
# Build agent image; keep the base in step with the agents.
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
SHELL ["powershell", "-Command"]
RUN Install-WindowsFeature NET-Framework-45-Core
`,
    },
  },
  {
    name: 'retag via an ARG default (one edit fixes both stages, quotes kept)',
    file: `${WS}/Dockerfile`,
    text: `# WINDOWS_VERSION selects the Windows Server release of both stages.
ARG WINDOWS_VERSION="ltsc2019"
FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-\${WINDOWS_VERSION} AS build
RUN msbuild /p:Configuration=Release
FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-$WINDOWS_VERSION
COPY --from=build C:/publish C:/inetpub/wwwroot
`,
    code: 'process-isolation-mismatch', kind: 'retag', title: /in the value of `WINDOWS_VERSION`/,
    expected: {
      [`${WS}/Dockerfile`]: `# WINDOWS_VERSION selects the Windows Server release of both stages.
ARG WINDOWS_VERSION="ltsc2022"
FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-\${WINDOWS_VERSION} AS build
RUN msbuild /p:Configuration=Release
FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-$WINDOWS_VERSION
COPY --from=build C:/publish C:/inetpub/wwwroot
`,
    },
  },
  {
    name: 'retag via a compose ${VAR:-default}',
    file: `${WS}/compose.yaml`,
    text: `services:
  docs:
    # TAG comes from the release job; the default is for local runs
    image: "mcr.microsoft.com/windows/servercore/iis:windowsservercore-\${TAG:-ltsc2019}"
    isolation: process
`,
    code: 'process-isolation-mismatch', kind: 'retag', title: /windowsservercore-ltsc2022/,
    expected: {
      [`${WS}/compose.yaml`]: `services:
  docs:
    # TAG comes from the release job; the default is for local runs
    image: "mcr.microsoft.com/windows/servercore/iis:windowsservercore-\${TAG:-ltsc2022}"
    isolation: process
`,
    },
  },
  {
    name: 'retag via the .env file (the edit names the .env file)',
    file: `${WS}/compose.yaml`,
    text: `services:
  docs:
    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-\${TAG:-ltsc2022}
    isolation: process
`,
    files: {
      [`${WS}/.env`]: `# Windows Server release of the swarm's Windows workers.
COMPOSE_PROJECT_NAME=contoso
TAG=ltsc2019 # keep in sync with the node labels
`,
    },
    code: 'process-isolation-mismatch', kind: 'retag', title: /in the value of `TAG` in \.env/,
    expected: {
      [`${WS}/.env`]: `# Windows Server release of the swarm's Windows workers.
COMPOSE_PROJECT_NAME=contoso
TAG=ltsc2022 # keep in sync with the node labels
`,
    },
  },
  {
    name: 'retag moves microsoft/windowsservercore to mcr.microsoft.com/windows/servercore',
    file: `${WS}/Dockerfile`,
    text: `# Legacy line-of-business app, still on the Docker Hub name.
FROM microsoft/windowsservercore:ltsc2016
COPY app/ C:/app/
`,
    code: 'process-isolation-mismatch', kind: 'retag', title: /`mcr\.microsoft\.com\/windows\/servercore:ltsc2022`/,
    expected: {
      [`${WS}/Dockerfile`]: `# Legacy line-of-business app, still on the Docker Hub name.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY app/ C:/app/
`,
    },
  },
  {
    name: 'deprecated repository: the MCR name, same tag',
    file: `${WS}/Dockerfile`,
    text: `# Legacy line-of-business app, still on the Docker Hub name.
FROM microsoft/windowsservercore:ltsc2016
COPY app/ C:/app/
`,
    config: configFrom({ targets: ['ltsc2016'] }),
    code: 'deprecated-repository', kind: 'retag', title: /mcr\.microsoft\.com\/windows\/servercore/,
    expected: {
      [`${WS}/Dockerfile`]: `# Legacy line-of-business app, still on the Docker Hub name.
FROM mcr.microsoft.com/windows/servercore:ltsc2016
COPY app/ C:/app/
`,
    },
  },
  {
    name: 'deprecated repository in a quoted Kubernetes image (quotes kept)',
    file: `${WS}/pod.yaml`,
    text: `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  nodeSelector:
    kubernetes.io/os: windows
    node.kubernetes.io/windows-build: "10.0.17763"
  containers:
    - name: tools
      image: "microsoft/nanoserver:1809" # old Docker Hub name
`,
    code: 'deprecated-repository', kind: 'retag',
    expected: {
      [`${WS}/pod.yaml`]: `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  nodeSelector:
    kubernetes.io/os: windows
    node.kubernetes.io/windows-build: "10.0.17763"
  containers:
    - name: tools
      image: "mcr.microsoft.com/windows/nanoserver:1809" # old Docker Hub name
`,
    },
  },
  // ---------------------------------------------------------------- nodeSelector
  {
    name: 'nodeSelector added to a Deployment without one',
    file: `${WS}/deployment.yaml`,
    text: deployment(`      containers:
        - name: orders
          image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022 # pinned by CI
          ports:
            - containerPort: 8080
`),
    code: 'k8s-missing-os-selector', kind: 'nodeSelector', title: /10\.0\.20348/,
    expected: {
      [`${WS}/deployment.yaml`]: deployment(`      containers:
        - name: orders
          image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022 # pinned by CI
          ports:
            - containerPort: 8080
      nodeSelector:
        kubernetes.io/os: windows
        node.kubernetes.io/windows-build: "10.0.20348"
`),
    },
  },
  {
    name: 'nodeSelector entries added into an existing nodeSelector',
    file: `${WS}/deployment.yaml`,
    text: deployment(`      nodeSelector:
        agentpool: apps # AKS node pool
      containers:
        - name: orders
          image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
`),
    code: 'k8s-missing-os-selector', kind: 'nodeSelector',
    expected: {
      [`${WS}/deployment.yaml`]: deployment(`      nodeSelector:
        agentpool: apps # AKS node pool
        kubernetes.io/os: windows
        node.kubernetes.io/windows-build: "10.0.20348"
      containers:
        - name: orders
          image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
`),
    },
  },
  {
    name: 'nodeSelector: a wrong node.kubernetes.io/windows-build corrected in place (single quotes kept)',
    file: `${WS}/deployment.yaml`,
    text: deployment(`      nodeSelector:
        kubernetes.io/os: windows
        node.kubernetes.io/windows-build: '10.0.17763' # the old 2019 pool
      containers:
        - name: orders
          image: mcr.microsoft.com/windows/servercore:ltsc2022
`),
    code: 'k8s-build-selector-mismatch', kind: 'nodeSelector',
    expected: {
      [`${WS}/deployment.yaml`]: deployment(`      nodeSelector:
        kubernetes.io/os: windows
        node.kubernetes.io/windows-build: '10.0.20348' # the old 2019 pool
      containers:
        - name: orders
          image: mcr.microsoft.com/windows/servercore:ltsc2022
`),
    },
  },
  {
    name: 'nodeSelector in a CronJob (spec.jobTemplate.spec.template.spec)',
    file: `${WS}/cronjob.yaml`,
    text: `# Nightly clean-up of the upload share.
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "30 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: mcr.microsoft.com/windows/servercore:ltsc2022
              command:
                - powershell.exe
                - -Command
                - Remove-Item U:\\incoming\\* -Recurse
`,
    code: 'k8s-missing-os-selector', kind: 'nodeSelector',
    expected: {
      [`${WS}/cronjob.yaml`]: `# Nightly clean-up of the upload share.
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "30 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: mcr.microsoft.com/windows/servercore:ltsc2022
              command:
                - powershell.exe
                - -Command
                - Remove-Item U:\\incoming\\* -Recurse
          nodeSelector:
            kubernetes.io/os: windows
            node.kubernetes.io/windows-build: "10.0.20348"
`,
    },
  },
  {
    name: 'nodeSelector for an image that runs on two target builds: node affinity with both',
    file: `${WS}/deployment.yaml`,
    text: deployment(`      containers:
        - name: orders
          image: mcr.microsoft.com/windows/servercore:ltsc2022
`),
    config: configFrom({ targets: ['ltsc2022', 'ltsc2025'] }),
    code: 'k8s-missing-os-selector', kind: 'nodeSelector', title: /10\.0\.20348 or 10\.0\.26100/,
    expected: {
      [`${WS}/deployment.yaml`]: deployment(`      containers:
        - name: orders
          image: mcr.microsoft.com/windows/servercore:ltsc2022
      nodeSelector:
        kubernetes.io/os: windows
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                - key: node.kubernetes.io/windows-build
                  operator: In
                  values: ["10.0.20348", "10.0.26100"]
`),
    },
  },
  // ---------------------------------------------------------------- hypervIsolation
  {
    name: 'hypervIsolation in compose: inserted',
    file: `${WS}/compose.yaml`,
    text: `services:
  api:
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809
    ports:
      - "8080:8080" # http
`,
    code: 'process-isolation-mismatch', kind: 'hypervIsolation',
    expected: {
      [`${WS}/compose.yaml`]: `services:
  api:
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809
    ports:
      - "8080:8080" # http
    isolation: hyperv
`,
    },
  },
  {
    name: 'hypervIsolation in compose: `isolation: process` replaced',
    file: `${WS}/compose.yaml`,
    text: `services:
  api:
    isolation: process # the Windows Server default
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809
`,
    code: 'process-isolation-mismatch', kind: 'hypervIsolation',
    expected: {
      [`${WS}/compose.yaml`]: `services:
  api:
    isolation: hyperv # the Windows Server default
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809
`,
    },
  },
  {
    name: 'hypervIsolation in compose: a merged anchor is overridden, not edited',
    file: `${WS}/compose.yaml`,
    text: `x-windows: &windows
  isolation: process
  restart: unless-stopped
services:
  api:
    <<: *windows
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809
  web:
    <<: *windows
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
`,
    code: 'process-isolation-mismatch', kind: 'hypervIsolation',
    expected: {
      [`${WS}/compose.yaml`]: `x-windows: &windows
  isolation: process
  restart: unless-stopped
services:
  api:
    <<: *windows
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809
    isolation: hyperv
  web:
    <<: *windows
    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
`,
    },
  },
  {
    name: 'hypervIsolation in Kubernetes with a Hyper-V RuntimeClass in the same file',
    file: `${WS}/pod.yaml`,
    text: `${hypervRuntimeClass}apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  nodeSelector:
    kubernetes.io/os: windows
  containers:
    - name: app
      image: mcr.microsoft.com/windows/servercore:ltsc2019 # vendor ships 2019 only
`,
    code: 'process-isolation-mismatch', kind: 'hypervIsolation', title: /runtimeClassName: windows-hyperv/,
    expected: {
      [`${WS}/pod.yaml`]: `${hypervRuntimeClass}apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  nodeSelector:
    kubernetes.io/os: windows
  containers:
    - name: app
      image: mcr.microsoft.com/windows/servercore:ltsc2019 # vendor ships 2019 only
  runtimeClassName: windows-hyperv
`,
    },
  },
  // ---------------------------------------------------------------- swarmConstraint
  {
    name: 'swarmConstraint: no deploy section',
    file: `${WS}/compose.yaml`,
    text: `services:
  api:
    image: mcr.microsoft.com/windows/servercore:ltsc2019
    ports:
      - "80:80"
`,
    code: 'process-isolation-mismatch', kind: 'swarmConstraint', title: /node\.labels\.OsVersion == 10\.0\.17763/,
    expected: {
      [`${WS}/compose.yaml`]: `services:
  api:
    image: mcr.microsoft.com/windows/servercore:ltsc2019
    ports:
      - "80:80"
    deploy:
      placement:
        constraints:
          - "node.platform.os == windows"
          - "node.labels.OsVersion == 10.0.17763"
`,
    },
  },
  {
    name: 'swarmConstraint: appended to an existing constraints list (its style kept)',
    file: `${WS}/compose.yaml`,
    text: `services:
  api:
    image: mcr.microsoft.com/windows/servercore:ltsc2019
    deploy:
      replicas: 2
      placement:
        constraints:
          - 'node.role == worker' # never on managers
`,
    code: 'process-isolation-mismatch', kind: 'swarmConstraint',
    expected: {
      [`${WS}/compose.yaml`]: `services:
  api:
    image: mcr.microsoft.com/windows/servercore:ltsc2019
    deploy:
      replicas: 2
      placement:
        constraints:
          - 'node.role == worker' # never on managers
          - 'node.platform.os == windows'
          - 'node.labels.OsVersion == 10.0.17763'
`,
    },
  },
  // ---------------------------------------------------------------- constraintOperator
  {
    name: 'swarm constraint operator `=` → `==` (block list, comment kept)',
    file: `${WS}/compose.yaml`,
    text: `services:
  worker:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    deploy:
      placement:
        constraints:
          - node.platform.os=windows # as in Microsoft's swarm page
`,
    code: 'swarm-constraint-operator', kind: 'constraintOperator',
    expected: {
      [`${WS}/compose.yaml`]: `services:
  worker:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    deploy:
      placement:
        constraints:
          - node.platform.os == windows # as in Microsoft's swarm page
`,
    },
  },
  {
    name: 'swarm constraint operator `=` → `==` (flow list, quotes kept)',
    file: `${WS}/compose.yaml`,
    text: `services:
  worker:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    deploy:
      placement:
        constraints: ["node.platform.os == windows", "node.labels.OsVersion = 10.0.20348"]
`,
    code: 'swarm-constraint-operator', kind: 'constraintOperator',
    expected: {
      [`${WS}/compose.yaml`]: `services:
  worker:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    deploy:
      placement:
        constraints: ["node.platform.os == windows", "node.labels.OsVersion == 10.0.20348"]
`,
    },
  },
  // ---------------------------------------------------------------- relabel
  {
    name: 'deprecated label renamed (quoted key and comment kept)',
    file: `${WS}/pod.yaml`,
    text: `apiVersion: v1
kind: Pod
metadata:
  name: win-debug
spec:
  nodeSelector:
    "beta.kubernetes.io/os": windows # from the 2018 template
  containers:
    - name: shell
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
    code: 'k8s-deprecated-label', kind: 'relabel', title: /`kubernetes\.io\/os`/,
    expected: {
      [`${WS}/pod.yaml`]: `apiVersion: v1
kind: Pod
metadata:
  name: win-debug
spec:
  nodeSelector:
    "kubernetes.io/os": windows # from the 2018 template
  containers:
    - name: shell
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
    },
  },
  {
    name: 'manual osbuild label renamed to windows-build, its value rewritten to 10.0.<build>',
    file: `${WS}/pod.yaml`,
    text: `apiVersion: v1
kind: Pod
metadata:
  name: win-debug
spec:
  nodeSelector:
    kubernetes.io/os: windows
    beta.kubernetes.io/osbuild: "20348"
  containers:
    - name: shell
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
    code: 'k8s-deprecated-label', kind: 'relabel',
    expected: {
      [`${WS}/pod.yaml`]: `apiVersion: v1
kind: Pod
metadata:
  name: win-debug
spec:
  nodeSelector:
    kubernetes.io/os: windows
    node.kubernetes.io/windows-build: "10.0.20348"
  containers:
    - name: shell
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`,
    },
  },
];

/** Offsets of each edit's newText in the text after applyEdits (edits of one file, none overlapping). */
function placed(text: string, edits: readonly TextEdit[]): Array<{ at: number; newText: string }> {
  const lines = new LineIndex(text);
  // inserts at one position appear in array order (LSP TextEdit semantics)
  const spans = edits.map((e, i) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  let delta = 0;
  return spans.map((s) => {
    const at = s.start + delta;
    delta += s.newText.length - (s.end - s.start);
    return { at, newText: s.newText };
  });
}

/** f(x): the `kind` fix of the first `code` diagnostic of `file` applied to the texts (none: unchanged). */
function fixOnce(c: FixCase, texts: Record<string, string>): Record<string, string> {
  const report = analyzeText(c.file, texts[c.file], c.config ?? defaultTestConfig(), texts);
  const fix: Fix | undefined = report.diagnostics.filter((d) => d.code === c.code).flatMap((d) => d.fixes.filter((f) => f.kind === c.kind))[0];
  return fix ? { ...texts, ...applyFix(fix, c.file, texts) } : texts;
}

describe('quick fixes', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const config = c.config ?? defaultTestConfig();
      const texts: Record<string, string> = { ...(c.files ?? {}), [c.file]: c.text };
      const before = analyzeText(c.file, c.text, config, texts);
      assert.deepEqual(before.errors, [], 'the input is analysed without errors');
      const diag = before.diagnostics.find((d) => d.code === c.code);
      assert.ok(diag, `expected ${c.code}:\n${describeReport(before)}`);
      const fix = fixOf(diag, c.kind);
      if (c.title) assert.match(fix.title, c.title);

      // exact result, and nothing but the expected files touched
      const changed = applyFix(fix, c.file, texts);
      assert.deepEqual(Object.keys(changed).sort(), Object.keys(c.expected).sort(), 'the fix edits exactly the expected files');
      for (const p of Object.keys(c.expected).filter((x) => x !== c.file)) {
        assert.ok(fix.edits.some((e) => e.path === p), `an edit of another file names it in \`path\` (${p})`);
      }
      for (const e of fix.edits.filter((x) => x.path !== undefined)) assert.notEqual(e.path, c.file, 'edits of the analysed file carry no path');
      for (const [p, want] of Object.entries(c.expected)) assert.equal(changed[p], want, `text of ${p} after the fix`);

      // every edit's newText is where the edit put it
      for (const [p, after] of Object.entries(changed)) {
        const edits = fix.edits.filter((e) => (e.path ?? c.file) === p);
        for (const { at, newText } of placed(texts[p], edits)) assert.equal(after.slice(at, at + newText.length), newText, `newText of an edit in ${p}`);
      }

      // the result still parses
      const fixed = { ...texts, ...changed };
      if (/\.ya?ml$/.test(c.file)) assertYamlParses(fixed[c.file], c.file);
      const after = analyzeText(c.file, fixed[c.file], config, fixed);
      assert.deepEqual(after.errors, [], 'the fixed file is analysed without errors');
      assert.equal(after.images.length, before.images.length, 'the same images are found after the fix');

      // the finding is gone
      assert.equal(after.diagnostics.filter((d) => d.code === c.code).length, 0, `${c.code} is gone after the fix:\n${describeReport(after)}`);

      // idempotent: fixing again changes nothing (no diagnostic left, hence no fix offered)
      const once = fixOnce(c, texts);
      assert.deepEqual(once, fixed, 'fixing once (via the diagnostic) gives the same texts');
      assert.deepEqual(fixOnce(c, once), once, 'fixing the fixed texts again is a no-op');
      for (const d of after.diagnostics) {
        for (const f of d.fixes.filter((x) => x.kind === c.kind && x.title === fix.title)) {
          assert.deepEqual({ ...fixed, ...applyFix(f, c.file, fixed) }, fixed, `the same fix offered again on ${d.code} would change the text`);
        }
      }
    });
  }
});

describe('fixes that would do harm are not offered', () => {
  test('no Swarm constraint fix into a deploy section shared through an anchor', () => {
    const text = `x-windows-deploy: &windows-deploy
  placement:
    constraints:
      - node.platform.os == windows
services:
  api:
    image: mcr.microsoft.com/windows/servercore:ltsc2019
    deploy: *windows-deploy
  web:
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    deploy:
      <<: *windows-deploy
      replicas: 2
`;
    const report = analyzeText(`${WS}/compose.yaml`, text);
    const d = report.diagnostics.find((x) => x.code === 'process-isolation-mismatch');
    assert.ok(d, describeReport(report));
    // the anchor also places `web` (a 2022 image): pinning it to 2019 nodes would break web
    assert.deepEqual(d.fixes.filter((f) => f.kind === 'swarmConstraint'), []);
    assert.ok(d.fixes.some((f) => f.kind === 'retag'), 'the retag fix is still offered');
  });

  test('no relabel fix when the current label is already there (it would duplicate the key)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: win-debug
spec:
  nodeSelector:
    kubernetes.io/os: windows
    beta.kubernetes.io/os: windows
  containers:
    - name: shell
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`;
    const report = analyzeText(`${WS}/pod.yaml`, text);
    const d = report.diagnostics.find((x) => x.code === 'k8s-deprecated-label');
    assert.ok(d, 'the deprecated label is still reported');
    for (const f of d.fixes) assertYamlParses(applyFix(f, `${WS}/pod.yaml`, { [`${WS}/pod.yaml`]: text })[`${WS}/pod.yaml`], 'pod.yaml after the offered fix');
  });
});
