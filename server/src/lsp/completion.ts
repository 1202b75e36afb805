// Completion of image tags after `FROM <windows repository>:` and `image: <repository>:`. The engine
// (engine/features/completion.ts) picks and ranks the tags; this maps them to LSP items.
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams,
} from 'vscode-languageserver/node';
import { isDockerfileName, isYamlName } from '../engine/analysis/file-kind';
import { completeTags } from '../engine/features/completion';
import type { ConfigurationProvider } from './configuration';
import type { ServerContext } from './context';

export const COMPLETION_TRIGGERS = [':', '-'];

export function registerCompletion(ctx: ServerContext, config: ConfigurationProvider): void {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  ctx.connection.onCompletion(ctx.guard('completion', empty, async (params: CompletionParams, token) => {
    const uri = params.textDocument.uri;
    const path = ctx.pathOf(uri);
    if (!path || !ctx.documents.get(uri)) return empty;
    const kind = isDockerfileName(path, ctx.dockerfilePatterns) ? 'dockerfile' : isYamlName(path) ? 'yaml' : undefined;
    if (!kind) return empty;
    const resolved = config.resolveSync(uri, path) ?? await config.resolve(uri, path);
    const doc = ctx.documents.get(uri);
    if (!doc || token.isCancellationRequested) return empty;
    const tags = completeTags(doc.getText(), params.position, kind, resolved.config);
    const items: CompletionItem[] = tags.filter((t) => !t.snippet || ctx.support.snippets).map((t) => ({
      label: t.label,
      kind: CompletionItemKind.Value,
      detail: t.detail,
      documentation: { kind: MarkupKind.Markdown, value: t.documentation },
      sortText: t.sortText,
      filterText: t.filterText,
      preselect: t.preselect || undefined,
      insertTextFormat: t.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: t.range, newText: t.snippet ?? t.insertText },
    }));
    // the items depend on what is typed (a version before the variant): ask again on each keystroke
    return { isIncomplete: items.length > 0, items };
  }));
}
