/** Builders for the syntax-tree nodes the parser makes out of single lines. */
import { blockSpan, lineSpan, rangeOf, spanOf, startLineOf, type Span } from '../text/span';
import type { Body, FileVariable, Header, HttpRequest, LiteralSource, Metadata, RequestLine, Script, Spanned } from './ast';
import { endBeforeBlanks, firstNonBlank, headerColonOf, isBlank, isSpaceAt, trimmedEnd, type variableOf } from './line-kinds';
import { sameHeaderName, writtenHeaderName } from '../text/header-names';
import { keptAdded, NONE } from '../text/compact-list';

/**
 * What the lines before a request line gathered for it. A reader keeps one and starts it again for every block
 * (`startPending`): the request that claims it takes its lists, which start as the shared `NONE` and are made at
 * their first item (`added`), so a block of nothing but a request line (most of them) allocates nothing.
 */
export interface PendingBlock {
  startLine: number;
  /** Set once a request line claims this block's metadata and scripts. */
  claimed: boolean;
  title: string | undefined;
  separatorLine: number | undefined;
  metadata: Metadata[];
  comments: string[] | undefined;
  variables: FileVariable[];
  scripts: Script[];
}

/** `p` made the empty block that starts at `startLine` (after the `###` at `separatorLine`, titled `title`). */
export function startPending(p: PendingBlock, startLine: number, title?: string, separatorLine?: number): PendingBlock {
  p.startLine = startLine;
  p.claimed = false;
  p.title = title;
  p.separatorLine = separatorLine;
  p.metadata = NONE;
  // `comments` is set here, not added by the first comment: every block keeps one shape ("wrong map" otherwise).
  p.comments = undefined;
  p.variables = NONE;
  p.scripts = NONE;
  return p;
}

/** A reader's block, before its first section: what `startPending(p, 0)` leaves, in the same field order (one shape). */
export function emptyPending(): PendingBlock {
  return { startLine: 0, claimed: false, title: undefined, separatorLine: undefined, metadata: NONE, comments: undefined, variables: NONE, scripts: NONE };
}

/** The request whose request line (`requestLine`) is line i; its block starts at `firstLine`. */
export function requestAt(index: number, block: PendingBlock, firstLine: number, i: number, requestLine: RequestLine): HttpRequest {
  const nameMeta = nameOf(block.metadata);
  return {
    index,
    // Its first line only: the whole range is set when the block ends (`finishRequest` reads the start line).
    range: lineSpan(firstLine, 0, 0),
    title: block.title,
    separatorLine: block.separatorLine,
    name: nameMeta && { value: firstWord(nameMeta.value), range: nameMeta.range },
    metadata: block.metadata,
    comments: block.comments,
    variables: block.variables,
    requestLine,
    // Filled through `added` while its lines are read (most requests have one or two headers).
    headers: NONE,
    scripts: block.scripts,
    headerInsertLine: i + 1,
    // Set when the request ends (most have none): declared here, it is a field of the object, not of a second one.
    body: undefined,
  };
}

/** The block's first line for its request line at `requestLine`: its first comment or metadata line, not the blank lines above it. */
export function firstContentLine(lines: readonly string[], p: PendingBlock, requestLine: number): number {
  let start = requestLine;
  for (let j = requestLine - 1; j >= p.startLine; j--) {
    if (isBlank(lines[j])) break;
    start = j;
  }
  // Metadata and scripts are kept in line order, so the first of each is the earliest (no spread: a block may
  // hold more lines than a call has room for arguments).
  return Math.min(start, p.metadata[0] ? startLineOf(p.metadata[0].range) : start, p.scripts[0] ? startLineOf(p.scripts[0].range) : start);
}

/** The first `@name` metadata with a value. */
function nameOf(metadata: readonly Metadata[]): Metadata | undefined {
  for (let k = 0; k < metadata.length; k++) if (metadata[k].key === 'name' && metadata[k].value !== '') return metadata[k];
  return undefined;
}

/** `value.split(/\s/)[0]` without splitting the rest (a request's name: its `@name`'s first word). */
export function firstWord(value: string): string {
  let k = 0;
  while (k < value.length && !isSpaceAt(value, k)) k++;
  return k === value.length ? value : value.slice(0, k);
}

/** The URL's lines: `url` alone unless it continues over several. */
export function urlPartsOf(line: RequestLine): readonly Spanned[] {
  return line.urlParts ?? [{ value: line.url, range: line.urlRange }];
}

/** Where the method stands as written: the start of the request line's first line. */
export function methodSpan(line: RequestLine): Span {
  return lineSpan(startLineOf(line.range), 0, line.methodLength);
}

/** Appends a `?…` / `&…` continuation line (line i, from `start`) to the request's URL. */
export function extendUrl(req: HttpRequest, i: number, start: number, value: string): void {
  const end = { line: i, character: start + value.length };
  const part: Spanned = { value, range: lineSpan(i, start, end.character) };
  const line = req.requestLine;
  (line.urlParts ??= [{ value: line.url, range: line.urlRange }]).push(part);
  line.url += value;
  line.urlRange = spanOf({ start: rangeOf(line.urlRange).start, end });
  req.requestLine.range = spanOf({ start: rangeOf(req.requestLine.range).start, end });
  req.headerInsertLine = i + 1;
}

/** The `Name: value` header at line i (values are trimmed), or undefined when the line is none (`headerColonOf`). */
export function headerAt(i: number, text: string): Header | undefined {
  const colon = headerColonOf(text);
  return colon < 0 ? undefined : headerWithColonAt(i, text, colon);
}

