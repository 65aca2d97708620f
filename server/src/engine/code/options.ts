/**
 * Reads call arguments and option objects the same way in both languages: positional arguments, JS object
 * literals (followed through a variable in scope), Python keyword arguments and dict literals.
 */
import type { CodeContext } from './context';
import { unwrap, type Node } from './syntax';

export interface Property {
  key: Node;
  value: Node;
  /** The whole `key: value` pair or `key=value` argument. */
  whole: Node;
}

/** A set of named values whose content is known, as far as it goes. */
export interface Options {
  props: Map<string, Property>;
  /** A spread (`...opts`, `**kwargs`) may add any key: what is absent is unknown, not absent. */
  spread: boolean;
  /** The literal (or argument list) that holds them: where a fix inserts a property. */
  node: Node;
}

export interface Arguments {
  positional: Node[];
  /** Python keyword arguments. */
  keywords: Options;
  /** A `...args` / `*args` hides later positions. */
  splat: boolean;
}

export function argumentsOf(call: Node): Arguments | undefined {
  const list = call.childForFieldName('arguments');
  if (!list) return undefined;
  const positional: Node[] = [];
  const keywords: Options = { props: new Map(), spread: false, node: list };
  let splat = false;
  for (const a of list.namedChildren) {
    if (a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const key = a.childForFieldName('name');
      const value = a.childForFieldName('value');
      if (key && value) keywords.props.set(key.text, { key, value, whole: a });
    } else if (a.type === 'dictionary_splat') keywords.spread = true;
    else if (a.type === 'spread_element' || a.type === 'list_splat') splat = true;
    else if (!splat) positional.push(a);
  }
  return { positional, keywords, splat };
}

/** A plain name: an identifier, or the `{ headers }` shorthand that reads one. */
export function isName(n: Node): boolean {
  return n.type === 'identifier' || n.type === 'shorthand_property_identifier';
}

/** The literal a name holds (or the expression itself), looking through variables in scope. */
export function followValue(node: Node, ctx: CodeContext, depth = 0): Node {
  const n = unwrap(node);
  if (!isName(n) || depth > 5) return n;
  const b = ctx.scopes.lookup(n.text, n);
  return b && b.path.length === 0 ? followValue(b.value, ctx, depth + 1) : n;
}

/** Static key text of an object/dict entry: `a`, `'a'`, `"a"`; undefined for computed keys. */
export function keyText(key: Node): string | undefined {
  if (key.type === 'property_identifier' || key.type === 'identifier') return key.text;
  if (key.type === 'string') {
    const inner = key.namedChildren.filter((c) => c.type === 'string_fragment' || c.type === 'string_content');
    if (inner.length <= 1 && key.namedChildren.every((c) => ['string_fragment', 'string_content', 'string_start', 'string_end'].includes(c.type))) return inner[0]?.text ?? '';
  }
  return undefined;
}

/**
 * `Object.assign({}, init, { headers })` (or onto any object literal): the objects merged, in order. Older request
 * helpers merge the caller's options this way instead of spreading them (`{ ...init, headers }`): the same object.
 */
export function assignedParts(node: Node): Node[] | undefined {
  const n = unwrap(node);
  if (n.type !== 'call_expression' || n.childForFieldName('function')?.text !== 'Object.assign') return undefined;
  const parts = n.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
  return parts.length >= 2 && unwrap(parts[0]).type === 'object' && parts.every((p) => p.type !== 'spread_element') ? parts : undefined;
}

