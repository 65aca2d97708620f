/**
 * What the lowering wants from the `{{templates}}` of one `.http` request, in one walk over its URL lines, headers
 * and body: the references that resolve nowhere (the unknown-reference rule's input), the earlier responses the
 * request uses (the evidence's input, http-evidence.ts) and its header models, whose value's source is read from the
 * template the value consists of. All read the same pieces and the same look-ups; walking them once scans and
 * classifies each piece's templates once and makes nothing for the pieces that hold none (most do not), where two
 * walks each listed and scanned them and a header's source classified its value's template a third time.
 */
import type { Header, HttpRequest } from '../http/ast';
import { spanRange, wholeTemplate, type TemplateKind, type TemplateScan, type TemplateSpan } from '../http/templates';
import { headerNameSpan, headerValueSpan } from '../http/nodes';
import { rangeOf, startLineOf, type Span } from '../text/span';
import type { HeaderModel, ResponseUse, UnresolvedReference } from './types';
import type { LoweringScope, Lookups } from './http-lowering';
import { useOf } from './http-evidence';
import { HttpHeaderModel } from './http-header';
import { LITERAL, valueSource } from './value-source';

/** Names httpYac templates (JavaScript expressions) can always use: the last response, the request, Node's process. */
const HTTPYAC_BUILTINS = new Set(['response', 'request', 'process']);

/** One request's references that resolve nowhere and its uses of earlier responses, each in the file's order; its header models. */
export interface RequestTemplates {
  unresolved: UnresolvedReference[];
  uses: ResponseUse[];
  headers: HeaderModel[];
}

/** Shared by the requests that have none (read-only: the lists are copied or read, never appended to, by callers). */
const NO_UNRESOLVED: UnresolvedReference[] = [];
const NO_USES: ResponseUse[] = [];
/**
 * What the walk finds, one record per lowering scope (`LoweringScope.found`), set afresh by each walk: a lowering
 * reads the three lists out right away, so a record per request was one more object for each request of a file.
 */
export class WalkFindings implements RequestTemplates {
  unresolved = NO_UNRESOLVED;
  uses = NO_USES;
  headers: HeaderModel[] = [];
}

/** Where a piece's templates go: unresolved references only (a header name), or also response uses. */
const NAME = 0;
const URL = 1;
const VALUE = 2;

/**
 * The walk: URL lines, then each header's name and value, then the body's lines (uses only). The unresolved
 * references come in the order the pieces stand, as do the uses (URL, header values, body). The record returned is
 * the scope's (`WalkFindings`): read it before the scope's next walk.
 */
export function requestTemplates(req: HttpRequest, scope: LoweringScope, lookups: Lookups): RequestTemplates {
  const vars = scope.vars;
  const syntax = req.headers;
  const found = scope.found;
  found.unresolved = NO_UNRESOLVED;
  found.uses = NO_USES;
  // A header without `{{` is its own model (http/nodes.ts `HeaderLine`): while every header is one, the request's
  // models are the tree's list itself; the first templated header gives the request a list of its own.
  found.headers = syntax;
  const scan = scope.templates;
  const line = req.requestLine;
  // A URL continued over lines is in parts; a one-line URL (most) is read in place, not as a list of one made for it.
  const parts = line.urlParts;
  if (!parts) {
    if (line.url.includes('{{')) piece(scan.reset(line.url), URL, line.urlRange, undefined, req, scope, lookups, found);
  } else {
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p.value.includes('{{')) piece(scan.reset(p.value), URL, p.range, undefined, req, scope, lookups, found);
    }
  }
  for (let i = 0; i < syntax.length; i++) {
    const h = syntax[i];
    const templatedName = h.name.includes('{{');
    const templatedValue = h.value.includes('{{');
    if (!templatedName && !templatedValue) continue;
    if (templatedName) piece(scan.reset(h.name), NAME, undefined, h, req, scope, lookups, found);
    let source = LITERAL;
    if (templatedValue) {
      const whole = piece(scan.reset(h.value), VALUE, undefined, h, req, scope, lookups, found);
      // Braces the walk reads otherwise than as one template (`{{a}}}`), or spaces around it: as `wholeTemplate` reads them.
      source = valueSource(whole ?? wholeTemplate(h.value), vars, lookups);
    }
    if (found.headers === syntax) found.headers = syntax.slice();
    found.headers[i] = new HttpHeaderModel(h, vars.resolve(h.name), vars.resolve(h.value), source);
  }
  const body = req.body?.text;
  if (body && body.includes('{{')) {
    const start = startLineOf(req.body!.range);
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].includes('{{')) continue;
      for (scan.reset(lines[i]); scan.next();) useIn(scan, start + i, 'body', req, scope, lookups, found);
    }
  }
  return found;
}

/**
 * One piece holding `{{` (`scan` set on its text): a URL line (`range`), or a header's name or value (`header`). Each
 * template is read once, for what it leaves unresolved and (but in a header's name) for the response it uses.
 * Returns, for a header's value, the first template's kind when it spans the whole value (`{{…}}` and nothing else, as
 * `wholeTemplate` reads it).
 */
function piece(scan: TemplateScan, kind: number, range: Span | undefined, header: Header | undefined, req: HttpRequest, scope: LoweringScope,
  lookups: Lookups, found: RequestTemplates): TemplateKind | undefined {
  let whole: TemplateKind | undefined;
  for (let first = true; scan.next(); first = false) {
    if (first && kind === VALUE && scan.open === 0 && scan.close + 2 === header!.value.length && !scan.source.includes('{{')) whole = scan.parsed;
    const reference = unresolvedKind(scan, scope, lookups);
    if (reference !== undefined) {
      // Where the piece starts is worked out only for a reference to report (a range is an object).
      const start = rangeOf(range ?? (kind === NAME ? headerNameSpan(header!) : headerValueSpan(header!))).start;
      const unresolved = { text: scan.source, range: spanRange(scan, start.line, start.character), kind: reference, name: referenceName(scan) };
      // Made at the first item, at its size (`appended`): the lists are kept with the lowering.
      if (found.unresolved === NO_UNRESOLVED) found.unresolved = [unresolved];
      else found.unresolved.push(unresolved);
    }
    if (kind !== NAME) useIn(scan, startLineOf(range ?? header!.range), kind === URL ? 'url' : 'header', req, scope, lookups, found);
  }
  return whole;
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

/**
 * Appends the response use of template `t` (in a piece on `line`, sent as `sent`), if any, to `found.uses`. A
 * reference to an earlier response (most uses: `{{item.response.headers.ETag}}`) is read here, its entry made from the
 * template without `useOf`'s record of the part; the others go through `useOf` (variables, handler variables, httpYac
 * names).
 */
function useIn(t: TemplateSpan, line: number, sent: ResponseUse['sent'], req: HttpRequest, scope: LoweringScope,
  lookups: Lookups, found: RequestTemplates): void {
  const p = t.parsed;
  let entry: ResponseUse;
  if (p.kind === 'request-ref') {
    // As `useOf` reads a reference, without its record of the part (4,000 objects of the bench file, all garbage).
    const source = p.part === 'response' ? lookups.request(p.request) : undefined;
    if (source === undefined) return;
    entry = { source, part: p.section, path: p.path, user: req.index, line, sent };
  } else {
    const use = useOf(p, lookups, scope.vars);
    if (!use) return;
    entry = { source: use.source, part: use.part, path: use.path, user: req.index, line, sent };
  }
  if (found.uses === NO_USES) found.uses = [entry];
  else found.uses.push(entry);
}
