/**
 * Splits a document into lines the way editors do: `\r\n`, `\r` and `\n` all end a line, and the line texts
 * exclude the terminator, so a character index into a line is an LSP character offset. A line is its text and
 * nothing else (no object per line: a 10,000-request file has 57,000 of them, made again on every whole parse);
 * the parser numbers lines by their index.
 */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lines.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

/** The line terminator a new line inserted into this document should use (the first one found, else \n). */
export function preferredEol(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
