/**
 * A `.http` request as the rules read it (`RequestModel`): what the lowering decides (the method after any override,
 * the URL with variables substituted, the headers' models, the resource the URL names) beside the syntax tree's
 * request, which it reads rather than copies. The rules read index, method, URL, target and headers of every request
 * (own fields); the rest is read for a few (a write's host and query, a finding's anchor, a fix's editor) and is
 * worked out when asked: no editor object, no copied spans (number boxes) and no notes string per request, of which
 * an editor's analysis keeps one for every request of the file.
 *
 * A model is never copied with a spread (the getters live on the prototype and would be lost): a request seen with
 * other headers is `withHeaders` (types.ts).
 */
import type { HttpRequest } from '../http/ast';
import type { Span } from '../text/span';
import { HttpRequestEditor, type EditorSource } from './http-editor';
import { hostOf, queryParamNames, resourceKey } from './target';
import type { HeaderModel, RequestEditor, RequestModel } from './types';

export class HttpRequestModel implements RequestModel {
  readonly index: number;
  readonly target: string;

  constructor(
    private readonly syntax: HttpRequest,
    private readonly source: EditorSource,
    readonly method: string | undefined,
    readonly url: string,
    readonly headers: HeaderModel[],
  ) {
    this.index = syntax.index;
    this.target = resourceKey(url);
  }

  get name(): string | undefined {
    return this.syntax.name?.value ?? this.syntax.title;
  }

  /** The author's words about the request: its `###` title and the comments above it, one per line. */
  get notes(): string | undefined {
    const req = this.syntax;
    if (!req.comments?.length) return req.title || undefined;
    return [req.title, ...req.comments].filter(Boolean).join('\n') || undefined;
  }

  get body(): string | undefined {
    const body = this.syntax.body;
    return body?.file ? undefined : body?.text;
  }

  /**
   * Worked out per URL, not kept per request (`hostOf` and `queryParamNames` remember each URL's answer): memo slots
   * here were two fields on every request model an editor keeps, which the rules' first ask turned from constant to
   * mutable, throwing away V8's optimised code of the lowering (docs/performance.md, "Issue 16, twentieth session").
   */
  get host(): string | undefined {
    return hostOf(this.url);
  }

  get queryParams(): ReadonlySet<string> {
    return queryParamNames(this.url);
  }

  get anchor(): Span {
    return this.syntax.requestLine.range;
  }

  get range(): Span {
    return this.syntax.range;
  }

  /** Made for each fix that asks (it keeps nothing of its own: the source and the syntax tree's request). */
  get editor(): RequestEditor {
    return new HttpRequestEditor(this.source, this.syntax);
  }
}
