/**
 * Positions ↔ UTF-16 offsets for one text, with lines ending as `applyTextEdits` ends them (LF, CRLF, lone CR).
 * Offsets are what ESLint's `fix.range` speaks and what comparing a text before and after an edit needs.
 */
import { lineStarts } from '../text/edits';
import type { Position, TextEdit } from '../text/types';

export class Offsets {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** The offset of a position, clamped to its line and to the text. */
  at(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    const next = p.line + 1 < this.starts.length ? this.starts[p.line + 1] : this.text.length;
    return Math.min(this.starts[p.line] + p.character, next);
  }
}

/** An edit as offsets into the text it applies to. */
export interface Span {
  start: number;
  end: number;
  newText: string;
}

/** The edits as offset spans, in text order. */
export function spansOf(offsets: Offsets, edits: readonly TextEdit[]): Span[] {
  return edits
    .map((e) => ({ start: offsets.at(e.range.start), end: offsets.at(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Where an offset of the original text lands after the spans are applied: `at` for text the spans left alone,
 * `within` (the replacement's extent) for text a span replaced.
 */
export function mapOffset(offset: number, spans: readonly Span[]): { at: number } | { within: [number, number] } {
  let delta = 0;
  for (const s of spans) {
    if (s.start <= offset && offset < s.end) return { within: [s.start + delta, s.start + delta + s.newText.length] };
    if (s.end > offset) break;
    delta += s.newText.length - (s.end - s.start);
  }
  return { at: offset + delta };
}
