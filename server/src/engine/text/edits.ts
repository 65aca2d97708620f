/** Applies text edits to a string as an editor would: every range refers to the original text. */
import type { Position, TextEdit } from './types';

/**
 * The offset where each line starts, lines ending as editors end them (LF, CRLF, lone CR). Found with the native
 * `indexOf`, not a loop over every character: a fix check builds this for whole texts in a fresh CLI process, where
 * such a loop runs in the interpreter (docs/performance.md, "Issue 16, eighteenth session").
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // A CR ends a line unless an LF follows it (CRLF), whose own turn comes next.
      if (cr + 1 !== lf) starts.push(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

function offsetAt(starts: readonly number[], text: string, p: Position): number {
  if (p.line >= starts.length) return text.length;
  const next = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  return Math.min(starts[p.line] + p.character, next);
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  // In text order; insertions at one position keep their array order in the result, as LSP specifies.
  const spans = edits
    .map((e, index) => ({ start: offsetAt(starts, text, e.range.start), end: offsetAt(starts, text, e.range.end), newText: e.newText, index }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  // Overlapping edits (which no fix makes, and LSP forbids) keep the old meaning: applied one by one from the end.
  if (spans.some((s, i) => i > 0 && s.start < spans[i - 1].end)) return applyFromTheEnd(text, spans);
  // One pass of pieces: slicing the growing result once per edit copied the text per edit (quadratic on large files).
  const pieces: string[] = [];
  let at = 0;
  for (const s of spans) {
    pieces.push(text.slice(at, s.start), s.newText);
    at = s.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

function applyFromTheEnd(text: string, ascending: ReadonlyArray<{ start: number; end: number; newText: string }>): string {
  let out = text;
  for (let i = ascending.length - 1; i >= 0; i--) out = out.slice(0, ascending[i].start) + ascending[i].newText + out.slice(ascending[i].end);
  return out;
}
