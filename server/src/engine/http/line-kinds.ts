/**
 * Recognisers for the kinds of line a `.http` file is made of. Each is a cheap, linear test on one line
 * (no regex here can backtrack over a long line), so the parser stays linear on hostile input.
 */
import { spellings, spelledAt } from '../text/spellings';
import { lineSpan } from '../text/span';
import { nameEnd } from '../text/name-end';
import type { Metadata, RequestLine, Spanned } from './ast';

/** Methods every dialect knows, plus WebDAV and the httpYac/JetBrains protocol keywords. */
export const KNOWN_METHODS: ReadonlySet<string> = new Set([
  'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT',
  'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'REPORT', 'SEARCH', 'MKCALENDAR',
  'CHECKOUT', 'CHECKIN', 'MERGE', 'MKACTIVITY', 'MKWORKSPACE', 'VERSION-CONTROL', 'BASELINE-CONTROL',
  'GRAPHQL', 'GRPC', 'WS', 'WSS', 'WEBSOCKET', 'SSE', 'EVENTSOURCE', 'MQTT', 'MQTTS', 'AMQP', 'QUERY',
]);

export function isBlank(text: string): boolean {
  // Called on most lines, several times: a scan instead of trim(), which allocates for indented lines.
  for (let i = 0; i < text.length; i++) if (!isSpaceAt(text, i)) return false;
  return true;
}

const WHITESPACE = /\s/;

/**
 * The character code at `k`, or -1 past the end. A line classifier reads its first characters on every line, and
 * blank lines have none: `charCodeAt` past the end makes the optimised code bail out ("out of bounds") once per
 * classifier, early in every first lint.
 */
export function codeAt(text: string, k: number): number {
  return k < text.length ? text.charCodeAt(k) : -1;
}

/** True when the character at `k` is white space as `trim()` and `\s` see it. */
export function isSpaceAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(text[k]);
}

/** The index of the first character `trimStart()` keeps (`text.length` for a blank line), without the copy. */
export function firstNonBlank(text: string, from = 0): number {
  let k = from;
  while (k < text.length && isSpaceAt(text, k)) k++;
  return k;
}

/** The characters of an RFC 9110 token (§5.6.2), by code: a header name or a method is made of them. */
const TOKEN = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TOKEN[c.charCodeAt(0)] = 1;

function isTokenAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c < 128 && TOKEN[c] === 1;
}

function isSpaceOrTab(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c === 32 || c === 9;
}

/** The index after the last character `trimEnd()` keeps (0 for a blank line), without the copy. */
export function trimmedEnd(text: string, from = 0): number {
  let k = text.length;
  while (k > from && isSpaceAt(text, k - 1)) k--;
  return k;
}

/** A-Z first: a request line starts so; no comment, variable, script or dialect line does. */
export function startsWithCapital(text: string): boolean {
  const c = codeAt(text, 0);
  return c >= 65 && c <= 90;
}

/** `###` (optionally followed by a title) separates requests in every dialect. */
export function isSeparator(text: string): boolean {
  return codeAt(text, 0) === 35 /* # */ && text.startsWith('###');
}

/** The title after a separator's `#`s, trimmed ('' for none); undefined when the line is no separator. */
export function separatorTitle(text: string): string | undefined {
  if (!isSeparator(text)) return undefined;
  let k = 3;
  while (codeAt(text, k) === 35) k++;
  // `slice(k).trim()` in one copy: every request's title is read here.
  return text.slice(Math.min(firstNonBlank(text, k), trimmedEnd(text, k)), trimmedEnd(text, k));
}

/** Where the body of a `# …` or `// …` comment starts (after its marker; leading blanks allowed), or -1 for no comment. */
export function commentStart(text: string): number {
  const k = firstNonBlank(text);
  const c = codeAt(text, k);
  if (c === 35 /* # */) return k + 1;
  if (c === 47 /* / */ && codeAt(text, k + 1) === 47) return k + 2;
  return -1;
}

/**
 * The metadata node of line `line` when its comment, whose body starts at `from`, is `@key value`, `@key = value` or
 * `@key`: `/^\s*@([A-Za-z_][\w.-]*)/` on the body, then the rest trimmed and a leading `=` with the blanks after it
 * dropped. Read in place and built here (`# @name item7` above most requests: a copy of the comment, a record of key
 * and value and a copy of the key were three objects per request the tree does not keep); common keys are shared.
 */
