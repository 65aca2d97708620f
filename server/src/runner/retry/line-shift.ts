/**
 * Follows a request line through text edits: the refresh-and-retry edit may insert a read above the write,
 * and the user keeps typing after a 412, so the CodeLens and the retry must find the request where it went.
 * Pure (engine ranges; VS Code change events have the same shape).
 */
import type { TextEdit } from '../../engine';

/**
 * Where 0-based `line` is after `edits` (ranges relative to the text before any of them, not overlapping),
 * or undefined when an edit removed the start of that line.
 */
export function lineAfterEdits(line: number, edits: readonly TextEdit[]): number | undefined {
  let shift = 0;
  for (const { range, newText } of edits) {
    const endsBefore = range.end.line < line || (range.end.line === line && range.end.character === 0);
    if (endsBefore) {
      shift += newlines(newText) - (range.end.line - range.start.line);
    } else if (range.start.line < line) {
      return undefined;
    }
  }
  return line + shift;
}

function newlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n++;
  return n;
}
