/**
 * The fast lane of the parser: a section of the shape most `.http` files are made of, recognised with one regular
 * expression per line and built with the nodes' own builders, so that the work per character runs in the regex
 * engine's native code. A cold parse runs its JavaScript in V8's first tiers until the optimising compiler's code
 * arrives, and every small per-line helper the state machine calls is one more background compile job
 * (docs/performance.md, "Issue 16, twenty-first session"); here JavaScript runs once per line and per node.
 *
 * A plain section, line by line (this file is the one place that says it):
 * 1. its `###` separator line (and title), or none in a file's first section;
 * 2. blank lines, `# …` / `// …` comments and `# @key value` metadata (no `etag-guard-` directive);
 * 3. a request line: a method of `PLAIN_METHOD` in capitals, blanks, the URL;
 * 4. `Name: value` headers, the name an RFC 9110 token starting with a letter;
 * 5. after a blank line, a body: no line opens a script or handler (`>`, `<{`, `<@`, `< `, `{{`), is an assertion
 *    (`??`) or holds httpYac's `\{\{`, and no line that starts a paragraph (the first, or one after a blank line)
 *    could end the body (a response's `HTTP/`, a request line's `WORD target`, a comment).
 * Anything else, anywhere in the section, and the section is not plain: the caller reads it with the state machine
 * (section-reader.ts), which gives the same tree for every plain section (http/plain-section.test.ts proves it on
 * the fixtures, the bench file and hostile variants).
 */
import { blockSpan, startLineOf } from '../text/span';
import type { Body, HttpRequest } from './ast';
import type { Sink } from './section-reader';
import { isHttpYacMetadata } from './dialect-lines';
import { endBeforeBlanks, knownRequestLine, metadataAt, separatorTitle } from './line-kinds';
import { compactLists, firstContentLine, headerWithColonAt, requestAt, startPending, type PendingBlock } from './nodes';
import { added, appended } from '../text/compact-list';

/**
 * A request line of a method every dialect sends as it is (not httpYac's protocols, which mark a file as
 * httpYac's), in capitals, then blanks, where the match ends: the URL's first character. Each alternative ends at
 * a blank. Like the others below it is sticky and asked with `test` from the line's start (`matchEnd`): no match
 * array per line.
 */
const PLAIN_METHOD = /(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT|QUERY|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK|REPORT|SEARCH)[ \t]+(?=\S)/y;

/** A line of white space only (as `isBlank` says). Anchored: fails at a non-blank line's first character. */
const BLANK = /^\s*$/;