export function metadataAt(line: number, text: string, from: number): Metadata | undefined {
  const at = firstNonBlank(text, from);
  if (codeAt(text, at) !== 64 /* @ */) return undefined;
  const keyEnd = nameEnd(text, at + 1);
  if (keyEnd === at + 1) return undefined;
  let valueStart = firstNonBlank(text, keyEnd);
  const end = trimmedEnd(text, valueStart);
  if (codeAt(text, valueStart) === 61 /* = */) valueStart = Math.min(firstNonBlank(text, valueStart + 1), end);
  const key = spelledAt(COMMON_METADATA_KEYS, text, at + 1, keyEnd) ?? text.slice(at + 1, keyEnd);
  return { key, value: text.slice(valueStart, end), range: lineSpan(line, 0, text.length) };
}

/** The keys most requests' metadata write (REST Client, JetBrains, httpYac). */
const COMMON_METADATA_KEYS = spellings(['name', 'note', 'title', 'description', 'prompt', 'no-redirect', 'no-cookie-jar', 'no-log', 'ref']);

/** `@name = value` (REST Client / httpYac file variable). */
export function variableOf(text: string): { name: string; nameStart: number; valueStart: number; value: string } | undefined {
  // `@name := value` is httpYac's lazy variable (evaluated when used): the same declaration for analysis.
  const m = /^(\s*)@([^\s=:]+)\s*:?=/.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const lead = rest.length - rest.trimStart().length;
  return { name: m[2], nameStart: m[1].length + 1, valueStart: m[0].length + lead, value: rest.trim() };
}

const URL_ONLY = /^(https?:\/\/|wss?:\/\/|\/[^/])/i;
const TEMPLATE_URL = /^\{\{[^{}\s]+\}\}\S*$/;

/**
 * `METHOD target [HTTP/x.y]` at line `line`, or a bare URL meaning GET, as its syntax node (built here: a match
 * copied into the node was one object more per request). `strict` accepts only known methods (used where a
 * request line may end a body without a `###`, as httpYac allows).
 */
export function requestLineAt(line: number, text: string, strict: boolean): RequestLine | undefined {
  const n = text.length;
  if (n === 0 || isSpaceAt(text, 0)) return undefined;
  // A method is an RFC 9110 token (§9.1): `MY_METHOD` and `X.SYNC` are methods too, not stray text. A letter, token
  // characters, blanks and something that is not white space: `/^([A-Za-z]TOKEN*)[ \t]+(?=\S)/`, scanned.
  if (((codeAt(text, 0) | 32) >= 97 && (codeAt(text, 0) | 32) <= 122)) {
    let wordEnd = 1;
    while (wordEnd < n && isTokenAt(text, wordEnd)) wordEnd++;
    let urlStart = wordEnd;
    while (urlStart < n && isSpaceOrTab(text, urlStart)) urlStart++;
    if (urlStart > wordEnd && urlStart < n && !isSpaceAt(text, urlStart)) {
      const method = methodOf(text, wordEnd, strict);
      return method ? requestLine(line, text, method, wordEnd, urlStart) : undefined;
    }
  }
  if (strict) return undefined;
  if (URL_ONLY.test(text) || TEMPLATE_URL.test(text.trimEnd())) return requestLine(line, text, 'GET', 0, 0);
  return undefined;
}

/** True when the line is a request line (`requestLineAt`): where only that is asked, a look-ahead. */
export function isRequestLine(text: string, strict: boolean): boolean {
  return requestLineAt(0, text, strict) !== undefined;
}

/**
 * The method a request line's first word names, upper-cased. Methods are case-sensitive (RFC 9110 §9.1), yet REST
 * Client sends `Get` or `get` as GET, so a known method is accepted in any case — except where a request line may
 * end a body (`strict`): there only `GET` or `Get` counts, so `query {` in a GraphQL body is not the QUERY method.
 * Outside a body an unknown upper-case word is an extension method (`PURGE`).
 */
