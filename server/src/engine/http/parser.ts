/**
 * The error-tolerant `.http` parser. One pass over the lines, never throws, linear in the input: each line is
 * looked at once by the state machine (plus a bounded look-ahead where httpYac lets a request start without a
 * `###`). Anything it cannot read becomes a parse diagnostic that says how to fix it, and parsing goes on.
 */
import type { Line } from '../text/lines';
import { preferredEol, splitLines } from '../text/lines';
import { lineRange, range } from '../text/types';
import type { Body, Directive, FileVariable, Header, HttpFile, HttpRequest, Metadata, ParseDiagnostic, Script, Spanned } from './ast';
import { directiveOf } from './directives';
import {
  commentBody, fileBodyOf, opensBlockComment, handlerFileOf, headerOf, isBlank, isOutputRedirect, metadataOf, requestLineOf,
  scriptOpenerOf, separatorTitle, urlContinuationOf, variableOf,
} from './line-kinds';

/** How far a body line may look ahead over comments for a request line that starts a new request (httpYac). */
const LOOKAHEAD_LIMIT = 50;

type State = 'preamble' | 'headers' | 'body' | 'after-body';

interface Pending {
  startLine: number;
  /** Set once a request line claims this block's metadata and scripts. */
  claimed: boolean;
  title?: string;
  metadata: Metadata[];
  variables: FileVariable[];
  scripts: Script[];
}

class Parser {
  private readonly lines: Line[];
  private readonly out: HttpFile;
  private state: State = 'preamble';
  private pending: Pending;
  private current: HttpRequest | undefined;
  private bodyLines: number[] = [];
  private lastContentLine = -1;

  constructor(text: string) {
    this.lines = splitLines(text);
    this.out = {
      requests: [], variables: [], scripts: [], directives: [], diagnostics: [],
      lineCount: this.lines.length, eol: preferredEol(this.lines),
    };
    this.pending = this.freshPending(0);
  }

  parse(): HttpFile {
    let i = 0;
    while (i < this.lines.length) i = this.step(i);
    this.finishRequest();
    this.pending = this.freshPending(this.lines.length);
    return this.out;
  }

  /** Handles the line at `i` and returns the index of the next line to look at. */
  private step(i: number): number {
    const text = this.lines[i].text;
    const title = separatorTitle(text);
    if (title !== undefined) {
      this.finishRequest();
      this.pending = this.freshPending(i + 1, title || undefined);
      this.state = 'preamble';
      return i + 1;
    }
    switch (this.state) {
      case 'preamble': return this.preambleLine(i, text);
      case 'headers': return this.headerLine(i, text);
      case 'body': return this.bodyLine(i, text);
      case 'after-body': return this.afterBodyLine(i, text);
    }
  }

