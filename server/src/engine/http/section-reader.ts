/**
 * The state machine that reads one section of a `.http` document at a time (see parser.ts for the whole document):
 * one pass over the lines, never throws, linear in the input. Each line is looked at once (plus a bounded
 * look-ahead where httpYac lets a request start without a `###`). Anything it cannot read becomes a parse
 * diagnostic that says how to fix it, and reading goes on.
 */
import { blockSpan, lineSpan, startLineOf } from '../text/span';
import type { Body, Directive, HttpRequest, RequestLine, ResponseBlock, Spanned } from './ast';
import type { ParsedSection } from './sections';
import { readScript, type ScriptRead, skipBlockComment, skipCurlCommand, skipOptionLines, skipToBlankLine, startsRequestAt } from './blocks';
import { isAssertion, isHeaderSpread, isVariableHeaderLine, isHttpYacBodyLine, isHttpYacMetadata, isHttpYacMethod, preambleLineOf, responseStatusOf } from './dialect-lines';
import { directiveAt } from './directives';
import { bodyOf, compactLists, emptyPending, extendUrl, firstContentLine, headerAt, keepUnclaimedScripts, isMultipart, requestAt, scriptFileAt, startPending, variableAt, type PendingBlock as Pending } from './nodes';
import { added, appended, NONE } from '../text/compact-list';
import { readPlainSection } from './plain-section';
import { notAHeader, parseDiagnostic, TEXT_AFTER_HANDLER, unreadableLine } from './parse-diagnostics';
import {
  commentStart, fileBodyOf, firstNonBlank, opensBlockComment, startsWithCapital, handlerFileOf, isBlank, isOutputRedirect, isRequestLine, metadataAt, requestLineAt,
  scriptOpenerOf, separatorTitle, urlContinuationOf, variableOf,
} from './line-kinds';

type State = 'preamble' | 'headers' | 'body' | 'after-body' | 'response-headers' | 'response-body';

/** Where the parser puts what it reads: one section's lists (an editor's cache), or the whole file's. */
export type Sink = Pick<ParsedSection, 'requests' | 'variables' | 'scripts' | 'directives' | 'responses' | 'diagnostics' | 'blankLineWarnings'>;

/**
 * Reads sections of one document's lines, one after another: the state restarts at every section, so one parser
 * serves them all (a 10k-request file has ten thousand sections; a parser and a body-line list each was twenty
 * thousand objects more).
 */
export class SectionReader {
  private out!: Sink;
  private end = 0;
  private firstIndex = 0;
  /** How many requests the sink held when this section started (a file's sink holds the sections before). */
  private requestsBefore = 0;
  private state: State = 'preamble';
  /** The block being read: one record, started again for each block (`startPending`). */
  private readonly pending: Pending = emptyPending();
  private current: HttpRequest | undefined;
  private response: ResponseBlock | undefined;
  private responseEnd = -1;
  /** The current body's lines: the first `bodyCount` (the list is reused: `bodyOf` copies what it keeps). */
  private readonly bodyLines: number[] = [];
  private bodyCount = 0;
  /** The section's first line: the only one that may be a `###` separator (the next one ends the section). */
  private from = 0;
  private lastContentLine = -1;
  /** Set on syntax only httpYac reads: such a file follows httpYac's rules, where a body needs no blank line. */
  private httpYac = false;

  /** `plainLane` false reads every section with the state machine alone (the tests compare the two lanes). */
  constructor(private readonly lines: readonly string[], private readonly plainLane = true) {}

  /**
   * Parses lines [from, end) into `out`, numbering its requests from `firstIndex`; true when it uses httpYac syntax.
   * Most sections are one request of the common shape, read by regex (plain-section.ts); the others line by line here.
   */
  read(out: Sink, from: number, end: number, firstIndex: number): boolean {
    const plain = this.plainLane ? readPlainSection(this.lines, from, end, firstIndex, out, this.pending) : undefined;
    if (plain !== undefined) return plain;
    this.out = out;
    this.end = end;
    this.firstIndex = firstIndex;
    this.requestsBefore = out.requests.length;
    this.state = 'preamble';
    this.current = undefined;
    this.response = undefined;
    this.responseEnd = -1;
    this.bodyCount = 0;
    this.lastContentLine = -1;
    this.httpYac = false;
    this.from = from;
    startPending(this.pending, from);
    let i = from;
    while (i < end) i = this.step(i);
    this.finishRequest();
    keepUnclaimedScripts(this.pending, out.scripts);
    return this.httpYac;
  }

