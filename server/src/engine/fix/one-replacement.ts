/**
 * A fix as ESLint's `fix` object: one `range: [start, end]` of UTF-16 offsets into the original text and the
 * `text` that replaces it. A fix made of several edits becomes one replacement spanning them all (ESLint merges
 * multi-part fixes the same way), so any tool that applies ESLint fixes applies ours.
 */
import type { TextEdit } from '../text/types';
import { Offsets, spansOf } from './offsets';

export interface EslintFix {
  range: [number, number];
  text: string;
}

export function asOneReplacement(text: string, edits: readonly TextEdit[], offsets: Offsets = new Offsets(text)): EslintFix | undefined {
  // Stable sort: insertions at one offset keep their array order, as LSP applies them.
  const spans = spansOf(offsets, edits);
  if (spans.length === 0) return undefined;
  const start = spans[0].start;
  const end = Math.max(...spans.map((s) => s.end));
  let out = '';
  let at = start;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = Math.max(at, s.end);
  }
  return { range: [start, end], text: out + text.slice(at, end) };
}