  private preambleLine(i: number, text: string): number {
    if (isBlank(text)) return i + 1;
    if (opensBlockComment(text)) return this.skipBlockComment(i);
    const opener = scriptOpenerOf(text);
    if (opener) {
      const { script, next } = this.readScript(i, opener);
      this.pending.scripts.push(script);
      return next;
    }
    const comment = commentBody(text);
    if (comment !== undefined) {
      this.comment(i, comment, true);
      return i + 1;
    }
    const variable = variableOf(text);
    if (variable) {
      const v: FileVariable = {
        name: { value: variable.name, range: lineRange(i, variable.nameStart, variable.nameStart + variable.name.length) },
        value: { value: variable.value, range: lineRange(i, variable.valueStart, variable.valueStart + variable.value.length) },
        range: lineRange(i, 0, text.length),
      };
      this.pending.variables.push(v);
      this.out.variables.push(v);
      return i + 1;
    }
    const rl = requestLineOf(text, false);
    if (rl) {
      this.startRequest(i, text, rl);
      return i + 1;
    }
    this.diagnostic(i, 0, text.length, 'expected-request-line', 'error',
      'Expected a request line such as `GET https://example.com/items` here. ' +
      'Start comments with `#` or `//`, declare variables as `@name = value`, and separate requests with `###`.');
    return i + 1;
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
        this.extendUrl(req, i, cont.start, cont.value);
        return i + 1;
      }
    }
    const comment = commentBody(text);
    if (comment !== undefined && !text.trimStart().startsWith('#{')) {
      this.comment(i, comment, false);
      return i + 1;
    }
    const header = headerOf(text);
    if (header) {
      const h: Header = {
        name: { value: header.name, range: lineRange(i, 0, header.name.length) },
        value: { value: header.value, range: lineRange(i, header.valueStart, header.valueStart + header.value.length) },
        range: lineRange(i, 0, text.trimEnd().length),
      };
      req.headers.push(h);
      req.headerInsertLine = i + 1;
      this.lastContentLine = i;
      return i + 1;
    }
    if (scriptOpenerOf(text) || handlerFileOf(text) || fileBodyOf(text) || isOutputRedirect(text)) {
      // A body or handler with no blank line before it: every dialect accepts it, so read it as the body.
      this.state = 'body';
      return i;
    }
    // httpYac reads this as the body; JetBrains and REST Client need the blank line, so say so, softly.
    this.diagnostic(i, 0, text.length, 'missing-blank-line', 'warning',
      'This line is not a header (`Name: value`), so it is read as the start of the body. Insert a blank line ' +
      'before it (JetBrains and REST Client need one), or add the missing `:` if it is a header.');
    this.state = 'body';
    return i;
  }

  private bodyLine(i: number, text: string): number {
    const req = this.current!;
    const previousBlank = i > 0 && isBlank(this.lines[i - 1].text);
    if (this.bodyLines.length === 0 && !req.body) {
      const file = fileBodyOf(text);
      if (file) {
        const path: Spanned = { value: file.path, range: lineRange(i, file.pathStart, file.pathStart + file.path.length) };
        req.body = { text: '', file: { path, substitute: file.substitute }, range: lineRange(i, 0, text.length) };
        this.lastContentLine = i;
        this.state = 'after-body';
        return i + 1;
      }
    }
    const handled = this.handlerLine(i, text);
    if (handled !== undefined) {
      this.closeBody();
      this.state = 'after-body';
      return handled;
    }
    // A multipart body (an OData $batch, say) holds whole HTTP messages: never split it into requests.
    if ((previousBlank || this.bodyLines.length === 0) && !isMultipart(req) && this.startsNewRequest(i)) {
      this.finishRequest();
      this.pending = this.freshPending(i);
      this.state = 'preamble';
      return i;
    }
    this.bodyLines.push(i);
    if (!isBlank(text)) this.lastContentLine = i;
    return i + 1;
  }

  private afterBodyLine(i: number, text: string): number {
    if (isBlank(text)) return i + 1;
    if (opensBlockComment(text)) return this.skipBlockComment(i);
    const handled = this.handlerLine(i, text);
    if (handled !== undefined) return handled;
    const comment = commentBody(text);
    if (comment !== undefined) {
      if (this.startsNewRequest(i)) return this.startPendingAt(i);
      this.comment(i, comment, false);
      return i + 1;
    }
    if (requestLineOf(text, true) || variableOf(text)) return this.startPendingAt(i);
    this.diagnostic(i, 0, text.length, 'text-after-handler', 'error',
      'Unexpected text after the response handler or file body. Put further body text before the handler, ' +
      'or start a new request with `###`.');
    return i + 1;
  }

  private startPendingAt(i: number): number {
    this.finishRequest();
    this.pending = this.freshPending(i);
    this.state = 'preamble';
    return i;
  }

  /** A response handler (`> {% %}`, `> file.js`), httpYac `{{ }}` script or `>>` redirect at line i. */
  private handlerLine(i: number, text: string): number | undefined {
    const req = this.current!;
    const opener = scriptOpenerOf(text);
    if (opener && opener.kind !== 'pre-request') {
      const { script, next } = this.readScript(i, opener);
      req.scripts.push(script);
      return next;
    }
    const file = handlerFileOf(text);
    if (file) {
      req.scripts.push({ kind: 'response-handler', source: '', file: file.path, range: lineRange(i, 0, text.length), sourceStartLine: i });
      this.lastContentLine = i;
      return i + 1;
    }
    if (isOutputRedirect(text)) {
      this.lastContentLine = i;
      return i + 1;
    }
    return undefined;
  }

  /**
   * httpYac lets a request follow a body without `###`: a known method's request line (possibly after
   * comments and metadata) ends the body. The look-ahead over comments is bounded to stay linear.
   */
  private startsNewRequest(i: number): boolean {
    for (let j = i; j < this.lines.length && j < i + LOOKAHEAD_LIMIT; j++) {
      const text = this.lines[j].text;
      if (requestLineOf(text, true)) return true;
      const comment = commentBody(text);
      if (comment === undefined || metadataOf(comment) === undefined) return false;
    }
    return false;
  }

  /** Skips an httpYac `/* … *\/` block comment; an unclosed one is reported and ends at the block's end. */
  private skipBlockComment(i: number): number {
    const first = this.lines[i].text;
    if (first.indexOf('*/', first.indexOf('/*') + 2) >= 0) return i + 1;
    for (let j = i + 1; j < this.lines.length; j++) {
      if (separatorTitle(this.lines[j].text) !== undefined) break;
      if (this.lines[j].text.includes('*/')) return j + 1;
    }
    this.diagnostic(i, 0, first.length, 'unclosed-comment', 'error', 'This `/*` comment is never closed: add `*/` where it ends.');
    let j = i + 1;
    while (j < this.lines.length && separatorTitle(this.lines[j].text) === undefined) j++;
    return j;
  }

  /** Reads a script from its opener to its closing marker. */
  private readScript(i: number, opener: NonNullable<ReturnType<typeof scriptOpenerOf>>): { script: Script; next: number } {
    const first = this.lines[i].text;
    const sameLineClose = first.indexOf(opener.close, opener.bodyStart);
    if (sameLineClose >= 0) {
      this.lastContentLine = i;
      const source = first.slice(opener.bodyStart, sameLineClose);
      return { script: { kind: opener.kind, source, range: lineRange(i, 0, first.length), sourceStartLine: i }, next: i + 1 };
    }
    const parts: string[] = [first.slice(opener.bodyStart)];
    for (let j = i + 1; j < this.lines.length; j++) {
      const text = this.lines[j].text;
      if (separatorTitle(text) !== undefined) break;
      const close = opener.kind === 'httpyac-script' ? (text.trim() === '}}' ? text.indexOf('}}') : -1) : text.indexOf(opener.close);
      if (close >= 0) {
        parts.push(text.slice(0, close));
        this.lastContentLine = j;
        return { script: { kind: opener.kind, source: parts.join('\n'), range: range(i, 0, j, text.length), sourceStartLine: i }, next: j + 1 };
      }
      parts.push(text);
    }
    const last = i + parts.length - 1;
    this.diagnostic(i, 0, first.length, 'unclosed-script', 'error',
      `This script is never closed: add a line with \`${opener.close}\` where it ends.`);
    this.lastContentLine = last;
    const script: Script = { kind: opener.kind, source: parts.join('\n'), range: range(i, 0, last, this.lines[last].text.length), sourceStartLine: i };
    return { script, next: last + 1 };
  }

  private comment(i: number, body: string, inPreamble: boolean): void {
    const directive: Directive | undefined = directiveOf(body, i);
    if (directive) {
      this.out.directives.push(directive);
      return;
    }
    if (!inPreamble) return;
    const meta = metadataOf(body);
    if (meta) this.pending.metadata.push({ key: meta.key, value: meta.value, range: lineRange(i, 0, this.lines[i].text.length) });
  }

  private startRequest(i: number, text: string, rl: NonNullable<ReturnType<typeof requestLineOf>>): void {
    const p = this.pending;
    p.claimed = true;
    const url: Spanned = { value: rl.url, range: lineRange(i, rl.urlStart, rl.urlStart + rl.url.length) };
    const nameMeta = p.metadata.find((m) => m.key === 'name' && m.value !== '');
    const name: Spanned | undefined = nameMeta
      ? { value: nameMeta.value.split(/\s/)[0], range: nameMeta.range }
      : undefined;
    this.current = {
      index: this.out.requests.length,
      range: range(p.startLine, 0, i, text.length),
      title: p.title,
      name,
      metadata: p.metadata,
      variables: p.variables,
      requestLine: {
        method: { value: rl.method, range: lineRange(i, rl.methodStart, rl.implicitMethod ? 0 : rl.methodStart + rl.method.length) },
        url,
        urlParts: [url],
        version: rl.version && { value: rl.version.value, range: lineRange(i, rl.version.start, rl.version.start + rl.version.value.length) },
        implicitMethod: rl.implicitMethod,
        range: lineRange(i, 0, text.trimEnd().length),
      },
      headers: [],
      scripts: p.scripts,
      headerInsertLine: i + 1,
    };
    this.firstContentLine(p, i);
    this.lastContentLine = i;
    this.bodyLines = [];
    this.state = 'headers';
  }

  /** The block starts at its first comment or metadata line, not at blank lines above it. */
  private firstContentLine(p: Pending, requestLine: number): void {
    let start = requestLine;
    for (let j = requestLine - 1; j >= p.startLine; j--) {
      if (isBlank(this.lines[j].text)) break;
      start = j;
    }
    const first = Math.min(start, ...p.metadata.map((m) => m.range.start.line), ...p.scripts.map((s) => s.range.start.line));
    this.current!.range.start = { line: first, character: 0 };
  }

  private extendUrl(req: HttpRequest, i: number, start: number, value: string): void {
    const part: Spanned = { value, range: lineRange(i, start, start + value.length) };
    req.requestLine.urlParts.push(part);
    req.requestLine.url = { value: req.requestLine.url.value + value, range: { start: req.requestLine.url.range.start, end: part.range.end } };
    req.requestLine.range = { start: req.requestLine.range.start, end: part.range.end };
    req.headerInsertLine = i + 1;
    this.lastContentLine = i;
  }

  private closeBody(): void {
    const req = this.current;
    if (!req || req.body || this.bodyLines.length === 0) return;
    let last = this.bodyLines.length - 1;
    while (last >= 0 && isBlank(this.lines[this.bodyLines[last]].text)) last--;
    if (last < 0) {
      this.bodyLines = [];
      return;
    }
    const first = this.bodyLines[0];
    const end = this.bodyLines[last];
    const text = this.bodyLines.slice(0, last + 1).map((l) => this.lines[l].text).join('\n');
    const body: Body = { text, range: range(first, 0, end, this.lines[end].text.length) };
    req.body = body;
    this.bodyLines = [];
  }

  private finishRequest(): void {
    const req = this.current;
    if (!req) return;
    this.closeBody();
    req.range.end = { line: this.lastContentLine, character: this.lines[this.lastContentLine].text.length };
    this.out.requests.push(req);
    this.current = undefined;
  }

  private freshPending(startLine: number, title?: string): Pending {
    // Scripts of a block that never got a request line are global scripts (httpYac, JetBrains).
    if (this.pending && !this.pending.claimed) this.out.scripts.push(...this.pending.scripts);
    return { startLine, title, claimed: false, metadata: [], variables: [], scripts: [] };
  }

  private diagnostic(line: number, start: number, end: number, code: string, severity: ParseDiagnostic['severity'], message: string): void {
    this.out.diagnostics.push({ code, severity, message, range: lineRange(line, start, Math.max(end, start + 1)) });
  }
}

function isMultipart(req: HttpRequest): boolean {
  return req.headers.some((h) => h.name.value.toLowerCase() === 'content-type' && /^\s*multipart\//i.test(h.value.value));
}

/** Parses a `.http` / `.rest` document. Total: any string gives a file, problems become diagnostics. */
export function parseHttp(text: string): HttpFile {
  return new Parser(text).parse();
}
