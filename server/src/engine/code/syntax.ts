/**
 * Small readers over tree-sitter nodes shared by the JavaScript/TypeScript and Python analyses: ranges,
 * string literals, wrapper expressions to look through, and URL expressions normalised for comparison.
 */
import type { Node } from 'web-tree-sitter';
import type { Range } from '../text/types';

export type { Node };

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** Node types by node id (unique within a tree), per tree: dropped with the tree. */
const TYPES = new WeakMap<Node['tree'], Map<number, string>>();

/**
 * The node's type, read from WebAssembly once per node. `Node.type` is a call across the WebAssembly boundary
 * on every read, and the analysis reads types all the time (unwrapping, literal shapes, branch steps): 300,000
 * reads, a quarter of the lint time, in a dense 5,000-line file.
 */
export function typeOf(node: Node): string;
export function typeOf(node: Node | null | undefined): string | undefined;
export function typeOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  let types = TYPES.get(node.tree);
  if (!types) TYPES.set(node.tree, (types = new Map()));
  let type = types.get(node.id);
  if (type === undefined) types.set(node.id, (type = node.type));
  return type;
}

/** Expressions that only wrap a value: `await x`, `(x)`, `x!`, `x as T`, `x satisfies T`. */
const WRAPPERS = new Set(['await_expression', 'await', 'parenthesized_expression', 'non_null_expression', 'as_expression', 'satisfies_expression', 'type_assertion']);

/** The expression inside any wrappers. */
export function unwrap(node: Node): Node {
  let n = node;
  while (WRAPPERS.has(typeOf(n))) {
    const inner = typeOf(n) === 'type_assertion' ? n.lastNamedChild : n.firstNamedChild;
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** A string literal's value and where its content sits (for edits inside it). */
export interface StringLiteral {
  value: string;
  node: Node;
  /** The content between the quotes. */
  contentRange: Range;
  quote: string;
  /** True when the source spells the value with escapes, so source columns and value offsets differ. */
  escaped: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

function decodeEscape(raw: string): string {
  const c = raw.slice(1);
  if (c.startsWith('u') || c.startsWith('x')) return String.fromCodePoint(parseInt(c.replace(/[ux{}]/g, ''), 16));
  return ESCAPES[c] ?? c;
}

function decodeWithin(content: Node, escapes: Node[]): string {
  let out = '';
  let at = content.startIndex;
  for (const e of escapes) {
    out += content.text.slice(at - content.startIndex, e.startIndex - content.startIndex) + decodeEscape(e.text);
    at = e.endIndex;
  }
  return out + content.text.slice(at - content.startIndex);
}

/**
 * Reads a string literal with no interpolation: JS `'…'`, `"…"`, `` `…` `` without `${}`, Python strings
 * without `{}` fields (raw and byte prefixes allowed). Undefined for anything else.
 */
export function stringLiteral(node: Node | null | undefined): StringLiteral | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (typeOf(n) !== 'string' && typeOf(n) !== 'template_string') return undefined;
  const open = n.child(0);
  const close = n.child(n.childCount - 1);
  if (!open || !close || n.childCount < 2) return undefined;
  const prefix = typeOf(open) === 'string_start' ? open.text.replace(/["']+$/, '').toLowerCase() : '';
  if (prefix.includes('f') && n.namedChildren.some((c) => typeOf(c) === 'interpolation')) return undefined;
  let value = '';
  let escaped = false;
  for (const c of n.namedChildren) {
    if (typeOf(c) === 'string_fragment') value += c.text;
    else if (typeOf(c) === 'string_content') {
      // Python nests its escapes inside the content.
      const inner = prefix.includes('r') ? [] : c.namedChildren.filter((e) => typeOf(e) === 'escape_sequence');
      value += inner.length === 0 ? c.text : decodeWithin(c, inner);
      escaped ||= inner.length > 0;
    } else if (typeOf(c) === 'escape_sequence' && !prefix.includes('r')) {
      value += decodeEscape(c.text);
      escaped = true;
    } else if (typeOf(c) === 'string_start' || typeOf(c) === 'string_end') continue;
    else return undefined;
  }
  const quote = open.text.slice(prefix.length);
  return {
    value, node: n, quote, escaped,
    contentRange: { start: { line: open.endPosition.row, character: open.endPosition.column }, end: { line: close.startPosition.row, character: close.startPosition.column } },
  };
}

/**
 * A URL expression as comparable text: literal parts kept, every interpolated or concatenated expression
 * written `{{expr}}` (so `` `${base}/items/${id}` ``, `base + '/items/' + id` and `f"{base}/items/{id}"` compare
 * equal). Undefined for shapes that are not a string, a template, a concatenation or a name.
 */
export function urlExpressionText(node: Node): string | undefined {
  const n = unwrap(node);
  const literal = stringLiteral(n);
  if (literal) return literal.value;
  switch (typeOf(n)) {
    case 'identifier': case 'member_expression': case 'attribute': case 'subscript_expression': case 'subscript':
      return `{{${compact(n.text)}}}`;
    case 'template_string': case 'string': {
      let out = '';
      for (const c of n.namedChildren) {
        if (typeOf(c) === 'string_fragment' || typeOf(c) === 'string_content') out += c.text;
        else if (typeOf(c) === 'escape_sequence') out += decodeEscape(c.text);
        else if (typeOf(c) === 'template_substitution' || typeOf(c) === 'interpolation') {
          const inner = c.firstNamedChild;
          if (!inner) return undefined;
          out += `{{${compact(inner.text)}}}`;
        } else if (typeOf(c) !== 'string_start' && typeOf(c) !== 'string_end') return undefined;
      }
      return out;
    }
    case 'binary_expression': case 'binary_operator': {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (n.childForFieldName('operator')?.text !== '+' || !left || !right) return undefined;
      const l = urlExpressionText(left);
      const r = urlExpressionText(right);
      return l === undefined || r === undefined ? undefined : l + r;
    }
    default:
      return undefined;
  }
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The callee as written, without blanks (`api . update` → `api.update`). */
export function calleeText(node: Node): string {
  return compact(unwrap(node).text);
}

/** The node types that are functions, methods, arrows or lambdas. */
export const FUNCTION_TYPES: readonly string[] = [
  'function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration',
  'generator_function', 'function_definition', 'lambda',
];
const FUNCTIONS = new Set(FUNCTION_TYPES);

/** A function, method, arrow or lambda: the unit of the per-function dataflow. */
export function isFunction(node: Node): boolean {
  return FUNCTIONS.has(typeOf(node));
}
