/**
 * Splits a document into lines the way editors do: `\r\n`, `\r` and `\n` all end a line, and the line texts
 * exclude the terminator, so a character index into a line is an LSP character offset.
 */
export interface Line {
  text: string;
  /** Offset of the line's first character in the whole document. */
  offset: number;
  /** The terminator that ends this line: '' for the last line. */
  eol: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      const eol = c === 13 && text.charCodeAt(i + 1) === 10 ? '\r\n' : text[i];
      lines.push({ text: text.slice(start, i), offset: start, eol });
      i += eol.length - 1;
      start = i + 1;
    }
  }
  lines.push({ text: text.slice(start), offset: start, eol: '' });
  return lines;
}

/** The line terminator a new line inserted into this document should use (the first one found, else \n). */
export function preferredEol(lines: readonly Line[]): string {
  return lines.find((l) => l.eol !== '')?.eol ?? '\n';
}
