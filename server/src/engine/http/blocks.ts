/**
 * Readers for the multi-line pieces of a `.http` file that run to a closing marker or a blank line: scripts,
 * `/* … *\/` comments, GraphQL fragments, proto options and curl commands. Each returns the line to go on from;
 * none reads past a `###` separator, so an unclosed piece never hides the requests after it.
 */
import { range } from '../text/types';
import { lineSpan, spanOf } from '../text/span';
import type { ParseDiagnostic, Script } from './ast';
import { commentStart, isHeaderLine, isBlank, isRequestLine, separatorTitle, type scriptOpenerOf } from './line-kinds';
import { parseDiagnostic } from './parse-diagnostics';

type Opener = NonNullable<ReturnType<typeof scriptOpenerOf>>;

/** A script, the line after it and, when it is never closed, the diagnostic saying so. */
export interface ScriptRead {
  script: Script;
  next: number;
  /** Its last line (the closing marker, or the last line before the separator that cut it off). */
  last: number;
  diagnostic?: ParseDiagnostic;
}

/** Reads a script from its opener at line i to its closing marker (`%}`, or `}}` alone on a line for httpYac). */
export function readScript(lines: readonly string[], i: number, opener: Opener): ScriptRead {
  const first = lines[i];
  const sameLineClose = first.indexOf(opener.close, opener.bodyStart);
  if (sameLineClose >= 0) {
    const source = first.slice(opener.bodyStart, sameLineClose);
    return { script: { kind: opener.kind, source, range: lineSpan(i, 0, first.length), sourceStartLine: i }, next: i + 1, last: i };
  }
  const parts: string[] = [first.slice(opener.bodyStart)];
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j];
    if (separatorTitle(text) !== undefined) break;
    const close = opener.kind === 'httpyac-script' ? (text.trim() === '}}' ? text.indexOf('}}') : -1) : text.indexOf(opener.close);
    if (close >= 0) {
      parts.push(text.slice(0, close));
      const script: Script = { kind: opener.kind, source: parts.join('\n'), range: spanOf(range(i, 0, j, text.length)), sourceStartLine: i };
      return { script, next: j + 1, last: j };
    }
    parts.push(text);
  }
  const last = i + parts.length - 1;
  const diagnostic = parseDiagnostic(i, 0, first.length, 'unclosed-script', 'error',
    `This script is never closed: add a line with \`${opener.close}\` where it ends.`);
  const script: Script = { kind: opener.kind, source: parts.join('\n'), range: spanOf(range(i, 0, last, lines[last].length)), sourceStartLine: i };
  return { script, next: last + 1, last, diagnostic };
}

/** Skips an httpYac `/* … *\/` block comment; an unclosed one is reported and ends before the next `###`. */
export function skipBlockComment(lines: readonly string[], i: number): { next: number; diagnostic?: ParseDiagnostic } {
  const first = lines[i];
  if (first.indexOf('*/', first.indexOf('/*') + 2) >= 0) return { next: i + 1 };
  let j = i + 1;
  for (; j < lines.length && separatorTitle(lines[j]) === undefined; j++) {
    if (lines[j].includes('*/')) return { next: j + 1 };
  }
  const diagnostic = parseDiagnostic(i, 0, first.length, 'unclosed-comment', 'error', 'This `/*` comment is never closed: add `*/` where it ends.');
  return { next: j, diagnostic };
}

/** The line after a piece that runs to the next blank line or `###` (a GraphQL fragment, as httpYac reads it). */
export function skipToBlankLine(lines: readonly string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && !isBlank(lines[j]) && separatorTitle(lines[j]) === undefined) j++;
  return j;
}

/** The line after httpYac's `key: value` proto-loader options under `proto < file`. */
export function skipOptionLines(lines: readonly string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && separatorTitle(lines[j]) === undefined && isHeaderLine(lines[j])) j++;
  return j;
}

/**
 * The line after a `curl …` command: its `\`-continued lines, and the lines of a quoted argument that spans
 * several (`-d '{` … `}'`, as pasted from documentation; REST Client sends the block whole). A quote left open
 * ends at the next `###`.
 */
export function skipCurlCommand(lines: readonly string[], i: number): number {
  let j = i;
  let quote: string | undefined;
  for (;;) {
    quote = quoteOpenAfter(lines[j], quote);
    const continued = quote !== undefined || lines[j].trimEnd().endsWith('\\');
    if (!continued || j >= lines.length - 1 || separatorTitle(lines[j + 1]) !== undefined) return j + 1;
    j++;
  }
}

/** The shell quote still open at the end of `text` (`'` or `"`), given the one open at its start. */
function quoteOpenAfter(text: string, open: string | undefined): string | undefined {
  let quote = open;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quote === undefined) {
      if (c === '\\') k++;
      else if (c === "'" || c === '"') quote = c;
    } else if (c === quote) {
      quote = undefined;
    } else if (quote === '"' && c === '\\') {
      k++;
    }
  }
  return quote;
}

/** How far a body line may look ahead over comments for a request line that starts a new request (httpYac). */
const LOOKAHEAD_LIMIT = 50;

/**
 * httpYac lets a request follow a body without `###`: a known method's request line at line i (possibly after
 * comments and metadata) ends the body. Emacs restclient files have no `###` at all: a request starts after a
 * blank line with the comment lines that title it (`# update the same value?`), so any comment counts, not only
 * metadata. The look-ahead is bounded to stay linear, and ends with the section.
 */
export function startsRequestAt(lines: readonly string[], i: number, end: number): boolean {
  for (let j = i; j < end && j < i + LOOKAHEAD_LIMIT; j++) {
    const text = lines[j];
    if (isRequestLine(text, true)) return true;
    if (commentStart(text) < 0) return false;
  }
  return false;
}
