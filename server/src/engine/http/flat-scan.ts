/**
 * The flat first analysis's first step (docs/performance.md, "Issue 16, twentieth session: a flat first analysis"):
 * one pass over a whole `.http` text that fills two typed arrays, one record of `REQUEST_SLOTS` numbers per request
 * and one of `HEADER_SLOTS` per header, instead of a syntax tree and a model of objects. What the rules and the
 * evidence index read of most requests (the method, the request line and URL span, which conditional headers are
 * sent, where each header's value comes from, including the request a captured response header was read from) is
 * then array reads, and a cold pass runs its per-line work in the regex engine (the plain lane's tests,
 * plain-section.ts, which stays the one place that says what a plain section is).
 *
 * A section the plain lane does not read, or a plain one holding what this scan does not decide on its own (a value
 * that is a whole `{{variable}}`, whose source depends on the file's variables; a method override), is read by the
 * state machine (section-reader.ts) into objects: its requests are marked `NEEDS_OBJECTS` and their syntax is kept
 * in `objects`. Nothing is guessed: flat-scan.test.ts compares every slot with what `parseHttp` and `buildHttpModel`
 * say, on the fixtures, hostile variants and the bench file.
 *
 * A checked second view: nothing on the lint path reads it yet (the next consumer, and what it should save, is in
 * docs/performance.md, "Issue 16, twenty-second session: the flat scan").
 */
import type { HttpFile, HttpRequest } from './ast';
import type { Sink } from './section-reader';
import { SectionReader } from './section-reader';
import { sectionEnd } from './sections';
import { firstWord } from './nodes';
import { endBeforeBlanks, firstNonBlank, isSeparator, KNOWN_METHODS, metadataAt, separatorTitle, trimmedEnd, urlEnd, versionStart } from './line-kinds';
import { isPlainBlank, plainBodyEnd, plainCommentBody, plainHeaderColon, plainMethodLength, plainUrlStart } from './plain-section';
import { wholeTemplate } from './templates';
import { spellings, spelledAt } from '../text/spellings';
import { lowerCaseName, writtenHeaderName } from '../text/header-names';
import { splitLines } from '../text/lines';

/** A request's record: `requests[r * REQUEST_SLOTS + slot]`. Lines are 0-based, characters are UTF-16 offsets in their line. */
export const R_SECTION = 0; // the section's first line (its `###`, or 0)
export const R_FLAGS = 1; // `NEEDS_OBJECTS`, `URL_TEMPLATED`, `BODY_TEMPLATED`
export const R_OBJECT = 2; // index into `objects` of a request that needs objects, else -1
// The slots below are -1 for a request that needs objects.
export const R_FIRST_LINE = 3; // the request's first line (first comment or metadata line, as `HttpRequest.range`)
export const R_LAST_LINE = 4; // its last non-blank line
export const R_LINE = 5; // the request line
export const R_METHOD = 6; // `methodId` of the method as the model says it
export const R_URL_START = 7; // the URL's span on the request line (no version, no blanks)
export const R_URL_END = 8;
export const R_FIRST_HEADER = 9; // index of its first header record
export const R_HEADER_COUNT = 10;
export const R_BODY_FIRST = 11; // the body's first and last line, -1 when it has none
export const R_BODY_LAST = 12;
export const R_HEADER_MASK = 13; // `1 << nameId` of each header it sends (bit 0: one of no known name; `CONDITIONAL_MASK`: the preconditions)
export const REQUEST_SLOTS = 14;

export const NEEDS_OBJECTS = 1;
export const URL_TEMPLATED = 2;
export const BODY_TEMPLATED = 4;

/** A header's record: `headers[h * HEADER_SLOTS + slot]`. */
export const H_LINE = 0;
export const H_NAME = 1; // `headerNameId` of its name
export const H_NAME_START = 2;
export const H_NAME_END = 3;
export const H_VALUE_START = 4;
export const H_VALUE_END = 5;
export const H_KIND = 6; // `LITERAL`, `CAPTURE` or `UNKNOWN`: `HeaderModel.source.kind`
export const H_SOURCE = 7; // a capture's source request, else -1
export const H_CAPTURED = 8; // a capture's response header, as a `headerNameId`, else -1
export const HEADER_SLOTS = 9;