  /** Handles the line at `i` and returns the index of the next line to look at. */
  private step(i: number): number {
    const text = this.lines[i];
    const title = i === this.from ? separatorTitle(text) : undefined;
    if (title !== undefined) return this.startBlockAt(i + 1, title || undefined, i);
    switch (this.state) {
      case 'preamble': return this.preambleLine(i, text);
      case 'headers': return this.headerLine(i, text);
      case 'body': return this.bodyLine(i, text);
      case 'after-body': return this.afterBodyLine(i, text);
      case 'response-headers': return this.responseHeaderLine(i, text);
      case 'response-body': return this.responseBodyLine(i, text);
    }
  }

  private preambleLine(i: number, text: string): number {
    if (isBlank(text)) return i + 1;
    if (this.startsNewResponse(i, text)) return i + 1;
    const other = startsWithCapital(text) ? undefined : this.otherPreambleLine(i, text);
    if (other !== undefined) return other;
    const requestLine = requestLineAt(i, text, false);
    if (requestLine) this.startRequest(i, requestLine);
    else this.out.diagnostics.push(unreadableLine(i, text));
    return i + 1;
  }

  /** Block comment, script, comment, variable, a dialect's line: none starts with a capital, as a request line does. */
  private otherPreambleLine(i: number, text: string): number | undefined {
    if (opensBlockComment(text)) return this.blockComment(i);
    const opener = scriptOpenerOf(text);
    if (opener) {
      const read = this.script(i, opener);
      this.pending.scripts = added(this.pending.scripts, read.script);
      return read.next;
    }
    const bodyStart = commentStart(text);
    if (bodyStart >= 0) {
      this.comment(i, text, bodyStart, true);
      return i + 1;
    }
    const variable = variableOf(text);
    if (variable) {
      const v = variableAt(i, text, variable);
      this.pending.variables = added(this.pending.variables, v);
      this.out.variables.push(v);
      return i + 1;
    }
    return this.dialectLine(i, text);
  }

  /** One dialect's line before a request line (proto/gql imports, fragments, kulala commands, curl, script files). */
  private dialectLine(i: number, text: string): number | undefined {
    const line = preambleLineOf(text);
    if (!line) return undefined;
    switch (line.kind) {
      case 'declaration':
        this.httpYac ||= line.httpYac;
        this.pending.metadata = added(this.pending.metadata, { key: line.key, value: line.value, range: lineSpan(i, 0, text.length) });
        return line.optionLines ? skipOptionLines(this.lines, i) : i + 1;
      case 'graphql':
        this.httpYac = true;
        return skipToBlankLine(this.lines, i);
      case 'curl':
        return skipCurlCommand(this.lines, i);
      case 'script-file':
        this.pending.scripts = added(this.pending.scripts, scriptFileAt('pre-request', i, text, line.path));
        return i + 1;
    }
  }

  private headerLine(i: number, text: string): number {
    const req = this.current!;
    if (isBlank(text)) {
      this.state = 'body';
      return i + 1;
    }
    if (req.headers.length === 0) {
      const cont = urlContinuationOf(text);
      if (cont) {
        extendUrl(req, i, cont.start, cont.value);
        this.lastContentLine = i;
        return i + 1;
      }
    }
    const bodyStart = commentStart(text);
    if (bodyStart >= 0 && !text.startsWith('#{', firstNonBlank(text))) {
      this.comment(i, text, bodyStart, false);
      return i + 1;
    }
    const header = headerAt(i, text);
    if (header) {
      req.headers = added(req.headers, header);
      req.headerInsertLine = i + 1;
      this.lastContentLine = i;
      return i + 1;
    }
    const spread = isHeaderSpread(text);
    if (spread || isVariableHeaderLine(text)) {
      if (spread) this.httpYac = true;
      req.headerInsertLine = i + 1;
      this.lastContentLine = i;
      return i + 1;
    }
    if (scriptOpenerOf(text) || handlerFileOf(text) || fileBodyOf(text) || isOutputRedirect(text)) {
      // A body or handler with no blank line before it: every dialect accepts it, so read it as the body.
      this.state = 'body';
      return i;
    }
    // httpYac starts the next request at a request line, with or without a blank line or `###`.
    if (isRequestLine(text, true)) {
      this.httpYac = true;
      return this.startBlockAt(i);
    }
    // httpYac reads this as the body; JetBrains and REST Client need the blank line. Reported unless the file
    // is written for httpYac (see `httpYac`).
    this.out.blankLineWarnings.push(notAHeader(i, text));
    this.state = 'body';
    return i;
  }