/** An object literal or Python dict literal as Options; undefined when the node is not one. */
export function readObject(node: Node, ctx: CodeContext): Options | undefined {
  const n = followValue(node, ctx);
  const parts = assignedParts(n);
  if (parts) return mergedObject(parts, ctx);
  if (n.type !== 'object' && n.type !== 'dictionary') return undefined;
  const out: Options = { props: new Map(), spread: false, node: n };
  for (const c of n.namedChildren) {
    if (c.type === 'pair') {
      const key = c.childForFieldName('key');
      const value = c.childForFieldName('value');
      const text = key && keyText(key);
      if (key && value && typeof text === 'string') out.props.set(text, { key, value, whole: c });
      else out.spread = true;
    } else if (c.type === 'shorthand_property_identifier') out.props.set(c.text, { key: c, value: c, whole: c });
    else if (c.type === 'spread_element' || c.type === 'dictionary_splat') out.spread = true;
    else if (c.type === 'method_definition') out.props.set(c.childForFieldName('name')?.text ?? '', { key: c, value: c, whole: c });
  }
  return out;
}

/** The objects `Object.assign` merges, as one: a part that is not a literal may add any key. */
function mergedObject(parts: readonly Node[], ctx: CodeContext): Options {
  const out: Options = { props: new Map(), spread: false, node: unwrap(parts[0]) };
  for (const p of parts) {
    const o = unwrap(followValue(p, ctx)).type === 'object' ? readObject(p, ctx) : undefined;
    if (!o) {
      out.spread = true;
      continue;
    }
    for (const [k, v] of o.props) out.props.set(k, v);
    out.spread ||= o.spread;
  }
  return out;
}

/** An assignment to a property of a named object: `opts.method = 'PUT'`, `cfg.headers['If-Match'] = tag`. */
export interface PropertyAssignment {
  /** The property path below the name: `['method']`, `['headers', 'If-Match']`; `undefined` for a computed step. */
  path: (string | undefined)[];
  /** The last key as written (for findings and fixes). */
  key: Node;
  value: Node;
  whole: Node;
}

/**
 * The assignments to properties of the object `use` names, made after the name was given its value and before
 * `use`, in source order: code that builds an options object and then sets `method` or `headers` on it.
 */
export function assignedAfter(use: Node, ctx: CodeContext): PropertyAssignment[] {
  const n = unwrap(use);
  if (!isName(n)) return [];
  const b = ctx.scopes.lookup(n.text, n);
  if (!b || b.path.length > 0) return [];
  const between = ctx.text.slice(b.end, n.startIndex);
  // Cheap text test first: most objects are never touched after they are written.
  if (!new RegExp(`(^|[^\\w.$])${n.text.replace(/\$/g, '\\$')}\\s*(\\.|\\[)`).test(between)) return [];
  const out: PropertyAssignment[] = [];
  for (const a of ctx.index.assignments) {
    if (a.startIndex < b.end || a.endIndex > n.startIndex) continue;
    if (a.type !== 'assignment_expression' && a.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const value = a.childForFieldName('right');
    const path = left && memberPath(left);
    if (!left || !value || !path || path[0] !== n.text || path.length < 2) continue;
    out.push({ path: path.slice(1), key: lastKey(left), value, whole: a });
  }
  return out;
}

/** `a.b['c']` → `['a', 'b', 'c']`; a computed step is `undefined`; undefined for other expressions. */
function memberPath(node: Node): (string | undefined)[] | undefined {
  const n = unwrap(node);
  if (n.type === 'identifier') return [n.text];
  if (n.type === 'member_expression' || n.type === 'attribute') {
    const object = n.childForFieldName('object');
    const property = n.childForFieldName(n.type === 'attribute' ? 'attribute' : 'property');
    const base = object && memberPath(object);
    return base && property ? [...base, property.text] : undefined;
  }
  if (n.type === 'subscript_expression' || n.type === 'subscript') {
    const object = n.childForFieldName('object') ?? n.childForFieldName('value');
    const index = n.childForFieldName('index') ?? n.childForFieldName('subscript');
    const base = object && memberPath(object);
    return base && index ? [...base, keyText(index)] : undefined;
  }
  return undefined;
}

function lastKey(left: Node): Node {
  return left.childForFieldName('property') ?? left.childForFieldName('attribute') ?? left.childForFieldName('index') ?? left.childForFieldName('subscript') ?? left;
}