export const LITERAL = 0;
export const CAPTURE = 1;
export const UNKNOWN = 2;

/** The header names the rules and the evidence tell apart, lower-case; any other is `OTHER_HEADER` (0). */
export const KNOWN_HEADERS = ['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since', 'if-range', 'etag', 'last-modified', 'content-type'] as const;
export const OTHER_HEADER = 0;
/** The five preconditions of RFC 9110 §13.1 (ids 1–5) in `R_HEADER_MASK`. */
export const CONDITIONAL_MASK = 0b111110;

const HEADER_IDS: ReadonlyMap<string, number> = new Map(KNOWN_HEADERS.map((name, k) => [name, k + 1]));

/** The id of a header name (any case): 1 + its place in `KNOWN_HEADERS`, or `OTHER_HEADER`. */
export function headerNameId(name: string): number {
  return HEADER_IDS.get(lowerCaseName(name)) ?? OTHER_HEADER;
}

/** The methods a request line may name, by id (1 + the place in `KNOWN_METHODS`; 0 is none). */
export const METHODS: readonly string[] = [...KNOWN_METHODS];
const METHOD_IDS: ReadonlyMap<string, number> = new Map(METHODS.map((m, k) => [m, k + 1]));
const METHOD_SPELLINGS = spellings(METHODS);

/** The id of an upper-case method, or 0. */
export function methodId(method: string | undefined): number {
  return (method !== undefined && METHOD_IDS.get(method)) || 0;
}

export interface FlatScan {
  lines: readonly string[];
  requestCount: number;
  requests: Int32Array;
  headerCount: number;
  headers: Int32Array;
  /** The syntax of the requests that need objects, in file order (`R_OBJECT`). */
  objects: readonly HttpRequest[];
  /**
   * The file's variables, global scripts and directives, as `parseHttp` lists them: a plain section holds none, so the
   * sections read into objects hold them all (what a consumer needs to resolve a URL or suppress a finding).
   */
  variables: HttpFile['variables'];
  scripts: HttpFile['scripts'];
  directives: HttpFile['directives'];
}

