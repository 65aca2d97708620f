/**
 * Where a header value comes from: a literal (possibly through a constant), an ETag read from a response
 * (`res.headers.get('etag')`, `res.headers.etag`, `r.headers["ETag"]`, superagent `res.get('ETag')`),
 * directly or through variables in the same function, or something the analysis cannot follow.
 */
import type { ValueSource } from '../model/types';
import type { Range } from '../text/types';
import type { CodeContext } from './context';
import { argumentsOf, isName } from './options';
import { rangeOf, stringLiteral, unwrap, type Node, type StringLiteral } from './syntax';

export interface ValueInfo {
  source: ValueSource;
  /** The literal behind the value, when there is one (its content range is where findings point). */
  literal?: StringLiteral;
  range: Range;
}

/** The request index of a recognised call, if the node is one. */
export type RequestIndexOf = (call: Node) => number | undefined;

const MAX_DEPTH = 6;
const NOTHING = new Set(['undefined', 'null', 'None']);

/** The value's source; 'absent' for `undefined` / `null` / `None`, which clients drop. */
export function valueInfo(node: Node, ctx: CodeContext, requestOf: RequestIndexOf, depth = 0): ValueInfo | 'absent' {
  const n = unwrap(node);
  const unknown: ValueInfo = { source: { kind: 'unknown' }, range: rangeOf(node) };
  if (NOTHING.has(n.text)) return 'absent';
  const literal = stringLiteral(n);
  if (literal) return { source: { kind: 'literal' }, literal, range: literal.contentRange };
  const response = etagReadFrom(n, ctx, requestOf);
  const request = response && responseRequest(response, ctx, requestOf);
  if (request !== undefined) return { source: { kind: 'capture', request, header: 'etag' }, range: rangeOf(node) };
  if (depth > MAX_DEPTH) return unknown;
  if (isName(n)) {
    const b = ctx.scopes.lookup(n.text, n);
    if (!b || b.path.length > 0) return unknown;
    const inner = valueInfo(b.value, ctx, requestOf, depth + 1);
    if (inner === 'absent') return unknown;
    // A constant points findings at its literal; a capture keeps the use site, where the fix edits.
    if (inner.source.kind === 'capture') return { source: inner.source, range: rangeOf(node) };
    return inner.source.kind === 'literal' ? inner : unknown;
  }
  const operator = n.childForFieldName('operator')?.text;
  const left = n.childForFieldName('left');
  if (left && (operator === '??' || operator === '||' || operator === 'or')) {
    const inner = valueInfo(left, ctx, requestOf, depth + 1);
    if (inner !== 'absent' && inner.source.kind === 'capture') return { source: inner.source, range: rangeOf(node) };
  }
  return unknown;
}

const isEtagName = (s: string | undefined) => s !== undefined && s.toLowerCase() === 'etag';

/** The request whose response's ETag the expression reads (`res.headers.get('etag')`, `r.headers['ETag']`), if any. */
export function etagReadOf(node: Node, ctx: CodeContext, requestOf: RequestIndexOf): number | undefined {
  const response = etagReadFrom(unwrap(node), ctx, requestOf);
  return response && responseRequest(response, ctx, requestOf);
}

/** For an ETag read, the expression the headers belong to (`res` in `res.headers.get('etag')`). */
function etagReadFrom(n: Node, ctx: CodeContext, requestOf: RequestIndexOf): Node | undefined {
  if (n.type === 'call_expression' || n.type === 'call') {
    const f = n.childForFieldName('function');
    const name = stringLiteral(argumentsOf(n)?.positional[0])?.value;
    if (!f || !isEtagName(name) || (f.type !== 'member_expression' && f.type !== 'attribute')) return undefined;
    if ((f.childForFieldName('property') ?? f.childForFieldName('attribute'))?.text !== 'get') return undefined;
    const object = f.childForFieldName('object');
    if (!object) return undefined;
    // `res.headers.get('etag')`, or superagent's `res.get('ETag')` on a response itself.
    return headersOwner(object, ctx) ?? (responseRequest(object, ctx, requestOf) !== undefined ? object : undefined);
  }
  if (n.type === 'member_expression') {
    const object = n.childForFieldName('object');
    return object && isEtagName(n.childForFieldName('property')?.text) ? headersOwner(object, ctx) : undefined;
  }
  if (n.type === 'subscript_expression' || n.type === 'subscript') {
    const object = n.childForFieldName('object') ?? n.childForFieldName('value');
    const key = stringLiteral(n.childForFieldName('index') ?? n.childForFieldName('subscript'));
    return object && isEtagName(key?.value) ? headersOwner(object, ctx) : undefined;
  }
  return undefined;
}

/** `res.headers` / `res.header` → `res`; a `headers` name destructured from a response → that response. */
function headersOwner(node: Node, ctx: CodeContext): Node | undefined {
  const n = unwrap(node);
  if (n.type === 'member_expression' || n.type === 'attribute') {
    const property = (n.childForFieldName('property') ?? n.childForFieldName('attribute'))?.text;
    return property === 'headers' || property === 'header' ? n.childForFieldName('object') ?? undefined : undefined;
  }
  if (n.type !== 'identifier') return undefined;
  const b = ctx.scopes.lookup(n.text, n);
  return b && b.path.length === 1 && (b.path[0] === 'headers' || b.path[0] === 'header') ? b.value : undefined;
}

/** The request whose response the expression is: the call itself, or a name bound to it. */
function responseRequest(node: Node, ctx: CodeContext, requestOf: RequestIndexOf, depth = 0): number | undefined {
  const n = unwrap(node);
  const direct = requestOf(n);
  if (direct !== undefined || n.type !== 'identifier' || depth > MAX_DEPTH) return direct;
  const b = ctx.scopes.lookup(n.text, n);
  return b && b.path.length === 0 ? responseRequest(b.value, ctx, requestOf, depth + 1) : undefined;
}
