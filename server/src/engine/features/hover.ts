// Hover content as plain markdown (no editor types): what an image reference resolves to and how
// each configured target judges it, and what a Kubernetes `windows-build` selector value, a
// compose `isolation` value or a Swarm placement constraint means. The language server only
// wraps the result.
import { STATUS_LABEL } from '../compat/judge';
import { imageRelease, supportStatus } from '../compat/lifecycle';
import { releaseLabel } from '../compat/names';
import type { EngineConfig } from '../config/config';
import { LABEL_WINDOWS_BUILD, SWARM } from '../data/kubernetes';
import { resolveImage, formatBuild, type ImageFacts } from '../resolve/resolve-image';
import { targetBuildLabel } from '../targets/target';
import { LineIndex } from '../text/line-index';
import type { FileReport, ImageReport, Position, Range, VerdictStatus } from '../types';

export interface HoverContent { markdown: string; range: Range }

const ICON: Record<VerdictStatus, string> = { process: '✅', hyperv: '🟡', unsupported: '❌', unknown: '❔' };

/** Hover at `position`: an image of the report, else a placement value the line holds. */
export function hoverAt(report: FileReport | undefined, text: string, position: Position, config: EngineConfig): HoverContent | undefined {
  const image = report?.images.find((i) => contains(i.range, position));
  if (image) return { markdown: imageMarkdown(image, config), range: image.range };
  if (!report) return undefined;
  const lines = new LineIndex(text);
  if (position.line >= lines.lineCount) return undefined;
  if (report.kind === 'kubernetes') return windowsBuildHover(lines, position, config);
  if (report.kind === 'compose') return isolationHover(lines, position, config) ?? constraintHover(lines, position, config);
  return undefined;
}

export function imageMarkdown(image: ImageReport, config: EngineConfig): string {
  const facts = resolveImage(image.resolved);
  const head = [`**Image** \`${image.resolved}\``];
  if (image.ref !== image.resolved) head.push(`written as \`${image.ref}\``);
  if (image.via) head.push(`via ${image.via}`);
  const out = [head.join('  \n'), '', ...factLines(image, facts, config), ''];
  if (image.verdicts.length) {
    out.push('| Target | Isolation | Verdict | Why |', '|---|---|---|---|');
    for (const v of image.verdicts) {
      const t = config.targets.find((x) => x.name === v.target);
      const host = t ? `${cell(t.name)} (${targetBuildLabel(t)})` : cell(v.target);
      out.push(`| ${host} | ${t?.isolation ?? '—'} | ${ICON[v.status]} ${STATUS_LABEL[v.status]} | ${cell(v.reason)} |`);
    }
  } else {
    out.push('_No configured target applies to this image._');
  }
  return out.join('\n');
}

function factLines(image: ImageReport, facts: ImageFacts, config: EngineConfig): string[] {
  const lines: string[] = [];
  switch (image.os) {
    case 'windows': {
      const build = facts.builds[0];
      if (build === undefined) { lines.push('- Windows, build not known'); break; }
      lines.push(`- Windows, build ${formatBuild(build, facts.revision)}: ${releaseName(build, facts.token?.text)}`);
      lines.push(`- Support: ${lifecycle(build, config, facts.token?.text)}`);
      break;
    }
    case 'multi':
      lines.push(`- Multi-platform tag${facts.sharedTag?.linux ? ' with Linux and Windows entries' : ''}`);
      for (const b of facts.builds) lines.push(`- Windows entry ${formatBuild(b)}: ${releaseName(b)}; support: ${lifecycle(b, config)}`);
      break;
    case 'linux':
      lines.push('- Linux image (no Windows entry)');
      break;
    default:
      lines.push('- Not known to wincompat: the OS and Windows build cannot be told from the reference');
  }
  if (facts.arch) lines.push(`- Architecture: ${facts.arch}`);
  if (facts.move) lines.push(facts.move.to ? `- Legacy repository: moved to \`${facts.move.to}\`` : '- Legacy repository: deleted, no successor');
  if (facts.note) lines.push(`- ${facts.note}`);
  if (facts.confidence !== 'confirmed') lines.push(`- Confidence: ${facts.confidence}`);
  return lines;
}

function releaseName(build: number, token?: string): string {
  return imageRelease(build, token)?.name ?? releaseLabel(build);
}

function lifecycle(build: number, config: EngineConfig, token?: string): string {
  const s = supportStatus(build, config.today, token, config.supportWarningDays);
  if (!s) return 'support dates not known';
  if (s.state === 'ended') return `out of support since ${s.date} (${s.release.name})`;
  if (s.state === 'ending') return `support ends ${s.date}, in ${s.days} days (${s.release.name})`;
  return `supported until ${s.date} (${s.release.name})`;
}

