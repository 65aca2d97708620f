/**
 * How an SDK call's names read as text, so two calls on one object compare equal: a literal as written, a name holding
 * a literal as that literal, else `{{name}}` (nameText); an attribute map (DynamoDB's `Key`) by its entries
 * (entriesText); and the read whose key a whole item carries (DynamoDB's `put_item`: readKeyCarried).
 */
import type { CodeContext } from './context';
import { localFunction } from './local-functions';
import { argumentsOf, followValue, isName, readObject, type Options } from './options';
import { stringLiteral, unwrap, urlExpressionText, type Node } from './syntax';

/**
 * An object's name as comparable text: literals as written, a name holding a literal as that literal, else `{{name}}`.
 * A name holding another name or a member (`const fileId = found.files[0].id`) stands for itself, as in a URL the code
 * writes (`/upload/drive/v3/files/${fileId}`): both name the same object.
 */
const OPAQUE = new Set(['member_expression', 'subscript_expression', 'attribute', 'subscript', 'call_expression', 'call', 'await_expression', 'await']);

export function nameText(node: Node, ctx: CodeContext): string {
  const constant = (n: Node) => stringLiteral(followValue(n, ctx))?.value;
  const given = unwrap(node);
  const held = followValue(node, ctx);
  const followed = isName(given) && OPAQUE.has(unwrap(held).type) ? given : held;
  return stringLiteral(followed)?.value ?? urlExpressionText(followed, constant) ?? urlExpressionText(node, constant) ?? `{{${node.text}}}`;
}


/**
 * The URL of a read before `write` in its function, of an object under `table` (the table's URL), whose key the item
 * `given` carries entry for entry, each value written the same way (`get_item(Key={'id': '0'})`, then
 * `put_item(Item={'id': '0', 'count': count + 1})`): the object the item is written over.
 */
export function readKeyCarried(write: Node, given: Node | undefined, table: string, ctx: CodeContext, readUrl: (call: Node) => string | undefined): string | undefined {
  const item = given && readObject(followValue(given, ctx), ctx);
  if (!item || item.spread) return undefined;
  // The write's function and those around it (a read whose callback writes: `docClient.get(p, (err, data) => …)`),
  // not the module's top level unless the write is there too.
  const around = new Set<number>();
  for (let fn = ctx.scopes.functionOf(write); ; fn = ctx.scopes.functionOf(fn)) {
    if (fn.id === ctx.index.root.id && around.size > 0) break;
    around.add(fn.id);
    if (fn.id === ctx.index.root.id) break;
  }
  for (const c of ctx.index.calls) {
    if (c.startIndex >= write.startIndex || !around.has(ctx.scopes.functionOf(c).id)) continue;
    const url = readUrl(c) ?? readThroughHelper(c, table, ctx, readUrl);
    const key = url?.startsWith(`${table}/`) ? url.slice(table.length + 1) : undefined;
    if (key && !key.includes('/') && key.split(',').every((entry) => carries(item, entry, ctx))) return url;
  }
  return undefined;
}

/**
 * The URL of an SDK read of an object under `table` in the local function `call` calls (`current()` whose body is
 * `table.get_item(Key={'id': 'site'})`): the read a helper makes for its caller.
 */
function readThroughHelper(call: Node, table: string, ctx: CodeContext, readUrl: (call: Node) => string | undefined): string | undefined {
  const callee = call.childForFieldName('function');
  const helper = callee && localFunction(callee, ctx);
  if (!helper) return undefined;
  for (const c of ctx.index.calls) {
    if (c.startIndex < helper.startIndex || c.endIndex > helper.endIndex || ctx.scopes.functionOf(c).id !== helper.id) continue;
    const url = readUrl(c);
    if (url?.startsWith(`${table}/`)) return url;
  }
  return undefined;
}

/** True when `item` holds the key entry `name=value` (as entriesText writes it), its value written the same way. */
function carries(item: Options, entry: string, ctx: CodeContext): boolean {
  const at = entry.indexOf('=');
  const given = at > 0 ? item.props.get(entry.slice(0, at))?.value : undefined;
  return !!given && valueText(given, ctx) === entry.slice(at + 1);
}

/** DynamoDB's attribute types: a typed value (`{'S': '0'}`, `{ N: '1' }`) holds one value under one of these. */
const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'M', 'L']);

/**
 * An attribute map (DynamoDB's `Key`) as a name: its entries `name=value`, in the order of the names, joined by `,`;
 * `marshall({ … })` (@aws-sdk/util-dynamodb) as the map it is given. Undefined when the map cannot be read.
 */
export function entriesText(given: Node | undefined, ctx: CodeContext): string | undefined {
  let n = given && unwrap(followValue(given, ctx));
  const callee = n && (n.type === 'call' || n.type === 'call_expression') ? n.childForFieldName('function') : undefined;
  if (n && callee && /(^|\.)marshall$/.test(callee.text)) n = argumentsOf(n)?.positional[0];
  const map = n && readObject(followValue(n, ctx), ctx);
  if (!map || map.spread || map.props.size === 0) return undefined;
  return [...map.props.keys()].sort().map((k) => `${k}=${valueText(map.props.get(k)!.value, ctx)}`).join(',');
}

/** An attribute's value as comparable text: a typed value by the value it holds. */
function valueText(given: Node, ctx: CodeContext): string {
  const typed = readObject(unwrap(followValue(given, ctx)), ctx);
  const [type] = typed && typed.props.size === 1 && !typed.spread ? [...typed.props.keys()] : [];
  return nameText(type && ATTRIBUTE_TYPES.has(type) ? typed!.props.get(type)!.value : given, ctx);
}