  private bodyLine(i: number, text: string): number {
    const req = this.current!;
    const previousBlank = i > 0 && isBlank(this.lines[i - 1]);
    if (this.bodyCount === 0 && !req.body) {
      const file = fileBodyOf(text);
      if (file) {
        const path: Spanned = { value: file.path, range: lineSpan(i, file.pathStart, file.pathStart + file.path.length) };
        req.body = { text: '', file: { path, substitute: file.substitute }, range: lineSpan(i, 0, text.length) };
        this.lastContentLine = i;
        this.state = 'after-body';
        return i + 1;
      }
    }
    const handled = this.handlerLine(i, text);
    if (handled !== undefined) {
      req.body ??= this.takeBody();
      this.state = 'after-body';
      return handled;
    }
    const startsBlock = previousBlank || this.bodyCount === 0;
    if (startsBlock && this.startsNewResponse(i, text)) return i + 1;
    // The look-ahead first: it fails at most body lines' first character, where the multipart check reads every header.
    if (startsBlock && startsRequestAt(this.lines, i, this.end) && !isMultipart(req)) return this.startBlockAt(i);
    if (isHttpYacBodyLine(text)) this.httpYac = true;
    if (isAssertion(text)) return this.assertion(i, text);
    this.bodyLines[this.bodyCount++] = i;
    if (!isBlank(text)) this.lastContentLine = i;
    return i + 1;
  }

  /** httpYac's `?? status == 200`: kept on its request, not in a body (what it checks of the response is evidence). */
  private assertion(i: number, text: string): number {
    this.httpYac = true;
    this.lastContentLine = i;
    if (this.current) (this.current.assertions ??= []).push({ value: text.trim(), range: lineSpan(i, 0, text.length) });
    return i + 1;
  }

  private afterBodyLine(i: number, text: string): number {
    if (isBlank(text)) return i + 1;
    if (opensBlockComment(text)) return this.blockComment(i);
    const handled = this.handlerLine(i, text);
    if (handled !== undefined) return handled;
    if (this.startsNewResponse(i, text)) return i + 1;
    if (isAssertion(text)) return this.assertion(i, text);
    const bodyStart = commentStart(text);
    if (bodyStart >= 0) {
      if (startsRequestAt(this.lines, i, this.end)) return this.startBlockAt(i);
      this.comment(i, text, bodyStart, false);
      return i + 1;
    }
    if (isRequestLine(text, true) || variableOf(text)) return this.startBlockAt(i);
    this.out.diagnostics.push(parseDiagnostic(i, 0, text.length, 'text-after-handler', 'error', TEXT_AFTER_HANDLER));
    return i + 1;
  }

  /** `HTTP/1.1 200 OK` at line i opens a response block (under the current request, or on its own); true when read. */
  private startsNewResponse(i: number, text: string): boolean {
    const status = responseStatusOf(text);
    if (!status) return false;
    if (this.current) this.current.body ??= this.takeBody();
    this.finishResponse();
    const statusLine: Spanned = { value: text.trimEnd(), range: lineSpan(i, 0, text.trimEnd().length) };
    this.response = { statusLine, status: status.status, headers: NONE, range: statusLine.range };
    this.noteContent(i);
    this.state = 'response-headers';
    return true;
  }

  private responseHeaderLine(i: number, text: string): number {
    const header = isBlank(text) ? undefined : headerAt(i, text);
    if (!header) {
      this.state = 'response-body';
      return isBlank(text) ? i + 1 : i;
    }
    this.response!.headers = added(this.response!.headers, header);
    this.noteContent(i);
    return i + 1;
  }

