/**
 * Splits a document into lines the way editors do: `\r\n`, `\r` and `\n` all end a line, and the line texts
 * exclude the terminator, so a character index into a line is an LSP character offset. A line is its text and
 * nothing else (no object per line: a 10,000-request file has 57,000 of them, made again on every whole parse);
 * the parser numbers lines by their index.
 */
export function splitLines(text: string): string[] {
  // The engine's own split (a loop over 1.4 MB of characters costs the first lint tens of milliseconds in the
  // interpreter); a `\r\n` is one terminator.
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n?|\n/);
}

/** The line terminator a new line inserted into this document should use (the first one found, else \n). */
export function preferredEol(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