/** Scans a `.http` document (a leading byte-order mark dropped, as `parseHttp` does). */
export function flatScan(text: string): FlatScan {
  return flatScanLines(splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
}

/** Scans a document already split into lines (`splitLines`), as `parseHttp` splits it. */
export function flatScanLines(lines: readonly string[]): FlatScan {
  const scanner = new FlatScanner(lines);
  for (let from = 0; from < lines.length;) {
    const end = sectionEnd(lines, from);
    if (!scanner.plainSection(from, end)) scanner.objectSection(from, end);
    from = end;
  }
  return scanner.result();
}

/** The scan's state: the arrays (grown by doubling), the request names defined so far, the state machine for the rest. */
class FlatScanner {
  private requests: Int32Array;
  private headers: Int32Array;
  private requestCount = 0;
  private headerCount = 0;
  /** Request names to the latest request defining each (the model's `LoweringScope.byName` at each request). */
  private readonly names = new Map<string, number>();
  private readonly reader: SectionReader;
  private readonly sink: Sink = { requests: [], variables: [], scripts: [], directives: [], responses: [], diagnostics: [], blankLineWarnings: [] };

  constructor(private readonly lines: readonly string[]) {
    // About one request per six lines in common files: grown when a file has more.
    this.requests = new Int32Array(REQUEST_SLOTS * Math.max(16, lines.length >> 2));
    this.headers = new Int32Array(HEADER_SLOTS * Math.max(16, lines.length >> 2));
    this.reader = new SectionReader(lines, false);
  }

  result(): FlatScan {
    const { requests: objects, variables, scripts, directives } = this.sink;
    return { lines: this.lines, requestCount: this.requestCount, requests: this.requests, headerCount: this.headerCount, headers: this.headers, objects, variables, scripts, directives };
  }

  /**
   * Records lines [from, end) when they are a plain section this scan decides on its own; false (nothing recorded)
   * otherwise. Its lines are read as readPlainSection reads them, with the same tests.
   */
  plainSection(from: number, end: number): boolean {
    const lines = this.lines;
    let i = isSeparator(lines[from]) ? from + 1 : from;
    // The block's first line is its first comment or metadata line right above the request line, or its first
    // metadata line if earlier (`firstContentLine`).
    let firstMetadata = -1;
    let firstOfRun = -1;
    let name: string | undefined;
    for (; i < end; i++) {
      const text = lines[i];
      if (plainUrlStart(text) > 0) break;
      if (isPlainBlank(text)) {
        firstOfRun = -1;
        continue;
      }
      const bodyStart = plainCommentBody(text);
      if (bodyStart < 0) return false;
      if (firstOfRun < 0) firstOfRun = i;
      const meta = metadataAt(i, text, bodyStart);
      if (!meta) continue;
      if (firstMetadata < 0) firstMetadata = i;
      if (name === undefined && meta.key === 'name' && meta.value !== '') name = firstWord(meta.value);
    }
    if (i >= end) return false;
    const text = lines[i];
    const urlStart = plainUrlStart(text);
    const method = spelledAt(METHOD_SPELLINGS, text, 0, plainMethodLength(text, urlStart));
    if (method === undefined) return false;
    const index = this.requestCount;
    const r = this.requestRecord();
    const requests = this.requests;
    let first = firstOfRun < 0 ? i : firstOfRun;
    if (firstMetadata >= 0 && firstMetadata < first) first = firstMetadata;
    const lineEnd = trimmedEnd(text);
    const urlEndAt = urlEnd(text, lineEnd, versionStart(text, urlStart, lineEnd));
    requests[r + R_SECTION] = from;
    requests[r + R_OBJECT] = -1;
    requests[r + R_FIRST_LINE] = first;
    requests[r + R_LINE] = i;
    requests[r + R_METHOD] = methodId(method);
    requests[r + R_URL_START] = urlStart;
    requests[r + R_URL_END] = urlEndAt;
    requests[r + R_FIRST_HEADER] = this.headerCount;
    let flags = text.indexOf('{{', urlStart) >= 0 && text.indexOf('{{', urlStart) < urlEndAt ? URL_TEMPLATED : 0;
    let mask = 0;
    let last = i;
    const headersBefore = this.headerCount;
    for (i++; i < end; i++) {
      const line = lines[i];
      const colon = plainHeaderColon(line);
      if (colon < 0) break;
      const nameId = this.header(i, line, colon);
      if (nameId < 0) return this.undo(headersBefore);
      mask |= 1 << nameId;
      last = i;
    }
    const bodyEnd = plainBodyEnd(lines, i, end);
    if (bodyEnd < 0) return this.undo(headersBefore);
    if (bodyEnd > i) {
      requests[r + R_BODY_FIRST] = i + 1;
      requests[r + R_BODY_LAST] = bodyEnd;
      for (let k = i + 1; k <= bodyEnd; k++) if (lines[k].includes('{{')) flags |= BODY_TEMPLATED;
      last = bodyEnd;
    } else {
      requests[r + R_BODY_FIRST] = -1;
      requests[r + R_BODY_LAST] = -1;
    }
    requests[r + R_LAST_LINE] = last;
    requests[r + R_FLAGS] = flags;
    requests[r + R_HEADER_COUNT] = this.headerCount - headersBefore;
    requests[r + R_HEADER_MASK] = mask;
    this.requestCount++;
    this.define(name ?? (isSeparator(lines[from]) ? nameOfTitle(separatorTitle(lines[from])) : undefined), index);
    return true;
  }

  /**
   * Records the plain header at line i whose name ends in the `:` at `colon` (spans as `headerWithColonAt` reads
   * them); returns its name's id, or -1 when its value's source depends on what the scan does not read (a whole
   * `{{variable}}`) or it may override the method (left to the model: `overriddenMethod`).
   */
  private header(i: number, text: string, colon: number): number {
    const nameStart = firstNonBlank(text);
    const nameEnd = endBeforeBlanks(text, colon);
    const lower = lowerCaseName(writtenHeaderName(text, nameStart, nameEnd));
    // The override headers (`X-HTTP-Method`, …) start with an `x`: others are passed over without a search.
    const c = lower.charCodeAt(0);
    if ((c === 120 || c >= 128) && lower.includes('method')) return -1;
    const valueStart = firstNonBlank(text, colon + 1);
    const valueEnd = trimmedEnd(text, valueStart);
    let kind = LITERAL;
    let source = -1;
    let captured = -1;
    if (text.indexOf('{{', valueStart) >= 0) {
      // As the model reads a templated value (model/value-source.ts): only a value that is one whole template may
      // name a source; a reference to an earlier response's header is a capture when that request is named above.
      kind = UNKNOWN;
      const t = wholeTemplate(text.slice(valueStart, valueEnd));
      if (t?.kind === 'variable') return -1;
      if (t?.kind === 'request-ref' && t.part === 'response' && t.section === 'headers') {
        const at = this.names.get(t.request);
        if (at !== undefined) {
          kind = CAPTURE;
          source = at;
          captured = headerNameId(t.path);
        }
      }
    }
    const h = this.headerRecord();
    const headers = this.headers;
    const nameId = HEADER_IDS.get(lower) ?? OTHER_HEADER;
    headers[h + H_LINE] = i;
    headers[h + H_NAME] = nameId;
    headers[h + H_NAME_START] = nameStart;
    headers[h + H_NAME_END] = nameEnd;
    headers[h + H_VALUE_START] = valueStart;
    headers[h + H_VALUE_END] = valueEnd;
    headers[h + H_KIND] = kind;
    headers[h + H_SOURCE] = source;
    headers[h + H_CAPTURED] = captured;
    return nameId;
  }

  /** Request `index` defines `name` (if any) for the requests below it. */
  private define(name: string | undefined, index: number): void {
    if (name !== undefined) this.names.set(name, index);
  }

  /** Drops a plain section's headers recorded before it turned out to need objects. */
  private undo(headersBefore: number): boolean {
    this.headerCount = headersBefore;
    return false;
  }

  /** Reads lines [from, end) with the state machine: each of its requests needs objects. */
  objectSection(from: number, end: number): void {
    const objects = this.sink.requests;
    const before = objects.length;
    this.reader.read(this.sink, from, end, this.requestCount);
    for (let k = before; k < objects.length; k++) {
      const req = objects[k];
      const r = this.requestRecord();
      this.requests.fill(-1, r, r + REQUEST_SLOTS);
      this.requests[r + R_SECTION] = from;
      this.requests[r + R_FLAGS] = NEEDS_OBJECTS;
      this.requests[r + R_OBJECT] = k;
      this.requestCount++;
      this.define(req.name ? req.name.value : nameOfTitle(req.title), req.index);
    }
    // The responses and diagnostics are the parser's business, not the scan's.
    this.sink.responses.length = this.sink.diagnostics.length = this.sink.blankLineWarnings.length = 0;
  }

  /** The offset of the next request's record (not yet counted), the array grown when full. */
  private requestRecord(): number {
    const r = this.requestCount * REQUEST_SLOTS;
    if (r + REQUEST_SLOTS > this.requests.length) this.requests = grown(this.requests);
    return r;
  }

  /** The offset of a new header's record (counted). */
  private headerRecord(): number {
    const h = this.headerCount * HEADER_SLOTS;
    if (h + HEADER_SLOTS > this.headers.length) this.headers = grown(this.headers);
    this.headerCount++;
    return h;
  }
}

/**
 * The name a request without `# @name` defines by its `###` title, as `definedName` (model/http-lowering.ts) says: a
 * title a template can spell (no space).
 */
function nameOfTitle(title: string | undefined): string | undefined {
  return title && !title.includes(' ') ? title : undefined;
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
