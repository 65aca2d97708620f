/**
 * Positions and ranges in the LSP convention (0-based lines, UTF-16 code-unit characters), declared here so
 * the engine stays free of `vscode-languageserver`. The glue passes them through unchanged.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text in `range` by `newText`: the unit every quick fix and `--fix` is made of. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** A range inside one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
