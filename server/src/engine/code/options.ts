/**
 * Reads call arguments and option objects the same way in both languages: positional arguments, JS object
 * literals (followed through a variable in scope), Python keyword arguments and dict literals.
 */
import type { CodeContext } from './context';
import { typeOf, unwrap, type Node } from './syntax';

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
    if (typeOf(a) === 'comment') continue;
    if (typeOf(a) === 'keyword_argument') {
      const key = a.childForFieldName('name');
      const value = a.childForFieldName('value');
      if (key && value) keywords.props.set(key.text, { key, value, whole: a });
    } else if (typeOf(a) === 'dictionary_splat') keywords.spread = true;
    else if (typeOf(a) === 'spread_element' || typeOf(a) === 'list_splat') splat = true;
    else if (!splat) positional.push(a);
  }
  return { positional, keywords, splat };
}

/** A plain name: an identifier, or the `{ headers }` shorthand that reads one. */
export function isName(n: Node): boolean {
  return typeOf(n) === 'identifier' || typeOf(n) === 'shorthand_property_identifier';
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
  if (typeOf(key) === 'property_identifier' || typeOf(key) === 'identifier') return key.text;
  if (typeOf(key) === 'string') {
    const inner = key.namedChildren.filter((c) => typeOf(c) === 'string_fragment' || typeOf(c) === 'string_content');
    if (inner.length <= 1 && key.namedChildren.every((c) => ['string_fragment', 'string_content', 'string_start', 'string_end'].includes(typeOf(c)))) return inner[0]?.text ?? '';
  }
  return undefined;
}

/** An object literal or Python dict literal as Options; undefined when the node is not one. */
export function readObject(node: Node, ctx: CodeContext): Options | undefined {
  const n = followValue(node, ctx);
  if (typeOf(n) !== 'object' && typeOf(n) !== 'dictionary') return undefined;
  const out: Options = { props: new Map(), spread: false, node: n };
  for (const c of n.namedChildren) {
    if (typeOf(c) === 'pair') {
      const key = c.childForFieldName('key');
      const value = c.childForFieldName('value');
      const text = key && keyText(key);
      if (key && value && typeof text === 'string') out.props.set(text, { key, value, whole: c });
      else out.spread = true;
    } else if (typeOf(c) === 'shorthand_property_identifier') out.props.set(c.text, { key: c, value: c, whole: c });
    else if (typeOf(c) === 'spread_element' || typeOf(c) === 'dictionary_splat') out.spread = true;
    else if (typeOf(c) === 'method_definition') out.props.set(c.childForFieldName('name')?.text ?? '', { key: c, value: c, whole: c });
  }
  return out;
}