/** A comment, `#` or `//` after blanks: the match ends where its body starts (`commentStart`). */
const COMMENT = /\s*(?:#|\/\/)/y;

/**
 * A header: blanks or tabs, a token starting with a letter (so no `?…`/`&…` URL continuation, no `#` comment),
 * blanks or tabs, the colon, where the match ends. A name with a `{{template}}` in it does not match.
 */
const HEADER = /[ \t]*[A-Za-z][!#$%&'*+\-.^_`|~0-9A-Za-z]*[ \t]*:/y;

/** A body line that opens a response handler, a script, a file body or an assertion (or may: `{{` alone opens one). */
const NOT_BODY = /^(?:>|<[ \t@{]|\{\{|\?\?)/;

/**
 * A line that may end a body when it starts a paragraph: a response's status line, a request line (`WORD target`,
 * the word a token: a known method or not, a superset of what `startsRequestAt` looks for) or a comment (which may
 * title the next request). Each alternative is one linear run.
 */
const ENDS_BODY = /^(?:HTTP\/|[A-Za-z][!#$%&'*+\-.^_`|~0-9A-Za-z]*[ \t]+\S|\s*(?:#|\/\/))/;

/**
 * Reads lines [from, end) into `out` when they are a plain section (above), its request numbered `index`; returns
 * whether the section uses syntax only httpYac reads (a metadata key of httpYac's), or undefined when the section
 * is not plain and nothing was added to `out`. `block` is the caller's record of a block, started again here.
 */
export function readPlainSection(lines: readonly string[], from: number, end: number, index: number, out: Sink, block: PendingBlock): boolean | undefined {
  // Only a file's first section may start without a separator (its lines before the first `###`).
  const title = separatorTitle(lines[from]);
  let i = title === undefined ? from : from + 1;
  startPending(block, i, title || undefined, title === undefined ? undefined : from);
  let httpYac = false;
  let request: HttpRequest | undefined;
  for (; i < end && !request; i++) {
    const text = lines[i];
    const urlStart = plainUrlStart(text);
    if (urlStart > 0) {
      const requestLine = knownRequestLine(i, text, plainMethodLength(text, urlStart), urlStart);
      if (!requestLine) return undefined;
      block.claimed = true;
      request = requestAt(index, block, firstContentLine(lines, block, i), i, requestLine);
    } else if (!BLANK.test(text)) {
      const bodyStart = plainCommentBody(text);
      if (bodyStart < 0) return undefined;
      const meta = metadataAt(i, text, bodyStart);
      if (meta) {
        httpYac ||= isHttpYacMetadata(meta.key);
        block.metadata = added(block.metadata, meta);
      } else {
        block.comments = appended(block.comments, text.slice(bodyStart).trim());
      }
    }
  }
  if (!request) return undefined;
  let last = i - 1;
  for (; i < end; i++) {
    const text = lines[i];
    const colon = plainHeaderColon(text);
    if (colon < 0) break;
    request.headers = added(request.headers, headerWithColonAt(i, text, colon));
    request.headerInsertLine = i + 1;
    last = i;
  }
  const bodyEnd = plainBodyEnd(lines, i, end);
  if (bodyEnd < 0) return undefined;
  if (bodyEnd > i) {
    request.body = bodyBetween(lines, i + 1, bodyEnd);
    last = bodyEnd;
  }
  request.range = blockSpan(startLineOf(request.range), last, lines[last].length);
  compactLists(request);
  out.requests.push(request);
  return httpYac;
}

/*
 * The lane's line tests, exported for the flat scan (flat-scan.ts), which reads the same sections into arrays instead
 * of nodes: what a plain section is stays said here alone.
 */

/** Where the URL of a plain request line starts (rule 3), or -1 when `text` is none. */
export function plainUrlStart(text: string): number {
  return matchEnd(PLAIN_METHOD, text);
}

/** How long the method of the plain request line whose URL starts at `urlStart` is (the blanks before the URL dropped). */
export function plainMethodLength(text: string, urlStart: number): number {
  return endBeforeBlanks(text, urlStart - 1);
}

/** True for a line of white space only (as `isBlank` says). */
export function isPlainBlank(text: string): boolean {
  return BLANK.test(text);
}

/**
 * Where the body of a comment a plain section may hold starts (rule 2: `metadataAt` reads its metadata from there),
 * or -1 when `text` is no comment, or an `etag-guard-` directive (which the state machine files as a directive).
 */
export function plainCommentBody(text: string): number {
  const bodyStart = matchEnd(COMMENT, text);
  return bodyStart < 0 || text.indexOf('etag-guard-', bodyStart) >= 0 ? -1 : bodyStart;
}

/** The colon of a plain header line (rule 4), or -1 when `text` is none. */
export function plainHeaderColon(text: string): number {
  const colonEnd = matchEnd(HEADER, text);
  return colonEnd < 0 ? -1 : colonEnd - 1;
}

/**
 * Lines [i, end) after a plain request's headers (rule 5): the last line of its body, whose first line is i + 1; i
 * when it has no body (nothing or blank lines only); -1 when the lines are not a plain section's.
 */
export function plainBodyEnd(lines: readonly string[], i: number, end: number): number {
  if (i >= end) return i;
  if (!BLANK.test(lines[i])) return -1;
  return lastBodyLine(lines, i + 1, end);
}

/** Where the sticky `regex`'s match at the start of `text` ends, or -1 when it does not match there. */
function matchEnd(regex: RegExp, text: string): number {
  regex.lastIndex = 0;
  return regex.test(text) ? regex.lastIndex : -1;
}

/**
 * The last non-blank line of the plain body in lines [from, end) (from - 1 when all are blank), or -1 when a line is
 * not a plain body's (the file header's rules, 5).
 */
function lastBodyLine(lines: readonly string[], from: number, end: number): number {
  let last = from - 1;
  let paragraphStart = true;
  for (let i = from; i < end; i++) {
    const text = lines[i];
    if (BLANK.test(text)) {
      paragraphStart = true;
      continue;
    }
    if (NOT_BODY.test(text) || text.includes('\\{\\{') || (paragraphStart && ENDS_BODY.test(text))) return -1;
    paragraphStart = false;
    last = i;
  }
  return last;
}

/** The body of lines [first, last] (the first may be blank, the last is not), as `bodyOf` makes it. */
function bodyBetween(lines: readonly string[], first: number, last: number): Body {
  const text = first === last ? lines[first] : lines.slice(first, last + 1).join('\n');
  return { text, range: blockSpan(first, last, lines[last].length) };
}
