/** Builders for the syntax-tree nodes the parser makes out of single lines. */
import { lineRange, range, type Position } from '../text/types';
import { rangeOf, spanOf } from '../text/span';
import type { Body, FileVariable, Header, HttpRequest, Metadata, Script, Spanned } from './ast';
import { isBlank, isSpaceAt, type headerLineOf, type RequestLineMatch, type variableOf } from './line-kinds';
import { sameHeaderName } from '../text/header-names';
import { compactList } from '../text/compact-list';

/** What the lines before a request line gathered for it. */
export interface PendingBlock {
  title?: string;
  separatorLine?: number;
  metadata: Metadata[];
  comments?: string[];
  variables: FileVariable[];
  scripts: Script[];
}

/** The request whose request line is line i; its block starts at `firstLine`. */
export function requestAt(index: number, block: PendingBlock, firstLine: number, i: number, text: string, rl: RequestLineMatch): HttpRequest {
  // The method and URL share the line's positions where they start or end it (as headers do, `headerAt`).
  const line = lineRange(i, 0, text.trimEnd().length);
  const urlEnd = rl.urlStart + rl.url.length;
  const url: Spanned = { value: rl.url, range: spanOf({ start: { line: i, character: rl.urlStart }, end: urlEnd === line.end.character ? line.end : { line: i, character: urlEnd } }) };
  const methodEnd = rl.methodStart + rl.methodLength;
  const nameMeta = block.metadata.find((m) => m.key === 'name' && m.value !== '');
  return {
    index,
    // Its end is set when the block ends (`endOfBlock`); its start is the request line's when no comment is above.
    range: spanOf({ start: firstLine === i ? line.start : metadataStart(block, firstLine) ?? { line: firstLine, character: 0 }, end: line.end }),
    title: block.title,
    separatorLine: block.separatorLine,
    name: nameMeta && { value: firstWord(nameMeta.value), range: nameMeta.range },
    metadata: block.metadata,
    comments: block.comments,
    variables: block.variables,
    requestLine: {
      method: { value: rl.method, range: spanOf({ start: rl.methodStart === 0 ? line.start : { line: i, character: rl.methodStart }, end: { line: i, character: methodEnd } }) },
      url,
      urlParts: [url],
      version: rl.version && { value: rl.version.value, range: spanOf(lineRange(i, rl.version.start, rl.version.start + rl.version.value.length)) },
      implicitMethod: rl.implicitMethod,
      range: spanOf(line),
    },
    headers: [],
    scripts: block.scripts,
    headerInsertLine: i + 1,
  };
}

/** The first metadata line's start, shared when the block starts with it. */
function metadataStart(block: PendingBlock, firstLine: number): Position | undefined {
  const first = block.metadata[0] && rangeOf(block.metadata[0].range).start;
  return first?.line === firstLine ? first : undefined;
}

/** `value.split(/\s/)[0]` without splitting the rest. */
function firstWord(value: string): string {
  let k = 0;
  while (k < value.length && !isSpaceAt(value, k)) k++;
  return k === value.length ? value : value.slice(0, k);
}

/** Appends a `?…` / `&…` continuation line (line i, from `start`) to the request's URL. */
export function extendUrl(req: HttpRequest, i: number, start: number, value: string): void {
  const end = lineRange(i, start, start + value.length);
  const part: Spanned = { value, range: spanOf(end) };
  req.requestLine.urlParts.push(part);
  req.requestLine.url = { value: req.requestLine.url.value + value, range: spanOf({ start: rangeOf(req.requestLine.url.range).start, end: end.end }) };
  req.requestLine.range = spanOf({ start: rangeOf(req.requestLine.range).start, end: end.end });
  req.headerInsertLine = i + 1;
}

/**
 * A `Name: value` header at line i. Where the name starts the line or the value ends it, its range shares the
 * line's position object (positions are never changed in place): a large file holds many headers.
 */
