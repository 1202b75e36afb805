// Generates schemas/wincompat.schema.json (the `.wincompat.yaml` schema) from the rule registry,
// the release table and the limits, so the schema never lists a rule or alias the engine lacks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_LIMITS } from '../server/src/engine/config/config';
import { WINDOWS_RELEASES } from '../server/src/engine/data/releases';
import { RULES } from '../server/src/engine/rules';

const LIMIT_TEXT: Record<string, string> = {
  maxFileBytes: 'Files larger than this (bytes) are reported, not parsed.',
  maxDocuments: 'YAML documents per file.',
  maxAliasHops: 'YAML alias references followed per document (alias bombs stop here).',
  maxNestingDepth: 'Nesting levels of a YAML document (indentation and flow brackets); a deeper document is reported, not parsed.',
  maxLineLength: 'Characters on one line that is parsed (any Dockerfile line; YAML lines that are read, not those of pruned blocks such as `data:`).',
};

export function renderSchema(): string {
  const severity = { type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'] };
  const hosts = [...new Set(WINDOWS_RELEASES.flatMap((r) => [r.id, ...r.aliases]))];
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://wincompat.invalid/schemas/wincompat.schema.json',
    title: 'wincompat configuration (.wincompat.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      targets: {
        type: 'array',
        description: 'The Windows hosts your containers run on. Default: Windows Server 2022 (ltsc2022), process isolation.',
        items: {
          oneOf: [
            { type: 'string', description: 'A build (10.0.20348, 17763, 10.0.14393.1715) or a release alias; append :hyperv or :process to set isolation.' },
            {
              type: 'object', required: ['host'], additionalProperties: false,
              properties: {
                host: { type: 'string', description: 'A build (10.0.20348, 17763, 10.0.14393.1715) or a release alias.', examples: hosts },
                isolation: { enum: ['process', 'hyperv'], description: 'Isolation the host runs containers with (servers default to process, Windows 10/11 to hyperv).' },
                name: { type: 'string', description: 'Name shown in messages and the report.' },
                family: { enum: ['server', 'client'] },
                arch: { enum: ['amd64', 'arm64'] },
                labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Node labels of the pool this target stands for.' },
                taints: {
                  type: 'array', description: 'Node taints of the pool this target stands for (wincompat targets import).',
                  items: {
                    type: 'object', required: ['key', 'effect'], additionalProperties: false,
                    properties: { key: { type: 'string' }, value: { type: 'string' }, effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] } },
                  },
                },
                os: { enum: ['windows', 'linux'], default: 'windows', description: 'linux: a Linux node pool (its host is not a Windows build; write e.g. host: linux).' },
              },
            },
          ],
        },
      },
      isolation: { enum: ['process', 'hyperv'], description: 'Isolation for targets that do not set their own.' },
      severities: {
        type: 'object', additionalProperties: false, description: 'Severity per rule id; off silences a rule.',
        properties: Object.fromEntries(RULES.map((r) => [r.id, { ...severity, description: `${r.summary} (default: ${r.severity})` }])),
      },
      swarmBuildLabel: { type: 'string', default: 'OsVersion', description: "Swarm node label that carries the Windows build (node.labels.<name>), as in Microsoft's guide." },
      dockerfilePatterns: { type: 'array', items: { type: 'string' }, description: 'Extra file name globs read as Dockerfiles.' },
      exclude: { type: 'array', items: { type: 'string' }, description: 'Globs (gitignore syntax) skipped by workspace checks.' },
      limits: {
        type: 'object', additionalProperties: false,
        properties: Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([k, v]) => [k, { type: 'number', default: v, description: LIMIT_TEXT[k] ?? k }])),
      },
      images: {
        type: 'object', description: 'Images this workspace builds: name -> Dockerfile (path relative to this file).',
        additionalProperties: { oneOf: [{ type: 'string' }, { type: 'object', required: ['dockerfile'], properties: { dockerfile: { type: 'string' }, target: { type: 'string' }, args: { type: 'object', additionalProperties: { type: 'string' } } } }] },
      },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

if (require.main === module) {
  const out = path.resolve(__dirname, '../../schemas/wincompat.schema.json');
  fs.writeFileSync(out, renderSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}