const BUILD_VALUE = /["']?(\d+\.\d+\.\d+(?:\.\d+)?)["']?/g;

/** `node.kubernetes.io/windows-build` as a key, or one of its values (also in matchExpressions). */
function windowsBuildHover(lines: LineIndex, pos: Position, config: EngineConfig): HoverContent | undefined {
  const line = lines.lineText(pos.line);
  const at = (s: number, e: number): Range => ({ start: { line: pos.line, character: s }, end: { line: pos.line, character: e } });
  const keyAt = line.indexOf(LABEL_WINDOWS_BUILD);
  const near = keyAt !== -1 || [1, 2, 3, 4].some((d) => pos.line - d >= 0 && lines.lineText(pos.line - d).includes(`key: ${LABEL_WINDOWS_BUILD}`));
  if (!near) return undefined;
  BUILD_VALUE.lastIndex = 0;
  for (let m = BUILD_VALUE.exec(line); m; m = BUILD_VALUE.exec(line)) {
    if (pos.character >= m.index && pos.character <= m.index + m[0].length) {
      return { markdown: windowsBuildMarkdown(m[1], config), range: at(m.index, m.index + m[0].length) };
    }
  }
  if (keyAt !== -1 && pos.character >= keyAt && pos.character <= keyAt + LABEL_WINDOWS_BUILD.length) {
    return { markdown: windowsBuildMarkdown(undefined, config), range: at(keyAt, keyAt + LABEL_WINDOWS_BUILD.length) };
  }
  return undefined;
}

export function windowsBuildMarkdown(value: string | undefined, config: EngineConfig): string {
  const out: string[] = [];
  const m = value ? /^10\.0\.(\d+)$/.exec(value) : null;
  if (value) {
    out.push(`**\`${LABEL_WINDOWS_BUILD}\`** = \`${value}\``, '');
    if (m) out.push(`Nodes running ${releaseLabel(Number(m[1]))}.`);
    else if (/^10\.0\.\d+\.\d+$/.test(value)) out.push('⚠️ The label carries no revision (`Major.Minor.Build` only): this value matches no node.');
    else out.push('⚠️ Not a `10.0.<build>` value: it matches no Windows node.');
  } else {
    out.push(`**\`${LABEL_WINDOWS_BUILD}\`**`);
  }
  out.push('',
    'The kubelet sets this label on every Windows node (Kubernetes 1.17 and later) to the node\'s `Major.Minor.Build`, without the revision. '
    + 'A selector on it sends the pod only to nodes of that build; selectors match exactly, so allow several builds with a node affinity `In` list.', '',
    'Kubernetes runs Windows containers with process isolation, where an image starts only on a host of a compatible build: the selector must agree with the build of every image of the pod.');
  if (m) {
    const build = Number(m[1]);
    const same = config.targets.filter((t) => t.os === 'windows' && t.build === build);
    out.push('', same.length ? `Configured targets of this build: ${same.map((t) => t.name).join(', ')}.` : `None of the configured targets (${config.targets.map((t) => `${t.name}, ${targetBuildLabel(t)}`).join('; ')}) has this build.`);
  }
  return out.join('\n');
}

const ISOLATION_LINE = /^(\s*)(isolation)\s*:\s*["']?([\w-]*)["']?/;

/** compose `isolation: process | hyperv | default` (service or build) */
function isolationHover(lines: LineIndex, pos: Position, config: EngineConfig): HoverContent | undefined {
  const line = lines.lineText(pos.line);
  const m = ISOLATION_LINE.exec(line);
  if (!m || pos.character < m[1].length || pos.character > m[0].length) return undefined;
  return { markdown: isolationMarkdown(m[3], config), range: { start: { line: pos.line, character: m[1].length }, end: { line: pos.line, character: m[0].length } } };
}

export function isolationMarkdown(value: string, config: EngineConfig): string {
  const v = value.toLowerCase();
  const out = [`**Compose \`isolation: ${value}\`**`, ''];
  if (v === 'process') {
    out.push('Process isolation: the container shares the host\'s kernel, so the image must be built for a compatible Windows build, normally the host\'s own. '
      + 'Windows Server hosts only (Windows 10 and 11 allow it for development); the default on Windows Server.');
  } else if (v === 'hyperv') {
    out.push('Hyper-V isolation: each container runs in a small utility VM with its own kernel, so an image older than the host runs. '
      + 'An image newer than the host never runs, whatever the isolation. The default on Windows 10 and 11.');
  } else if (v === 'default') {
    out.push('The Docker daemon\'s default: `process` on Windows Server, `hyperv` on Windows 10 and 11, unless `daemon.json` sets `exec-opts: ["isolation=…"]`.');
  } else {
    out.push(`\`${value}\` is not an isolation Docker on Windows knows: use \`default\`, \`process\` or \`hyperv\` (Linux accepts only \`default\`).`);
  }
  if (v === 'process' || v === 'hyperv') {
    out.push('', `It overrides the isolation of the configured targets for this service: ${config.targets.map((t) => `${t.name} (configured: ${t.isolation})`).join(', ')}.`);
  }
  return out.join('\n');
}

/** a Swarm constraint as written in `deploy.placement.constraints` (quoted or not, block or flow list) */
const CONSTRAINT = /((?:node|engine)\.[\w.-]+)\s*(==|!=|=)\s*([^\s"',\]]+)/g;

/** `node.labels.OsVersion == 10.0.17763`, `node.platform.os == windows` … under `constraints` */
function constraintHover(lines: LineIndex, pos: Position, config: EngineConfig): HoverContent | undefined {
  const line = lines.lineText(pos.line);
  const near = [0, 1, 2, 3, 4, 5, 6, 7, 8].some((d) => pos.line - d >= 0 && /\bconstraints\s*:/.test(lines.lineText(pos.line - d)));
  if (!near) return undefined;
  CONSTRAINT.lastIndex = 0;
  for (let m = CONSTRAINT.exec(line); m; m = CONSTRAINT.exec(line)) {
    if (pos.character < m.index || pos.character > m.index + m[0].length) continue;
    return { markdown: constraintMarkdown(m[1], m[2], m[3], config), range: { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } } };
  }
  return undefined;
}

export function constraintMarkdown(key: string, op: string, value: string, config: EngineConfig): string {
  const out = [`**Swarm placement constraint** \`${key} ${op} ${value}\``, ''];
  if (!SWARM.operators.includes(op)) {
    out.push(`⚠️ Swarm rejects \`${op}\`: a constraint takes \`==\` or \`!=\` ("constraint expected one operator from ==, !="), and the service is never created.`);
    return out.join('\n');
  }
  const not = op === '!=';
  const build = /^(?:10\.0\.)?(\d{5})(?:\.\d+)?$/.exec(value);
  if (key === SWARM.platformOsKey) {
    out.push(`${not ? 'Keeps the service off' : 'Places the service on'} nodes whose operating system is \`${value.toLowerCase()}\`.`);
    if (value.toLowerCase() === 'windows' && !not) {
      out.push('', 'Swarm has no attribute for the Windows build and does not compare an image\'s build with the node\'s: a node of another build gets the task, which then fails to start (the service stays at 0/1). '
        + `Label the nodes with their build (\`docker node update --label-add ${config.swarmBuildLabel}=<build> <node>\`) and constrain on \`${SWARM.nodeLabelPrefix}${config.swarmBuildLabel}\` too.`);
    }
  } else if (key.startsWith(SWARM.nodeLabelPrefix) || key.startsWith(SWARM.engineLabelPrefix)) {
    const label = key.slice(key.startsWith(SWARM.nodeLabelPrefix) ? SWARM.nodeLabelPrefix.length : SWARM.engineLabelPrefix.length);
    out.push(`${not ? 'Keeps the service off' : 'Places the service on'} nodes whose ${key.startsWith(SWARM.nodeLabelPrefix) ? 'node' : 'engine'} label \`${label}\` is \`${value}\` (whole value, compared without regard to case; a node without the label never matches).`);
    if (build) {
      const b = Number(build[1]);
      out.push('', `A Windows build: ${releaseLabel(b)}. Swarm itself knows no build; nodes carry it only where someone labelled them (Microsoft's guide: \`docker node update --label-add ${SWARM.microsoftVersionLabel}=<Get-ComputerInfo OsVersion>\`).`);
      const same = config.targets.filter((t) => t.os === 'windows' && t.build === b);
      out.push('', same.length ? `Configured targets of this build: ${same.map((t) => t.name).join(', ')}.` : `None of the configured targets (${config.targets.map((t) => `${t.name}, ${targetBuildLabel(t)}`).join('; ')}) has this build.`);
    }
  } else {
    out.push(SWARM.keys.includes(key) ? `${not ? 'Keeps the service off' : 'Places the service on'} nodes whose \`${key}\` is \`${value}\`.` : `⚠️ \`${key}\` is no attribute Swarm knows: the constraint matches no node.`);
  }
  return out.join('\n');
}

function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
