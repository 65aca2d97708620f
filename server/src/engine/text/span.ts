/**
 * Where a piece of the syntax tree or of the model stands, as the engine keeps it. An editor holds the analysis
 * of a whole file (a 10,000-request file has ~90 k of these), so how a span is stored is a memory decision made
 * here alone: everything else builds one with `spanOf` / `lineSpan` and reads it with `rangeOf` / `startLineOf`,
 * and converts to an LSP `Range` only where a range leaves the engine (findings, fixes, hovers, lenses, CLI output).
 *
 * Stored form: one number instead of a range and its two positions (three objects, 120 bytes). A span inside one
 * line, or a span of several lines starting at a line's beginning (a request block, a body, a script, negated),
 * packs its line, its start (or its extra lines) and its end into one integer:
 * - *small*, a 32-bit small integer (V8 keeps it in the field itself; a larger number is a heap number of 16 bytes
 *   that every collection copies, 57 k of them per lint of the 10k-request file): `line·2¹⁴ + start·2⁷ + end` for
 *   lines below 2¹⁷ and characters (or extra lines) below 2⁷ — most lines of most files;
 * - *large*, beyond 2³¹ in magnitude, exact in a double: `2³¹ + line·2³⁰ + start·2¹⁵ + end` for lines below 2²² and
 *   characters below 2¹⁵;
 * - anything else (a URL continued from the middle of a line, a 40 kB minified line) stays a `Range`.
 */
import type { Range } from './types';

declare const spanBrand: unique symbol;

/** Opaque on purpose: a reader that needs a range asks `rangeOf`, so the stored form can change underneath. */
export type Span = { readonly [spanBrand]: true };

const SMALL = 2 ** 31;
const SMALL_LINE = 2 ** 14;
const SMALL_CHAR = 2 ** 7;
const SMALL_LINES = 2 ** 17;
const LINE = 2 ** 30;
const CHAR = 2 ** 15;
const LINES = 2 ** 22;

/** `line`, `middle` (a start character or extra lines) and `end` packed (see above), or undefined when they do not fit. */
function packed(line: number, middle: number, end: number): number | undefined {
  if (line < SMALL_LINES && middle < SMALL_CHAR && end < SMALL_CHAR) return line * SMALL_LINE + middle * SMALL_CHAR + end;
  if (line < LINES && middle < CHAR && end < CHAR) return SMALL + line * LINE + middle * CHAR + end;
  return undefined;
}

/** The span inside line `line` from character `start` to `end`. */
export function lineSpan(line: number, start: number, end: number): Span {
  const p = packed(line, start, end);
  if (p !== undefined) return p as unknown as Span;
  return { start: { line, character: start }, end: { line, character: end } } as unknown as Span;
}

/** The span kept for `range` (a range built elsewhere: client code's syntax nodes, a block's first and last line). */
export function spanOf(range: Range): Span {
  const { start, end } = range;
  if (start.line === end.line) return lineSpan(start.line, start.character, end.character);
  if (start.character === 0 && end.line > start.line) return blockSpan(start.line, end.line, end.character);
  return range as unknown as Span;
}

/** The span from the start of line `line` to character `end` of line `endLine`: `spanOf(range(line, 0, endLine, end))`, built without the range. */
export function blockSpan(line: number, endLine: number, end: number): Span {
  if (line === endLine) return lineSpan(line, 0, end);
  // Extra lines are at least one, so a packed block is never 0 (a one-line span) nor −0.
  const p = endLine > line ? packed(line, endLine - line, end) : undefined;
  if (p !== undefined) return -p as unknown as Span;
  return { start: { line, character: 0 }, end: { line: endLine, character: end } } as unknown as Span;
}

/** The span as an LSP range (0-based lines, UTF-16 characters): a new object for a packed span. */
export function rangeOf(span: Span): Range {
  if (typeof span !== 'number') return span as unknown as Range;
  const abs = span < 0 ? -span : span;
  let line: number, middle: number, end: number;
  if (abs < SMALL) {
    line = Math.floor(abs / SMALL_LINE);
    const rest = abs - line * SMALL_LINE;
    middle = Math.floor(rest / SMALL_CHAR);
    end = rest - middle * SMALL_CHAR;
  } else {
    const large = abs - SMALL;
    line = Math.floor(large / LINE);
    const rest = large - line * LINE;
    middle = Math.floor(rest / CHAR);
    end = rest - middle * CHAR;
  }
  return span < 0
    ? { start: { line, character: 0 }, end: { line: line + middle, character: end } }
    : { start: { line, character: middle }, end: { line, character: end } };
}

/** The 0-based line the span starts on, without building a range. */
export function startLineOf(span: Span): number {
  if (typeof span !== 'number') return (span as unknown as Range).start.line;
  const abs = span < 0 ? -span : span;
  return abs < SMALL ? Math.floor(abs / SMALL_LINE) : Math.floor((abs - SMALL) / LINE);
}