function methodOf(text: string, wordEnd: number, strict: boolean): string | undefined {
  // Most request lines write a known method in capitals: found in place (the table's string), with no slice to
  // upper-case and hash for the look-up below.
  const written = spelledAt(KNOWN_METHOD_SPELLINGS, text, 0, wordEnd);
  if (written !== undefined) return written;
  const word = text.slice(0, wordEnd);
  const upper = word.toUpperCase();
  // The set's own string: ten thousand requests keep one `GET`, not a copy each.
  const known = KNOWN_METHOD_NAMES.get(upper);
  if (known !== undefined) {
    if (word === upper || !strict) return known;
    const lowerTail = word.slice(1) === word.slice(1).toLowerCase();
    return lowerTail && word[0] === upper[0] ? known : undefined;
  }
  if (!strict && word === upper && word.length > 1) return word;
  return undefined;
}

const KNOWN_METHOD_NAMES: ReadonlyMap<string, string> = new Map([...KNOWN_METHODS].map((m) => [m, m]));
const KNOWN_METHOD_SPELLINGS = spellings(KNOWN_METHODS);

/**
 * The request line at `line` whose first `methodLength` characters are a known method written in capitals and whose URL
 * starts at `urlStart` (http/plain-section.ts has read both with a regex); undefined when the word is no known method.
 */
export function knownRequestLine(line: number, text: string, methodLength: number, urlStart: number): RequestLine | undefined {
  const method = spelledAt(KNOWN_METHOD_SPELLINGS, text, 0, methodLength);
  return method === undefined ? undefined : requestLine(line, text, method, methodLength, urlStart);
}

/** The request line at `line` whose method (`methodLength` characters as written, 0 when omitted) is `method`. */
function requestLine(line: number, text: string, method: string, methodLength: number, urlStart: number): RequestLine {
  const lineEnd = trimmedEnd(text);
  const start = versionStart(text, urlStart, lineEnd);
  const version: Spanned | undefined = start < 0 ? undefined : { value: text.slice(start, lineEnd), range: lineSpan(line, start, lineEnd) };
  const end = urlEnd(text, lineEnd, start);
  const url = text.slice(urlStart, end);
  return { method, methodLength, url, urlRange: lineSpan(line, urlStart, end), version, range: lineSpan(line, 0, lineEnd) };
}

/** `end` moved back over the spaces and tabs before it (a header's name before its colon, a method before its URL). */
export function endBeforeBlanks(text: string, end: number): number {
  while (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9) end--;
  return end;
}

/**
 * Where a request line's URL ends: before the blanks in front of its version when it has one (starting at `version`,
 * from `versionStart`), else at the line's end without trailing blanks (`lineEnd`). The flat scan reads it too.
 */
export function urlEnd(text: string, lineEnd: number, version: number): number {
  if (version < 0) return lineEnd;
  let end = version - 1;
  while (end > 0 && isSpaceAt(text, end - 1)) end--;
  return end;
}

/**
 * Where the version that ends a request line at `end` starts, or -1: the text after the last space or tab (which
 * stands after the URL's start) matching `/^HTTP\/\d(\.\d)?$/i`. Read from the end, as that match can only be the
 * line's last six or eight characters: most lines have no version, and their URL is not scanned back to its start.
 */
export function versionStart(text: string, urlStart: number, end: number): number {
  if (!isDigitAt(text, end - 1)) return -1;
  let slash = end - 2;
  if (text.charCodeAt(slash) === 46 /* . */) {
    if (!isDigitAt(text, end - 3)) return -1;
    slash = end - 4;
  }
  const start = slash - 4;
  if (text.charCodeAt(slash) !== 47 /* / */ || start - 1 <= urlStart || !isSpaceOrTab(text, start - 1)) return -1;
  // `HTTP` in any case: `c | 32` folds exactly the two cases of an ASCII letter together.
  for (let k = 0; k < 4; k++) if ((text.charCodeAt(start + k) | 32) !== HTTP_LOWER.charCodeAt(k)) return -1;
  return start;
}

const HTTP_LOWER = 'http';

function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}

/** An indented `/…`, or a `?…` / `&…` line right after the request line continues the URL. */
export function urlContinuationOf(text: string): { start: number; value: string } | undefined {
  const start = firstNonBlank(text);
  const first = text[start];
  if (first === '?' || first === '&' || (first === '/' && start > 0 && text[start + 1] !== '/')) {
    return { start, value: text.trim() };
  }
  return undefined;
}