/** The header at line i whose name ends in the `:` at `colon` (found by `headerColonOf`, or by plain-section.ts's regex). */
export function headerWithColonAt(i: number, text: string, colon: number): Header {
  const nameStart = firstNonBlank(text);
  const nameEnd = endBeforeBlanks(text, colon);
  const valueStart = firstNonBlank(text, colon + 1);
  const valueEnd = trimmedEnd(text, valueStart);
  // The line ends with the value, or with the colon when the value is empty.
  const lineEnd = valueEnd > valueStart ? valueEnd : colon + 1;
  return new HeaderLine(writtenHeaderName(text, nameStart, nameEnd), text.slice(valueStart, valueEnd), lineSpan(i, 0, lineEnd), nameStart, valueStart);
}

/** The source of every value written as it is sent: one shared, read-only object (model/value-source.ts `LITERAL`). */
export const LITERAL_SOURCE: LiteralSource = Object.freeze({ kind: 'literal' });

/**
 * A header as the parser makes it, which is also, without `{{` in it, the header's model: the rules read a literal
 * header through the getters here, from its own fields, so the lowering keeps no second object for it (8,000 of the
 * 10k bench file's 14,000 headers) and a request whose headers are all literal keeps the tree's list as its own.
 */
class HeaderLine implements Header {
  constructor(
    public name: string,
    public value: string,
    public range: Span,
    public nameStart: number,
    public valueStart: number,
  ) {}

  get nameRange(): Span {
    return headerNameSpan(this);
  }

  get valueRange(): Span {
    return headerValueSpan(this);
  }

  get resolvedValue(): string {
    return this.value;
  }

  get source(): LiteralSource {
    return LITERAL_SOURCE;
  }
}

/** Where a header's name stands (built when asked: a header keeps only its line's span). */
export function headerNameSpan(h: Header): Span {
  return lineSpan(startLineOf(h.range), h.nameStart, h.nameStart + h.name.length);
}

/** Where a header's value stands. */
export function headerValueSpan(h: Header): Span {
  return lineSpan(startLineOf(h.range), h.valueStart, h.valueStart + h.value.length);
}

/**
 * A finished request's lists are kept as long as its syntax tree (an editor's analysis holds it): each was filled
 * through `added` (empty: the shared `NONE`; one item: made at its size), and a longer one is copied to its size.
 */
export function compactLists(req: HttpRequest): void {
  req.headers = keptAdded(req.headers);
  req.metadata = keptAdded(req.metadata);
  req.scripts = keptAdded(req.scripts);
  req.variables = keptAdded(req.variables);
  if (req.comments) req.comments = keptAdded(req.comments);
}

/** An `@name = value` variable at line i. */
export function variableAt(i: number, text: string, variable: NonNullable<ReturnType<typeof variableOf>>): FileVariable {
  return {
    name: { value: variable.name, range: lineSpan(i, variable.nameStart, variable.nameStart + variable.name.length) },
    value: { value: variable.value, range: lineSpan(i, variable.valueStart, variable.valueStart + variable.value.length) },
    range: lineSpan(i, 0, text.length),
  };
}

/** A script that lives in a file: `< ./pre.js` before a request line, `> ./handler.js` after it. */
export function scriptFileAt(kind: Script['kind'], i: number, text: string, file: string): Script {
  return { kind, source: '', file, range: lineSpan(i, 0, text.length), sourceStartLine: i };
}

/** The body made of the first `count` of the given lines, trailing blank lines dropped; undefined when nothing but blanks is left. */
export function bodyOf(lines: readonly string[], bodyLines: readonly number[], count: number): Body | undefined {
  let last = count - 1;
  while (last >= 0 && isBlank(lines[bodyLines[last]])) last--;
  if (last < 0) return undefined;
  const end = bodyLines[last];
  // One line is its own text; more are joined into one flat string (`+=` would leave a rope to flatten later).
  let text = lines[bodyLines[0]];
  if (last > 0) {
    const parts: string[] = [];
    for (let k = 0; k <= last; k++) parts.push(lines[bodyLines[k]]);
    text = parts.join('\n');
  }
  return { text, range: blockSpan(bodyLines[0], end, lines[end].length) };
}

/** A multipart body (an OData $batch, say) holds whole HTTP messages, which must not be read as requests. */
export function isMultipart(req: HttpRequest): boolean {
  for (let k = 0; k < req.headers.length; k++) {
    const h = req.headers[k];
    if (sameHeaderName(h.name, 'content-type') && startsWithAsciiWord(h.value, firstNonBlank(h.value), 'multipart/')) return true;
  }
  return false;
}

/** `/^\s*word/i` at `from` for an ASCII lower-case `word` (as a regex without the `u` flag, no other character folds to ASCII). */
function startsWithAsciiWord(text: string, from: number, word: string): boolean {
  if (text.length - from < word.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(from + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(w >= 97 && w <= 122 && c === w - 32)) return false;
  }
  return true;
}

/**
 * Scripts of a block that never got a request line are global scripts (httpYac, JetBrains). An indexed loop: it runs
 * at every block's end, mostly over the empty list, and `for…of` made an iterator each time in V8's first tiers.
 */
export function keepUnclaimedScripts(block: { claimed: boolean; scripts: readonly Script[] }, globalScripts: Script[]): void {
  if (!block.claimed) for (let k = 0; k < block.scripts.length; k++) globalScripts.push(block.scripts[k]);
}