  private responseBodyLine(i: number, text: string): number {
    const previousBlank = i > 0 && isBlank(this.lines[i - 1]);
    if (previousBlank && this.startsNewResponse(i, text)) return i + 1;
    if (previousBlank && startsRequestAt(this.lines, i, this.end)) return this.startBlockAt(i);
    this.bodyLines[this.bodyCount++] = i;
    if (!isBlank(text)) this.noteContent(i);
    return i + 1;
  }

  private noteContent(i: number): void {
    this.responseEnd = i;
    if (this.current) this.lastContentLine = i;
  }

  /** Ends the current request: a new block (`###`'s title, metadata, request) starts at `line`. */
  private startBlockAt(line: number, title?: string, separatorLine?: number): number {
    this.finishRequest();
    keepUnclaimedScripts(this.pending, this.out.scripts);
    startPending(this.pending, line, title, separatorLine);
    this.state = 'preamble';
    return line;
  }

  /** A response handler (`> {% %}`, `> file.js`), httpYac `{{ }}` script or `>>` redirect at line i. */
  private handlerLine(i: number, text: string): number | undefined {
    const req = this.current!;
    const opener = scriptOpenerOf(text);
    if (opener && opener.kind !== 'pre-request') {
      const read = this.script(i, opener);
      req.scripts = added(req.scripts, read.script);
      return read.next;
    }
    const file = handlerFileOf(text);
    if (file) req.scripts = added(req.scripts, scriptFileAt('response-handler', i, text, file.path));
    if (!file && !isOutputRedirect(text)) return undefined;
    this.lastContentLine = i;
    return i + 1;
  }

  /** Reads the script that opens at line i; the caller keeps it (a block's or a request's). */
  private script(i: number, opener: NonNullable<ReturnType<typeof scriptOpenerOf>>): ScriptRead {
    const read = readScript(this.lines, i, opener);
    if (opener.kind === 'httpyac-script') this.httpYac = true;
    if (read.diagnostic) this.out.diagnostics.push(read.diagnostic);
    this.lastContentLine = read.last;
    return read;
  }

  private blockComment(i: number): number {
    const { next, diagnostic } = skipBlockComment(this.lines, i);
    if (diagnostic) this.out.diagnostics.push(diagnostic);
    return next;
  }

  /** The comment at line i, whose body starts at `bodyStart`: a directive, or in a preamble metadata or a remark. */
  private comment(i: number, text: string, bodyStart: number, inPreamble: boolean): void {
    const directive: Directive | undefined = directiveAt(text, bodyStart, i);
    if (directive) {
      this.out.directives.push(directive);
      return;
    }
    if (!inPreamble) return;
    const meta = metadataAt(i, text, bodyStart);
    // What the author says about the request ("should fail", "create the sample") is evidence too.
    if (!meta) return void (this.pending.comments = appended(this.pending.comments, text.slice(bodyStart).trim()));
    this.httpYac ||= isHttpYacMetadata(meta.key);
    this.pending.metadata = added(this.pending.metadata, meta);
  }

  private startRequest(i: number, requestLine: RequestLine): void {
    this.finishResponse();
    const p = this.pending;
    p.claimed = true;
    this.httpYac ||= isHttpYacMethod(requestLine.method);
    this.current = requestAt(this.firstIndex + this.out.requests.length - this.requestsBefore, p, firstContentLine(this.lines, p, i), i, requestLine);
    this.lastContentLine = i;
    this.bodyCount = 0;
    this.state = 'headers';
  }

  /** The body read so far, or undefined when there is none. */
  private takeBody(): Body | undefined {
    const body = bodyOf(this.lines, this.bodyLines, this.bodyCount);
    this.bodyCount = 0;
    return body;
  }

  private finishResponse(): void {
    const res = this.response;
    if (!res) return;
    this.response = undefined;
    res.body = this.takeBody();
    res.range = blockSpan(startLineOf(res.range), this.responseEnd, this.lines[this.responseEnd].length);
    if (this.current && !this.current.response) this.current.response = res;
    else this.out.responses.push(res);
  }

  private finishRequest(): void {
    this.finishResponse();
    const req = this.current;
    if (!req) return;
    req.body ??= this.takeBody();
    req.range = blockSpan(startLineOf(req.range), this.lastContentLine, this.lines[this.lastContentLine].length);
    compactLists(req);
    this.out.requests.push(req);
    this.current = undefined;
  }
}