/**
 * The index of the `:` after a header's name, or -1 when the line is no `Name: value` header. A header name is an
 * RFC 9110 token, possibly with `{{variables}}` in it (so `{"a": 1}` is not a header): what
 * `/^[ \t]*(?:TOKEN-CHARACTER|\{\{[^{}]*\}\})+[ \t]*:/` matches, read in one scan without a copy. It may be indented:
 * REST Client trims header lines, and Microsoft's own samples indent them (Azure AI Search).
 */
export function headerColonOf(text: string): number {
  const n = text.length;
  let k = 0;
  while (k < n && isSpaceOrTab(text, k)) k++;
  const nameStart = k;
  while (k < n) {
    if (isTokenAt(text, k)) {
      k++;
      continue;
    }
    if (text.charCodeAt(k) !== 123 /* { */ || k + 1 >= n || text.charCodeAt(k + 1) !== 123) break;
    // `{{`, anything but braces, `}}`: a template in the name.
    let j = k + 2;
    while (j < n && text.charCodeAt(j) !== 123 && text.charCodeAt(j) !== 125) j++;
    if (j + 1 >= n || text.charCodeAt(j) !== 125 || text.charCodeAt(j + 1) !== 125) break;
    k = j + 2;
  }
  if (k === nameStart) return -1;
  while (k < n && isSpaceOrTab(text, k)) k++;
  return k < n && text.charCodeAt(k) === 58 /* : */ ? k : -1;
}

/** `Name: value` (see `headerColonOf`). */
export function isHeaderLine(text: string): boolean {
  return headerColonOf(text) >= 0;
}

/** `< path` or `<@ path` (file body), but not the `< {%` pre-request script opener. */
export function fileBodyOf(text: string): { path: string; pathStart: number; substitute: boolean } | undefined {
  if (codeAt(text, 0) !== 60 /* < */) return undefined;
  const m = /^<(@)?[ \t]+(?!\{%)(?=\S)/.exec(text);
  if (!m) return undefined;
  return { path: text.slice(m[0].length).trimEnd(), pathStart: m[0].length, substitute: m[1] === '@' };
}

/** A line that opens a script: `> {%`, `< {%` (JetBrains) or `{{` alone (httpYac). */
export function scriptOpenerOf(text: string): { kind: 'response-handler' | 'pre-request' | 'httpyac-script'; close: string; bodyStart: number } | undefined {
  const first = codeAt(text, 0);
  // Each form starts with its marker: most lines start with none of them.
  if (first === 62 /* > */) {
    const m = /^>[ \t]*\{%/.exec(text);
    return m ? { kind: 'response-handler', close: '%}', bodyStart: m[0].length } : undefined;
  }
  if (first === 60 /* < */) {
    const m = /^<[ \t]*\{%/.exec(text);
    return m ? { kind: 'pre-request', close: '%}', bodyStart: m[0].length } : undefined;
  }
  // httpYac: `{{`, `{{+`, `{{+after`, `{{@response`, `{{@js +request`, … (a JSON body's `{"a": 1}` is none).
  if (first !== 123 /* { */ || codeAt(text, 1) !== 123) return undefined;
  const m = /^\{\{(?:@js[ \t]+)?(?:[@+][\w-]*)?[ \t]*$/.exec(text);
  return m ? { kind: 'httpyac-script', close: '}}', bodyStart: text.length } : undefined;
}

/** `> ./handler.js` (a response handler file). */
export function handlerFileOf(text: string): { path: string; start: number } | undefined {
  if (codeAt(text, 0) !== 62 /* > */) return undefined;
  const m = /^>[ \t]+(?=[^\s{>])/.exec(text);
  if (!m) return undefined;
  return { path: text.slice(m[0].length).trimEnd(), start: m[0].length };
}

/** `>> file` / `>>! file`: JetBrains' response-output redirection. */
export function isOutputRedirect(text: string): boolean {
  return codeAt(text, 0) === 62 /* > */ && /^>>!?[ \t]/.test(text);
}

/** `/*` opens an httpYac block comment that runs to the next `*\/`. */
export function opensBlockComment(text: string): boolean {
  return text.startsWith('/*', firstNonBlank(text));
}
