/**
 * Where a piece of the syntax tree or of the model stands, as the engine keeps it. An editor holds the analysis
 * of a whole file (a 10,000-request file has ~90 k of these), so how a span is stored is a memory decision made
 * here alone: everything else builds one with `spanOf` / `lineSpan` and reads it with `rangeOf` / `startLineOf`,
 * and converts to an LSP `Range` only where a range leaves the engine (findings, fixes, hovers, lenses, CLI output).
 *
 * Stored form: one number instead of a range and its two positions (three objects, 120 bytes). A span inside one
 * line is `line·2³⁰ + start·2¹⁵ + end`; a span of several lines starting at a line's beginning (a request block, a
 * body, a script) is `−(line·2³⁰ + extraLines·2¹⁵ + end)`. Lines up to 2²³ and characters below 2¹⁵ fit exactly
 * in a double; anything else (a URL continued from the middle of a line, a 40 kB minified line) stays a `Range`.
 */
import type { Range } from './types';

declare const spanBrand: unique symbol;

/** Opaque on purpose: a reader that needs a range asks `rangeOf`, so the stored form can change underneath. */
export type Span = { readonly [spanBrand]: true };

const LINE = 2 ** 30;
const CHAR = 2 ** 15;
const LINES = 2 ** 23;

/** The span inside line `line` from character `start` to `end`. */
export function lineSpan(line: number, start: number, end: number): Span {
  if (line < LINES && start < CHAR && end < CHAR) return (line * LINE + start * CHAR + end) as unknown as Span;
  return { start: { line, character: start }, end: { line, character: end } } as unknown as Span;
}

/** The span kept for `range` (a range built elsewhere: client code's syntax nodes, a block's first and last line). */
export function spanOf(range: Range): Span {
  const { start, end } = range;
  if (start.line === end.line) return lineSpan(start.line, start.character, end.character);
  const extra = end.line - start.line;
  if (start.character === 0 && extra > 0 && extra < CHAR && start.line < LINES && end.character < CHAR) {
    return -(start.line * LINE + extra * CHAR + end.character) as unknown as Span;
  }
  return range as unknown as Span;
}

/** The span from the start of line `line` to character `end` of line `endLine`: `spanOf(range(line, 0, endLine, end))`, built without the range. */
export function blockSpan(line: number, endLine: number, end: number): Span {
  if (line === endLine) return lineSpan(line, 0, end);
  const extra = endLine - line;
  if (extra > 0 && extra < CHAR && line < LINES && end < CHAR) return -(line * LINE + extra * CHAR + end) as unknown as Span;
  return { start: { line, character: 0 }, end: { line: endLine, character: end } } as unknown as Span;
}

/** The span as an LSP range (0-based lines, UTF-16 characters): a new object for a packed span. */
export function rangeOf(span: Span): Range {
  if (typeof span !== 'number') return span as unknown as Range;
  const packed = span < 0 ? -span : span;
  const line = Math.floor(packed / LINE);
  const rest = packed - line * LINE;
  const middle = Math.floor(rest / CHAR);
  const end = rest - middle * CHAR;
  return span < 0
    ? { start: { line, character: 0 }, end: { line: line + middle, character: end } }
    : { start: { line, character: middle }, end: { line, character: end } };
}

/** The 0-based line the span starts on, without building a range. */
export function startLineOf(span: Span): number {
  if (typeof span !== 'number') return (span as unknown as Range).start.line;
  return Math.floor((span < 0 ? -span : span) / LINE);
}
