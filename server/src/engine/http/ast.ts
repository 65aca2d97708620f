/**
 * The syntax tree of a `.http` / `.rest` file, shared by the three dialects users write (JetBrains
 * http-request-in-editor, REST Client, httpYac). Every piece keeps its exact range so rules, hovers and quick
 * fixes can point at it and edit it.
 */
import type { Range } from '../text/types';
import type { Span } from '../text/span';

/** A piece of text with where it stands. */
export interface Spanned {
  value: string;
  range: Span;
}

/** `@name = value` at file level (REST Client, httpYac) or before a request. */
export interface FileVariable {
  name: Spanned;
  value: Spanned;
  range: Span;
}

/** `# @key value` / `// @key value` before a request: `@name`, `@no-redirect`, `@timeout 5000`, … */
export interface Metadata {
  key: string;
  value: string;
  range: Span;
}

/**
 * `Name: value`: one object with the texts and where they start on the line (an editor keeps ~14 k of these for
 * a 10k-request file; a `Spanned` pair per part made three). Read the parts' spans with `headerNameSpan` /
 * `headerValueSpan` (http/nodes.ts).
 *
 * The last four are what a header without `{{` is to the rules (a literal header model, model/types.ts
 * `HeaderModel`), worked out when asked (http/nodes.ts `HeaderLine`): the lowering hands such a header to the rules
 * as it is, and wraps any other in a model of its own (model/http-header.ts).
 */
export interface Header {
  name: string;
  value: string;
  /** The whole `Name: value` line. */
  range: Span;
  /** The characters where the name and the value start on the line. */
  nameStart: number;
  valueStart: number;
  readonly nameRange: Span;
  readonly valueRange: Span;
  /** The value as written (only a text with `{{` resolves to another). */
  readonly resolvedValue: string;
  readonly source: LiteralSource;
}

/** Where a value written as it is sent comes from (model/types.ts `ValueSource`). */
export interface LiteralSource {
  readonly kind: 'literal';
}

export type ScriptKind = 'pre-request' | 'response-handler' | 'httpyac-script';

/** A script block or file reference. etag-guard never runs these; it only reads captures from them. */
export interface Script {
  kind: ScriptKind;
  /** Inline source, or '' when the script lives in a file. */
  source: string;
  /** Path of `> ./handler.js`, when the script is a file. */
  file?: string;
  range: Span;
  /** Line of the first source line (for mapping offsets inside the script back to the document). */
  sourceStartLine: number;
}

export interface Body {
  /** Inline body text as written (lines joined with \n), or '' for a file body. */
  text: string;
  /** `< path` or `<@ path`: the body is read from a file (with variables substituted for `<@`). */
  file?: { path: Spanned; substitute: boolean };
  range: Span;
}

/**
 * `METHOD url [version]`: one object with the texts and where they stand (a `Spanned` pair each for the method and
 * the URL made twenty thousand objects more in a 10k-request file). Read the method's span with `methodSpan`.
 */
export interface RequestLine {
  /** Upper-cased (REST Client sends `Get` as GET). */
  method: string;
  /**
   * How long the word is as written, at the start of the request line's first line (a request line is never
   * indented); 0 when the method was omitted (`https://…` alone means GET in every dialect). Where it starts and
   * whether it was omitted are not fields: every request kept them, 8 bytes each, to say 0 and `methodLength === 0`.
   */
  methodLength: number;
  /** The URL as written, continuation lines joined without their indentation. */
  url: string;
  /** Where the URL stands (from its first line to its last). */
  urlRange: Span;
  /**
   * Each URL line, for edits and templates, when the URL continues over several (`?…` / `&…` lines); absent for a
   * one-line URL, which is `url` itself (ten thousand one-item lists in a 10k-request file). Read `urlPartsOf`.
   */
  urlParts?: Spanned[];
  version?: Spanned;
  range: Span;
}

/**
 * A response written in the file: `HTTP/1.1 200 OK`, headers, body. httpYac and JetBrains keep an example or
 * expected response under its request; go-restclient's response files hold only these. Never sent.
 */
export interface ResponseBlock {
  /** The whole status line. */
  statusLine: Spanned;
  status: number;
  headers: Header[];
  body?: Body;
  range: Span;
}

export interface HttpRequest {
  /** 0-based position among the requests of the file. */
  index: number;
  /** The whole block, from its first comment or metadata line to its last non-blank line. */
  range: Span;
  /** Text after `###` on the separator that opened this block, if any. */
  title?: string;
  /** Line of the `###` separator that opened this block, if one did. */
  separatorLine?: number;
  /** From `# @name x`, `// @name x` or JetBrains `### x` title when no @name is given. */
  name?: Spanned;
  metadata: Metadata[];
  /** The author's comment lines above the request line (not metadata or directives), without their `#` / `//`. */
  comments?: string[];
  /** Variables declared inside this block before the request line. */
  variables: FileVariable[];
  /** httpYac's `?? header etag exists` / `?? status == 200` assertion lines after the request line, trimmed. */
  assertions?: Spanned[];
  requestLine: RequestLine;
  headers: Header[];
  body?: Body;
  scripts: Script[];
  /** A response written under the request (`HTTP/1.1 200 OK` after a blank line), if any. */
  response?: ResponseBlock;
  /** Line where a new header can be inserted: right after the last header (or the request line). */
  headerInsertLine: number;
}

export type ParseSeverity = 'error' | 'warning';

/** A problem in the file's syntax, phrased as what is wrong and how to fix it. */
export interface ParseDiagnostic {
  code: string;
  message: string;
  severity: ParseSeverity;
  range: Range;
}

/** A `# etag-guard-disable…` comment. */
export interface Directive {
  kind: 'disable-next-line' | 'disable';
  rules: string[];
  line: number;
}

export interface HttpFile {
  requests: HttpRequest[];
  /** File-level variables in file order (including those inside request blocks). */
  variables: FileVariable[];
  /** httpYac / JetBrains scripts outside any request (global scripts). */
  scripts: Script[];
  directives: Directive[];
  /** Responses that follow no request (a response file). */
  responses: ResponseBlock[];
  diagnostics: ParseDiagnostic[];
  lineCount: number;
  /** '\r\n' or '\n': the terminator edits should use. */
  eol: string;
}
