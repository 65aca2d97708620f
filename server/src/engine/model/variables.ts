/**
 * Static variable resolution for analysis: file variables (the last declaration wins, as in REST Client) and
 * the active environment. Anything unknown is left as its `{{template}}` text so it still compares equal to
 * itself. Bounded four ways: by depth (so `@a = {{b}}` / `@b = {{a}}` terminates), by the size of each
 * expansion, by work per variable (each is expanded once, memoised) and by the total text all expansions of
 * one analysis build. A variable whose expansion would exceed `MAX_EXPANSION_CHARS` is left unexpanded and
 * listed by `oversizedDeclarations`, so seven levels of sixteen copies (under 1 KB of text, 16^7 characters
 * expanded) cost a few kilobytes instead of gigabytes; past `MAX_TOTAL_EXPANSION_CHARS` (thousands of requests
 * each repeating a 60 KB variable) the rest is left unexpanded and `exhausted` says so.
 */
import type { HttpFile } from '../http/ast';
import type { DocumentModel } from './types';
import { rangeOf } from '../text/span';
import { VariableScan } from './variable-scan';

const MAX_DEPTH = 8;
/** Longest expansion the analysis builds; real values (URLs, tokens, ETags) are far shorter. */
export const MAX_EXPANSION_CHARS = 64 * 1024;
/** Characters all the expansions of one analysis may build together (a large file is analysed in slices). */
export const MAX_TOTAL_EXPANSION_CHARS = 16 * 1024 * 1024;
/** Texts longer than this, or past this many, are expanded each time rather than remembered. */
const RESOLVED_TEXT_CHARS = 1024;
const RESOLVED_LIMIT = 16384;

export class StaticVariables {
  private readonly values = new Map<string, string>();
  private readonly expanded = new Map<string, string>();
  private readonly expanding = new Set<string>();
  /** Variables whose expansion exceeds the bound: left as written, reported by `variable-too-large`. */
  private readonly oversized = new Set<string>();
  /** Texts already resolved (a file repeats `{{base}}/items/7`, `Bearer {{token}}`): their expansion, null when oversized. */
  private readonly resolved = new Map<string, string | null>();
  /**
   * One walker per expansion depth, reset for each text: an expansion walks its text while the variables it names
   * are expanded one level deeper, so no two texts are walked at one depth at a time (a walker per text was an
   * object for each distinct URL and header value of the file).
   */
  private readonly scans: VariableScan[] = [];
  /** Characters built by expansions so far. */
  private built = 0;
  /** True once the total bound was reached: later texts were left unexpanded. */
  exhausted = false;

  /** The file's own declarations, in file order (where each was written). */
  readonly declarations: HttpFile['variables'];

  /**
   * The length of the longest name defined (file or environment): a template naming a longer one names nothing
   * defined, told without slicing the name out and looking it up (each request's `{{item7.response.headers.ETag}}`
   * is such a template, expanded for every request that holds one).
   */
  private readonly longestName: number = 0;

  constructor(file: HttpFile, environment: Readonly<Record<string, string>> = {}) {
    for (const [k, v] of Object.entries(environment)) this.values.set(k, v);
    for (const v of file.variables) this.values.set(v.name.value, v.value.value);
    for (const name of this.values.keys()) this.longestName = Math.max(this.longestName, name.length);
    this.declarations = file.variables;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The raw declared value (before substitution). */
  raw(name: string): string | undefined {
    return this.values.get(name);
  }

  /** Substitutes known variables in `text`; unknown templates and `$dynamic` values stay as written. */
  resolve(text: string): string {
    if (!text.includes('{{') || this.exhausted) return text;
    const done = this.resolved.get(text);
    if (done === undefined) {
      const out = this.expand(text, 0);
      // Past the total bound every later text stays as written: nothing more to remember. A text that expands to
      // itself (it names no variable the file defines: `{{item7.response.headers.ETag}}`, `{{$guid}}`) is not
      // remembered either: expanding it again gives it again and counts the same, and most are written once (each
      // request's reference to the response above it: 3,600 of the bench file's 7,600 entries and the memo's growth).
      if (out !== text && !this.exhausted && text.length <= RESOLVED_TEXT_CHARS && this.resolved.size < RESOLVED_LIMIT) this.resolved.set(text, out);
      return out ?? text;
    }
    // The same text expands to the same value again (every variable is expanded once, memoised), and counts
    // towards the total bound each time, as expanding it again would.
    if (done === null) return text;
    this.built += done.length;
    if (this.built > MAX_TOTAL_EXPANSION_CHARS) {
      this.exhausted = true;
      return text;
    }
    return done;
  }

  /**
   * The declared variables whose expansion passes `MAX_EXPANSION_CHARS`, each expanded (once) whether a request
   * uses it or not, so the answer does not depend on which requests an incremental analysis re-lowered.
   */
  oversizedDeclarations<T extends { name: { value: string } }>(declarations: readonly T[]): T[] {
    for (const v of declarations) this.valueOf(v.name.value, 0);
    return declarations.filter((v) => this.oversized.has(v.name.value));
  }

  /** `text` expanded, or null when the expansion would pass `MAX_EXPANSION_CHARS`. */
  private expand(text: string, depth: number): string | null {
    if (depth >= MAX_DEPTH || !text.includes('{{')) return text;
    if (this.exhausted) return text;
    // The expansion is built from its first substitution on: a text whose templates name no known variable (a
    // response reference, `{{$guid}}`) is given back as it is, not copied piece by piece into an equal string.
    let out: string | undefined;
    let from = 0;
    let last = 0;
    let size = 0;
    for (const scan = (this.scans[depth] ??= new VariableScan()).reset(text); scan.next();) {
      const { open, end } = scan;
      // A name longer than any defined one is defined nowhere: what `valueOf` would answer, without its slice and look-ups.
      const value = scan.nameEnd - scan.nameStart > this.longestName ? undefined : this.valueOf(scan.name, depth);
      size += open - last + (value === undefined ? end - open : value.length);
      if (value !== undefined) {
        out = (out ?? '') + text.slice(from, open) + value;
        from = end;
      }
      last = end;
      if (size > MAX_EXPANSION_CHARS) return null;
    }
    size += text.length - last;
    if (size > MAX_EXPANSION_CHARS) return null;
    this.built += size;
    if (this.built > MAX_TOTAL_EXPANSION_CHARS) {
      this.exhausted = true;
      return text;
    }
    return out === undefined ? text : out + text.slice(from);
  }

  /** The expanded value of `name`; undefined when unknown, cyclic or oversized (the template stays as written). */
  private valueOf(name: string, depth: number): string | undefined {
    const done = this.expanded.get(name);
    if (done !== undefined) return done;
    const raw = this.values.get(name);
    if (raw === undefined || this.expanding.has(name) || this.oversized.has(name)) return undefined;
    this.expanding.add(name);
    const value = this.expand(raw, depth + 1);
    this.expanding.delete(name);
    if (value === null) {
      this.oversized.add(name);
      return undefined;
    }
    this.expanded.set(name, value);
    return value;
  }
}

/**
 * What a model records about the bounds, read after its requests were lowered: the declared variables too large
 * to expand (all of them, used or not), and whether the total bound left later texts unexpanded.
 */
export function expansionLimits(file: HttpFile, vars: StaticVariables): Pick<DocumentModel, 'oversized' | 'expansionExhausted'> {
  const oversized = vars.oversizedDeclarations(file.variables).map((v) => ({ name: v.name.value, range: rangeOf(v.range) }));
  return { oversized, expansionExhausted: vars.exhausted };
}
