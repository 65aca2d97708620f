/**
 * Where a piece of the syntax tree or of the model stands, as the engine keeps it. An editor holds the analysis
 * of a whole file (a 10,000-request file has ~90 k of these), so how a span is stored is a memory decision made
 * here alone: everything else builds one with `spanOf` and reads it with `rangeOf` / `startLineOf`, and converts
 * to an LSP `Range` only where a range leaves the engine (findings, fixes, hovers, lenses, CLI output).
 */
import type { Range } from './types';

declare const spanBrand: unique symbol;

/** Opaque on purpose: a reader that needs a range asks `rangeOf`, so the stored form can change underneath. */
export type Span = { readonly [spanBrand]: true };

/** The span kept for `range`. */
export function spanOf(range: Range): Span {
  return range as unknown as Span;
}

/** The span as an LSP range (0-based lines, UTF-16 characters). */
export function rangeOf(span: Span): Range {
  return span as unknown as Range;
}

/** The 0-based line the span starts on, without building a range. */
export function startLineOf(span: Span): number {
  return (span as unknown as Range).start.line;
}
