// Edits of a `.wincompat.yaml` as text, through the yaml Document API so other keys and comments
// stay: the VS Code command "Set Target Host…" asks the server for them (the client writes).
import { Document, isMap, isScalar, parseDocument } from 'yaml';

export type Edited = { ok: true; config: string } | { ok: false; error: string };

/** the configuration as a Document to edit (a new one when there is none), or why it cannot be edited */
export function configDocument(existing: string | undefined, where: string): { doc: Document } | { error: string } {
  if (existing === undefined) return { doc: new Document({}) };
  const doc = parseDocument(existing);
  if (doc.errors.length) return { error: `cannot update ${where}: it is not valid YAML (${doc.errors[0].message.split('\n')[0]})` };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({}) as never;
  if (!isMap(doc.contents)) return { error: `cannot update ${where}: the configuration must be a mapping` };
  return { doc };
}

/** the configuration with `targets:` replaced by these hosts */
export function withTargets(existing: string | undefined, targets: ReadonlyArray<{ host: string; isolation?: 'process' | 'hyperv' }>, where: string): Edited {
  const opened = configDocument(existing, where);
  if ('error' in opened) return { ok: false, error: opened.error };
  const doc = opened.doc;
  doc.set('targets', doc.createNode(targets.map((t) => (t.isolation ? { host: t.host, isolation: t.isolation } : { host: t.host }))));
  return { ok: true, config: doc.toString() };
}