export function headerAt(i: number, text: string, header: NonNullable<ReturnType<typeof headerLineOf>>): Header {
  const line = lineRange(i, 0, text.trimEnd().length);
  const nameEnd = header.nameStart + header.name.length;
  const valueEnd = header.valueStart + header.value.length;
  return {
    name: { value: header.name, range: spanOf({ start: header.nameStart === 0 ? line.start : { line: i, character: header.nameStart }, end: { line: i, character: nameEnd } }) },
    value: { value: header.value, range: spanOf({ start: { line: i, character: header.valueStart }, end: valueEnd === line.end.character ? line.end : { line: i, character: valueEnd } }) },
    range: spanOf(line),
  };
}

/**
 * A finished request's lists are kept as long as its syntax tree (an editor's analysis holds it): each is
 * copied to its size, and an empty one is the shared `NONE` (see compact-list.ts).
 */
export function compactLists(req: HttpRequest): void {
  req.headers = compactList(req.headers);
  req.metadata = compactList(req.metadata);
  req.scripts = compactList(req.scripts);
  req.variables = compactList(req.variables);
  if (req.comments) req.comments = compactList(req.comments);
}

/** An `@name = value` variable at line i. */
export function variableAt(i: number, text: string, variable: NonNullable<ReturnType<typeof variableOf>>): FileVariable {
  return {
    name: { value: variable.name, range: spanOf(lineRange(i, variable.nameStart, variable.nameStart + variable.name.length)) },
    value: { value: variable.value, range: spanOf(lineRange(i, variable.valueStart, variable.valueStart + variable.value.length)) },
    range: spanOf(lineRange(i, 0, text.length)),
  };
}

/** A script that lives in a file: `< ./pre.js` before a request line, `> ./handler.js` after it. */
export function scriptFileAt(kind: Script['kind'], i: number, text: string, file: string): Script {
  return { kind, source: '', file, range: spanOf(lineRange(i, 0, text.length)), sourceStartLine: i };
}

/** The body made of the given lines, trailing blank lines dropped; undefined when nothing but blanks is left. */
export function bodyOf(lines: readonly string[], bodyLines: readonly number[]): Body | undefined {
  let last = bodyLines.length - 1;
  while (last >= 0 && isBlank(lines[bodyLines[last]])) last--;
  if (last < 0) return undefined;
  const end = bodyLines[last];
  const text = bodyLines.slice(0, last + 1).map((l) => lines[l]).join('\n');
  return { text, range: spanOf(range(bodyLines[0], 0, end, lines[end].length)) };
}

/** A multipart body (an OData $batch, say) holds whole HTTP messages, which must not be read as requests. */
export function isMultipart(req: HttpRequest): boolean {
  return req.headers.some((h) => sameHeaderName(h.name.value, 'content-type') && /^\s*multipart\//i.test(h.value.value));
}

/** Scripts of a block that never got a request line are global scripts (httpYac, JetBrains); a loop, not a spread. */
export function keepUnclaimedScripts(block: { claimed: boolean; scripts: readonly Script[] }, globalScripts: Script[]): void {
  if (!block.claimed) for (const s of block.scripts) globalScripts.push(s);
}

/**
 * The end of a request's block: the end of its last line. The body's, last script's, last header's or request
 * line's end position when one is that point already (positions are never changed in place, so they share).
 */
export function endOfBlock(req: HttpRequest, last: number, length: number): Position {
  const at = (p: Position | undefined): p is Position => p !== undefined && p.line === last && p.character === length;
  const body = req.body && rangeOf(req.body.range).end;
  if (at(body)) return body;
  const lastScript = req.scripts[req.scripts.length - 1];
  const script = lastScript && rangeOf(lastScript.range).end;
  if (at(script)) return script;
  const lastHeader = req.headers[req.headers.length - 1];
  const header = lastHeader && rangeOf(lastHeader.range).end;
  if (at(header)) return header;
  const requestLine = rangeOf(req.requestLine.range).end;
  return at(requestLine) ? requestLine : { line: last, character: length };
}
