// Reading the `yaml` package's node tree the way YAML means it: aliases resolved, merge keys
// (`<<: *defaults`) applied with the map's own keys first, and a budget on alias hops so that an
// alias bomb costs a bounded number of steps instead of an exponential expansion.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

export class AliasBudgetExceeded extends Error {}

export class YamlReader {
  private hops = 0;
  constructor(readonly doc: Document.Parsed, private readonly maxAliasHops: number) {}

  deref(node: unknown): Node | undefined {
    let n = node;
    for (let i = 0; isAlias(n) && i < 64; i++) {
      if (++this.hops > this.maxAliasHops) throw new AliasBudgetExceeded(`more than ${this.maxAliasHops} alias references`);
      n = n.resolve(this.doc);
    }
    return isAlias(n) ? undefined : (n as Node | undefined);
  }

  map(node: unknown): YAMLMap | undefined {
    const n = this.deref(node);
    return isMap(n) ? n : undefined;
  }

  seq(node: unknown): YAMLSeq | undefined {
    const n = this.deref(node);
    return isSeq(n) ? n : undefined;
  }

  /** the pair for `key`, looking through merge keys when the map has none of its own */
  pair(map: YAMLMap | undefined, key: string, depth = 0): Pair | undefined {
    if (!map || depth > 16) return undefined;
    for (const item of map.items) if (isPair(item) && keyOf(item) === key) return item;
    for (const item of map.items) {
      if (!isPair(item) || keyOf(item) !== '<<') continue;
      const v = this.deref(item.value);
      const sources = isSeq(v) ? v.items : [v];
      for (const s of sources) {
        const found = this.pair(this.map(s), key, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  get(map: YAMLMap | undefined, key: string): Node | undefined {
    return this.deref(this.pair(map, key)?.value);
  }

  path(node: unknown, keys: readonly string[]): Node | undefined {
    let n: Node | undefined = this.deref(node);
    for (const k of keys) n = this.get(this.map(n), k);
    return n;
  }

  /** every key of a map, merged keys included (own keys win) */
  entries(map: YAMLMap | undefined, depth = 0): Array<[string, Pair]> {
    if (!map || depth > 16) return [];
    const own: Array<[string, Pair]> = [];
    const merged: Array<[string, Pair]> = [];
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const k = keyOf(item);
      if (k === '<<') {
        const v = this.deref(item.value);
        for (const s of isSeq(v) ? v.items : [v]) merged.push(...this.entries(this.map(s), depth + 1));
      } else if (k !== undefined) own.push([k, item]);
    }
    const seen = new Set(own.map(([k]) => k));
    return [...own, ...merged.filter(([k]) => !seen.has(k) && (seen.add(k), true))];
  }

  str(node: unknown): string | undefined {
    const n = this.deref(node);
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return typeof n.value === 'object' ? undefined : String(n.value);
  }
}

export function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  // with `merge: true` the parser gives a merge key the value Symbol('<<'), not the string
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : typeof k.value === 'symbol' ? k.value.description : String(k.value);
  return undefined;
}

/** source offsets of a node in its chunk: [start, valueEnd] */
export function span(node: Node | undefined | null): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** true when the map is written in flow style (`{a: 1}`) */
export function isFlow(node: Node | undefined): boolean {
  return Boolean((node as { flow?: boolean } | undefined)?.flow);
}

/**
 * Offset in `text` where a scalar's value is written verbatim (inside its quotes, if quoted), or
 * undefined when the text differs from the value (escapes, folding): then it cannot be edited in place.
 */
export function valueOffset(text: string, node: Node | undefined | null): number | undefined {
  const r = span(node);
  if (!r || !isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const written = text.slice(r[0], r[1]);
  const value = String(node.value);
  return written === value ? r[0] : written.slice(1, -1) === value ? r[0] + 1 : undefined;
}
