// Hover: the engine builds the markdown (engine/features/hover.ts); this only finds the analysis of
// the document's current text and wraps the result.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../engine/features/hover';
import type { ServerContext } from './context';
import type { DiagnosticsScheduler } from './diagnostics';

export function registerHover(ctx: ServerContext, scheduler: DiagnosticsScheduler): void {
  ctx.connection.onHover(ctx.guard('hover', null as Hover | null, async (params: HoverParams) => {
    const analysis = await scheduler.current(params.textDocument.uri);
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!analysis || !doc || analysis.version !== doc.version) return null;
    const content = hoverAt(analysis.report, doc.getText(), params.position, analysis.config);
    if (!content) return null;
    return {
      contents: ctx.support.markdownHover ? { kind: MarkupKind.Markdown, value: content.markdown } : { kind: MarkupKind.PlainText, value: content.markdown },
      range: content.range,
    };
  }));
}
