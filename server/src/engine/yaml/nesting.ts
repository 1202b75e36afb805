// How deep a YAML document nests, found by one pass over its characters before it is parsed: the
// parser and every walk over its nodes recurse once per level, so a hostile depth (100,000 `[`,
// or as many ever-deeper indentations) is refused here with a located message instead of
// exhausting the stack. The estimate is never below the real depth and at most twice it plus one
// (a scalar after `- ` counts as a level), which a limit in the hundreds absorbs.

export interface TooDeep {
  /** the offset where the depth first passed the limit */
  offset: number;
  depth: number;
}

const SPACE = 32, TAB = 9, CR = 13, HASH = 35, DQ = 34, SQ = 39, BACKSLASH = 92, DASH = 45, COLON = 58, QUESTION = 63;
const PIPE = 124, GT = 62, OPEN_SQ = 91, OPEN_CURLY = 123, CLOSE_SQ = 93, CLOSE_CURLY = 125, AMP = 38, BANG = 33, COMMA = 44;
/** a line whose value is a block scalar header (`key: |`, `- >-`, `|2+`), comment allowed */
const BLOCK_SCALAR = /(?:^|[\s:-])[|>][-+1-9]{0,2}[ \t]*(?:#.*)?\r?$/;

/** the first place where `text` nests deeper than `limit` levels, or undefined */
export function tooDeep(text: string, limit: number): TooDeep | undefined {
  // the columns where the open block collections start, and whether each is a key whose value
  // is still to come (`containers:`): a `- ` line at that same column is nested inside it
  const columns: number[] = [];
  const opens: boolean[] = [];
  let flow = 0;
  let quote = 0;
  /** the column of the node that owns an open block scalar: deeper lines are its text, not structure */
  let scalarOwner: number | undefined;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const indent = i - start;
    const blank = i === end || (i === end - 1 && text.charCodeAt(i) === CR);
    if (scalarOwner !== undefined && (blank || indent > scalarOwner)) { start = end + 1; continue; }
    scalarOwner = undefined;
    const block = flow === 0 && quote === 0;
    if (block) {
      if (blank || text.charCodeAt(i) === HASH) { start = end + 1; continue; }
      const entry = (text.charCodeAt(i) === DASH || text.charCodeAt(i) === QUESTION) && isSeparated(text, i + 1, end);
      while (columns.length && columns[columns.length - 1] >= indent) {
        if (entry && columns[columns.length - 1] === indent && opens[opens.length - 1]) break;
        columns.pop(); opens.pop();
      }
      columns.push(indent); opens.push(false);
    }
    let depth = columns.length;
    let valueStart = block;
    /** a `|` or `>` outside quotes: the line may open a block scalar */
    let indicator = false;
    /** the line ends (comments aside) with a key's colon: its value is on the lines below */
    let keyOpen = false;
    /** the column of the node a value on this line belongs to (a block scalar's owner) */
    let owner = indent - 1;
    for (let prev = SPACE; i < end; prev = text.charCodeAt(i), i++) {
      const c = text.charCodeAt(i);
      if (quote) {
        if (c === BACKSLASH && quote === DQ) i++;
        else if (c === quote) {
          if (quote === SQ && text.charCodeAt(i + 1) === SQ) i++;
          else quote = 0;
        }
        continue;
      }
      if (c === HASH && (prev === SPACE || prev === TAB)) break;
      if (c === SPACE || c === TAB || c === CR) continue;
      keyOpen = false;
      const separated = isSeparated(text, i + 1, end);
      if (flow === 0 && valueStart && (c === DASH || c === QUESTION) && separated) {
        // `- - x`: each entry opens a collection at the column its content starts
        let j = i + 1;
        while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
        owner = i - start;
        if (block) { columns.push(j - start); opens.push(false); }
        depth++;
        if (depth > limit) return { offset: i, depth };
        continue;
      }
      if (flow === 0 && c === COLON && separated) {
        valueStart = true; keyOpen = true;
        if (block) owner = columns[columns.length - 1];
        continue;
      }
      if (c === PIPE || c === GT) indicator = true;
      if (valueStart && (c === AMP || c === BANG)) {
        // an anchor or a tag before the value: the value may still open a collection
        while (i + 1 < end && text.charCodeAt(i + 1) !== SPACE && text.charCodeAt(i + 1) !== TAB) i++;
        continue;
      }
      if ((c === OPEN_SQ || c === OPEN_CURLY) && (flow > 0 || valueStart)) {
        flow++;
        if (depth + flow > limit) return { offset: i, depth: depth + flow };
        continue;
      }
      if ((c === CLOSE_SQ || c === CLOSE_CURLY) && flow > 0) { flow--; continue; }
      if ((c === DQ || c === SQ) && (valueStart || flow > 0) && (prev === SPACE || prev === TAB || prev === OPEN_SQ || prev === OPEN_CURLY || prev === COMMA || prev === COLON || prev === DASH)) { quote = c; continue; }
      if (flow === 0) valueStart = false;
    }
    if (depth > limit) return { offset: start + indent, depth };
    if (block && flow === 0 && quote === 0) {
      // the last key of the line (`- name:`, `spec:`) holds what the deeper lines hold
      if (keyOpen) opens[opens.length - 1] = true;
      if (indicator && BLOCK_SCALAR.test(text.slice(start, end))) scalarOwner = owner;
    }
    start = end + 1;
  }
  return undefined;
}

/** a YAML indicator at `i - 1` is followed by white space or the end of the line */
function isSeparated(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === CR;
}
