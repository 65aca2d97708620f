/**
 * How an SDK call says its precondition, read as the headers it stands for (the rows' `guards`, sdks.ts): a parameter
 * whose value is the version expected (`etag=`, `IfMatch=`, `if_seq_no=`), Dropbox's WriteMode, Azure's
 * `overwrite=True`, a create-only form (`op_type='create'`, DynamoDB's `attribute_not_exists`), headers chained on
 * the request (Graph) or set on the request object before it is sent (googleapiclient).
 */
import type { CodeContext } from './context';
import { argumentsOf, followValue, readObject } from './options';
import type { ArgRef, SdkGuards } from './sdks';
import { CONDITION_HEADER } from './sdks-dynamodb';
import { stringLiteral, unwrap, type Node } from './syntax';

/** A guard the call carries: the header it stands for, and its value (none for the create-only form `*`). */
export interface SdkGuard {
  header: string;
  /** The version the write expects; undefined for the create-only form (`If-None-Match: *`). */
  value?: Node;
  /** Where the guard is written (the argument), or the callee when it is the SDK's default. */
  at: Node;
  /** The SDK's own name for the parameter (`sha`, `cas`), when the row gives one. */
  param?: string;
}

const CREATE_ONLY_CONDITION = /^\s*attribute_not_exists\s*\(\s*[#\w.]+\s*\)(\s+and\s+attribute_not_exists\s*\(\s*[#\w.]+\s*\))*\s*$/i;

/** The call's guards as headers; undefined when one is written in a form the analysis cannot read. */
export function readGuards(spec: SdkGuards | undefined, value: (ref: ArgRef) => Node | undefined, callee: Node, ctx: CodeContext): SdkGuard[] | undefined {
  if (!spec) return [];
  const out: SdkGuard[] = [];
  for (const g of spec.values ?? []) {
    const v = value(g.ref);
    if (v) out.push({ header: g.header, value: v, at: v, ...(g.ref.key ? { param: g.ref.key } : {}) });
  }
  for (const ref of spec.conditions ?? []) {
    const v = value(ref);
    if (!v) continue;
    // `attribute_not_exists(pk)` (and of each key attribute): refused where the item exists, the create-only form.
    const text = stringLiteral(followValue(v, ctx))?.value;
    if (text !== undefined && CREATE_ONLY_CONDITION.test(text)) out.push({ header: 'If-None-Match', at: v });
    else out.push({ header: CONDITION_HEADER, value: v, at: v, ...(ref.key ? { param: ref.key } : {}) });
  }
  if (spec.writeMode) {
    const mode = writeMode(value(spec.writeMode), callee, ctx);
    if (mode === undefined) return undefined;
    out.push(...mode);
  }
  const create = spec.createWhen && value(spec.createWhen.ref);
  if (create && stringLiteral(followValue(create, ctx))?.value === spec.createWhen!.equals) out.push({ header: 'If-None-Match', at: create });
  for (const g of chainedHeaders(callee, spec.chainedHeaders ?? [], ctx)) out.push({ ...g, at: g.value });
  for (const header of spec.requestHeaders ?? []) {
    const set = headerSetOnRequest(callee, header, ctx);
    // Placed at the call: the header is the request's, whichever line sets it.
    if (set) out.push({ header, value: set, at: callee });
  }
  // GitHub's contents API refuses to replace a file without its sha: a write that gives none creates only.
  if (spec.absentMeansCreate && out.length === 0) out.push({ header: 'If-None-Match', at: callee });
  if (spec.createOnlyUnless) {
    const given = value(spec.createOnlyUnless);
    const flag = given && unwrap(followValue(given, ctx)).text;
    if (!given || flag === 'False' || flag === 'false') out.push({ header: 'If-None-Match', at: given ?? callee });
    else if (flag !== 'True' && flag !== 'true') return undefined;
  }
  return out;
}

/**
 * Headers set on the chain that builds the request, before the call that sends it: `client.api(p).header('If-Match',
 * etag).put(body)`, `.headers({ 'If-Match': etag })`. Only `wanted` ones, named in any case.
 */
function chainedHeaders(callee: Node, wanted: readonly string[], ctx: CodeContext): { header: string; value: Node }[] {
  const out: { header: string; value: Node }[] = [];
  const named = (name: string | undefined) => wanted.find((w) => w.toLowerCase() === name?.toLowerCase());
  let at = wanted.length > 0 && callee.type === 'member_expression' ? callee.childForFieldName('object') : null;
  for (let steps = 0; at && steps < 20; steps++) {
    const call = unwrap(at);
    const fn = call.type === 'call_expression' ? call.childForFieldName('function') : null;
    if (fn?.type !== 'member_expression') break;
    const method = fn.childForFieldName('property')?.text;
    const args = argumentsOf(call)?.positional ?? [];
    const header = method === 'header' && args[0] ? named(stringLiteral(followValue(args[0], ctx))?.value) : undefined;
    if (header && args[1]) out.push({ header, value: args[1] });
    const given = method === 'headers' && args[0] ? readObject(followValue(args[0], ctx), ctx) : undefined;
    for (const [key, p] of given?.props ?? []) if (named(key)) out.push({ header: named(key)!, value: p.value });
    at = fn.childForFieldName('object');
  }
  return out;
}

/**
 * Dropbox's WriteMode as a guard: `update(rev)` is If-Match rev, `add` (the default) creates only, `overwrite` has
 * none. Python writes `WriteMode.update(rev)`, `WriteMode.overwrite`, `WriteMode('update', rev)`; JavaScript
 * `{ '.tag': 'update', update: rev }` or `'overwrite'`. Undefined for a form the analysis cannot read.
 */
function writeMode(given: Node | undefined, callee: Node, ctx: CodeContext): SdkGuard[] | undefined {
  if (!given) return [{ header: 'If-None-Match', at: callee }];
  const n = unwrap(followValue(given, ctx));
  const tagged = (tag: string | undefined, rev: Node | undefined): SdkGuard[] | undefined =>
    tag === 'overwrite' ? [] : tag === 'add' ? [{ header: 'If-None-Match', at: given }] : tag === 'update' && rev ? [{ header: 'If-Match', value: rev, at: rev }] : undefined;
  const literal = stringLiteral(n)?.value;
  if (literal !== undefined) return tagged(literal, undefined);
  if (n.type === 'attribute' || n.type === 'member_expression') return tagged(n.text.slice(n.text.lastIndexOf('.') + 1), undefined);
  if (n.type === 'object') {
    const props = readObject(n, ctx)?.props;
    const tag = props && stringLiteral(followValue(props.get('.tag')?.value ?? n, ctx))?.value;
    return tagged(tag, props?.get('update')?.value);
  }
  if (n.type === 'call') {
    const f = n.childForFieldName('function')?.text ?? '';
    const args = argumentsOf(n)?.positional ?? [];
    if (/(^|\.)WriteMode$/.test(f)) return tagged(stringLiteral(args[0])?.value, args[1]);
    if (/(^|\.)WriteMode\.update$/.test(f)) return tagged('update', args[0]);
  }
  return undefined;
}

/**
 * The value the code gives header `name` on the request object the call returns, before sending it
 * (`request = service.files().update(…)`, then `request.headers['If-Match'] = etag` in the same function).
 */
function headerSetOnRequest(callee: Node, name: string, ctx: CodeContext): Node | undefined {
  let at = callee.parent;
  while (at?.parent && (at.parent.type === 'await' || at.parent.type === 'await_expression' || at.parent.type === 'parenthesized_expression')) at = at.parent;
  const holder = at?.parent?.type === 'assignment' || at?.parent?.type === 'variable_declarator' ? at.parent : undefined;
  const target = holder?.childForFieldName(holder.type === 'assignment' ? 'left' : 'name');
  if (!target || target.type !== 'identifier') return undefined;
  const wanted = new RegExp(`^${target.text}\\.headers\\[(['"])${name}\\1\\]$`, 'i');
  const fn = ctx.scopes.functionOf(callee);
  for (const a of fn.descendantsOfType(['assignment', 'assignment_expression'])) {
    const left = a.childForFieldName('left');
    if (left && a.startIndex > callee.startIndex && wanted.test(left.text.replace(/\s+/g, ''))) return a.childForFieldName('right') ?? undefined;
  }
  return undefined;
}
