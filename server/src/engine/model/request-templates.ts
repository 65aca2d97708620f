/**
 * What the lowering wants from the `{{templates}}` of one `.http` request, in one walk over its URL lines, headers
 * and body: the references that resolve nowhere (the unknown-reference rule's input) and the earlier responses the
 * request uses (the evidence's input, http-evidence.ts). Both read the same pieces and the same look-ups; walking
 * them once scans each piece's templates once and makes nothing for the pieces that hold none (most do not), where
 * two walks each listed and scanned them.
 */
import type { Header, HttpRequest } from '../http/ast';
import { spanRange, templateSpans, type TemplateSpan } from '../http/templates';
import { headerNameSpan, headerValueSpan, urlPartsOf } from '../http/nodes';
import { rangeOf, startLineOf, type Span } from '../text/span';
import type { ResponseUse, UnresolvedReference } from './types';
import type { LoweringScope, Lookups } from './http-lowering';
import { useOf } from './http-evidence';

/** Names httpYac templates (JavaScript expressions) can always use: the last response, the request, Node's process. */
const HTTPYAC_BUILTINS = new Set(['response', 'request', 'process']);

/** One request's references that resolve nowhere and its uses of earlier responses, each in the file's order. */
export interface RequestTemplates {
  unresolved: UnresolvedReference[];
  uses: ResponseUse[];
}

/** Shared by the requests that have none (read-only: the lists are copied or read, never appended to, by callers). */
const NO_UNRESOLVED: UnresolvedReference[] = [];
const NO_USES: ResponseUse[] = [];

/** Where a piece's templates go: unresolved references only (a header name), or also response uses. */
const NAME = 0;
const URL = 1;
const VALUE = 2;

/**
 * The walk: URL lines, then each header's name and value, then the body's lines (uses only). The unresolved
 * references come in the order the pieces stand, as do the uses (URL, header values, body).
 */
export function requestTemplates(req: HttpRequest, scope: LoweringScope, lookups: Lookups): RequestTemplates {
  const found: RequestTemplates = { unresolved: NO_UNRESOLVED, uses: NO_USES };
  const parts = urlPartsOf(req.requestLine);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.value.includes('{{')) piece(p.value, URL, p.range, undefined, req, scope, lookups, found);
  }
  const headers = req.headers;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (h.name.includes('{{')) piece(h.name, NAME, undefined, h, req, scope, lookups, found);
    if (h.value.includes('{{')) piece(h.value, VALUE, undefined, h, req, scope, lookups, found);
  }
  const body = req.body?.text;
  if (body && body.includes('{{')) {
    const start = startLineOf(req.body!.range);
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].includes('{{')) usesIn(templateSpans(lines[i]), start + i, 'body', req, scope, lookups, found);
    }
  }
  return found;
}

/** One piece holding `{{`: a URL line (`range`), or a header's name or value (`header`). */
function piece(text: string, kind: number, range: Span | undefined, header: Header | undefined, req: HttpRequest, scope: LoweringScope,
  lookups: Lookups, found: RequestTemplates): void {
  const spans = templateSpans(text);
  for (let k = 0; k < spans.length; k++) {
    const reference = unresolvedKind(spans[k], scope, lookups);
    if (reference === undefined) continue;
    // Where the piece starts is worked out only for a reference to report (a range is an object).
    const start = rangeOf(range ?? (kind === NAME ? headerNameSpan(header!) : headerValueSpan(header!))).start;
    const t = spans[k];
    if (found.unresolved === NO_UNRESOLVED) found.unresolved = [];
    found.unresolved.push({ text: t.source, range: spanRange(t, start.line, start.character), kind: reference, name: referenceName(t) });
  }
  if (kind === NAME) return;
  usesIn(spans, startLineOf(range ?? header!.range), kind === URL ? 'url' : 'header', req, scope, lookups, found);
}

function referenceName(t: TemplateSpan): string {
  const p = t.parsed;
  return p.kind === 'request-ref' ? p.request : p.kind === 'variable' ? p.name : t.source;
}

/**
 * What a template refers to that is defined nowhere: a request not named before this one ('request'), a plain
 * variable no declaration, script, prompt or request name defines (only checked when no script could define it).
 */
function unresolvedKind(t: TemplateSpan, scope: LoweringScope, lookups: Lookups): UnresolvedReference['kind'] | undefined {
  const p = t.parsed;
  const vars = scope.vars;
  if (p.kind === 'request-ref') {
    if (scope.importsRequests || lookups.request(p.request) !== undefined) return undefined;
    return p.dialect === 'rest-client' || !vars.has(p.request + 'Response') ? 'request' : undefined;
  }
  if (p.kind !== 'variable' || !scope.handlerVarNames || vars.has(p.name)) return undefined;
  // httpYac reads `{{item.id}}` as property `id` of variable `item`: the root is what must be defined.
  const dot = p.name.indexOf('.');
  const root = dot < 0 ? p.name : p.name.slice(0, dot);
  if (vars.has(root) || scope.handlerVarNames.has(root) || scope.promptNames.has(root) || lookups.request(root) !== undefined || HTTPYAC_BUILTINS.has(root)) return undefined;
  // httpYac `# @loop` keeps each iteration's response as `name0`, `name1`, …
  if (lookups.request(root.replace(/\d+$/, '')) !== undefined) return undefined;
  return 'variable';
}

/** Appends the response uses of `spans` (a piece on `line`, sent as `sent`) to `found.uses`. */
function usesIn(spans: readonly TemplateSpan[], line: number, sent: ResponseUse['sent'], req: HttpRequest, scope: LoweringScope,
  lookups: Lookups, found: RequestTemplates): void {
  for (let k = 0; k < spans.length; k++) {
    const use = useOf(spans[k].parsed, lookups, scope.vars);
    if (!use) continue;
    if (found.uses === NO_USES) found.uses = [];
    found.uses.push({ source: use.source, part: use.part, path: use.path, user: req.index, line, sent });
  }
}
