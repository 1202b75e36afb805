// The compatibility report: images × target hosts as a matrix, with the counts on top. Pure HTML
// from the summary (no VS Code API), styled with the theme's CSS variables so it reads in light,
// dark and high-contrast themes.
import type { MatrixRow, VerdictStatus, WorkspaceSummary } from './report-model';

const STATUS: Record<VerdictStatus, { icon: string; label: string; css: string }> = {
  process: { icon: '✔', label: 'runs (process isolation)', css: 'ok' },
  hyperv: { icon: '◐', label: 'Hyper-V isolation only', css: 'hyperv' },
  unsupported: { icon: '✖', label: 'does not run', css: 'bad' },
  unknown: { icon: '?', label: 'unknown', css: 'unknown' },
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

export function renderReport(s: WorkspaceSummary, opts: { nonce: string; cspSource: string; relative: (uri: string) => string }): string {
  const targets = s.targets.map((t) => t.name);
  const rows = reportRows(s);
  const cell = (r: MatrixRow, target: string) => {
    const v = r.verdicts.find((x) => x.target === target);
    if (!v) return '<td class="na">—</td>';
    const st = STATUS[v.status];
    return `<td class="${st.css}" title="${esc(st.label)}"><span class="icon">${st.icon}</span> ${esc(st.label)}</td>`;
  };
  const body = rows.map((r, i) => `<tr><td><a href="#" data-row="${i}" title="${esc(r.resolved)}">${esc(r.ref)}</a><div class="where">${esc(opts.relative(r.uri))}:${r.range.start.line + 1}</div></td>${targets.map((t) => cell(r, t)).join('')}</tr>`).join('\n');
  const d = s.diagnostics;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${opts.cspSource} 'nonce-${opts.nonce}'; script-src 'nonce-${opts.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Windows Container Compatibility</title>
<style nonce="${opts.nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.count { border: 1px solid var(--vscode-panel-border); border-radius: 4px; padding: 6px 12px; }
.count b { font-size: 1.4em; display: block; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
th { position: sticky; top: 0; background: var(--vscode-editor-background); }
.where { opacity: .7; font-size: .9em; }
.ok .icon { color: var(--vscode-testing-iconPassed, #388a34); }
.hyperv .icon { color: var(--vscode-editorWarning-foreground, #bf8803); }
.bad { background: color-mix(in srgb, var(--vscode-editorError-foreground, #e51400) 12%, transparent); }
.bad .icon { color: var(--vscode-editorError-foreground, #e51400); }
.unknown .icon { color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground); }
</style></head>
<body>
<h1>Windows Container Compatibility</h1>
${s.cancelled ? '<p><strong>The check was cancelled: the report is partial.</strong></p>' : ''}
<div class="counts">
<div class="count"><b id="files">${s.files}</b>files</div>
<div class="count"><b id="images">${s.images}</b>images</div>
<div class="count"><b id="errors">${d.error}</b>errors</div>
<div class="count"><b id="warnings">${d.warning}</b>warnings</div>
${s.targets.map((t) => `<div class="count" title="${esc(t.build)} · ${esc(t.isolation)} isolation"><b>${t.unsupported + (t.isolation === 'hyperv' ? 0 : t.hyperv)}</b>do not run on ${esc(t.name)}</div>`).join('\n')}
</div>
<table id="matrix"><thead><tr><th>Image</th>${s.targets.map((t) => `<th>${esc(t.name)}<div class="where">${esc(t.build)} · ${esc(t.isolation)}</div></th>`).join('')}</tr></thead>
<tbody>
${body || `<tr><td colspan="${targets.length + 1}">No Windows images found.</td></tr>`}
</tbody></table>
<script nonce="${opts.nonce}">
const vscode = acquireVsCodeApi();
document.querySelectorAll('a[data-row]').forEach((a) => a.addEventListener('click', (e) => { e.preventDefault(); vscode.postMessage({ open: Number(a.dataset.row) }); }));
</script>
</body></html>`;

}

/** rows in the order the report shows them (links carry this index) */
export function reportRows(s: WorkspaceSummary): MatrixRow[] {
  // worst first: images that do not run, then Hyper-V only, then unknown, then fine
  const rank = (r: MatrixRow) => Math.max(0, ...r.verdicts.map((v) => ({ unsupported: 3, hyperv: 2, unknown: 1, process: 0 }[v.status])));
  return [...s.matrix].sort((a, b) => rank(b) - rank(a) || a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
}
