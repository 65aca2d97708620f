/**
 * Small readers over tree-sitter nodes shared by the JavaScript/TypeScript and Python analyses: ranges,
 * string literals, wrapper expressions to look through, and URL expressions normalised for comparison.
 */
import type { Node } from 'web-tree-sitter';
import type { Range } from '../text/types';
import { partitionPoint } from '../text/partition-point';

export type { Node };

export function rangeOf(node: Node): Range {
  // `endPosition` is a call into WebAssembly: read it once.
  const end = node.endPosition;
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: end.row, character: end.column },
  };
}

/** Expressions that only wrap a value: `await x`, `(x)`, `x!`, `x as T`, `x satisfies T`. */
const WRAPPERS = new Set(['await_expression', 'await', 'parenthesized_expression', 'non_null_expression', 'as_expression', 'satisfies_expression', 'type_assertion']);

/** The expression inside any wrappers. */
export function unwrap(node: Node): Node {
  let n = node;
  while (WRAPPERS.has(n.type)) {
    const inner = n.type === 'type_assertion' ? n.lastNamedChild : n.firstNamedChild;
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
  if (n.type !== 'string' && n.type !== 'template_string') return undefined;
  const open = n.child(0);
  const close = n.child(n.childCount - 1);
  if (!open || !close || n.childCount < 2) return undefined;
  const prefix = open.type === 'string_start' ? open.text.replace(/["']+$/, '').toLowerCase() : '';
  if (prefix.includes('f') && n.namedChildren.some((c) => c.type === 'interpolation')) return undefined;
  let value = '';
  let escaped = false;
  for (const c of n.namedChildren) {
    if (c.type === 'string_fragment') value += c.text;
    else if (c.type === 'string_content') {
      // Python nests its escapes inside the content.
      const inner = prefix.includes('r') ? [] : c.namedChildren.filter((e) => e.type === 'escape_sequence');
      value += inner.length === 0 ? c.text : decodeWithin(c, inner);
      escaped ||= inner.length > 0;
    } else if (c.type === 'escape_sequence' && !prefix.includes('r')) {
      value += decodeEscape(c.text);
      escaped = true;
    } else if (c.type === 'string_start' || c.type === 'string_end') continue;
    else return undefined;
  }
  const quote = open.text.slice(prefix.length);
  const opened = open.endPosition;
  return {
    value, node: n, quote, escaped,
    contentRange: { start: { line: opened.row, character: opened.column }, end: { line: close.startPosition.row, character: close.startPosition.column } },
  };
}

/**
 * A URL expression as comparable text: literal parts kept, every interpolated or concatenated expression
 * written `{{expr}}` (so `` `${base}/items/${id}` ``, `base + '/items/' + id` and `f"{base}/items/{id}"` compare
 * equal); a call other than `.concat` / Python `.format` is one such part (`{{normalize(base)}}`). Undefined for
 * shapes that are not a string, a template, a concatenation, a call or a name.
 */
export function urlExpressionText(node: Node, constant?: (name: Node) => string | undefined): string | undefined {
  const n = unwrap(node);
  const literal = stringLiteral(n);
  if (literal) return literal.value;
  switch (n.type) {
    case 'identifier': case 'member_expression': case 'attribute': case 'subscript_expression': case 'subscript':
      return constant?.(n) ?? `{{${compact(n.text)}}}`;
    case 'template_string': case 'string': {
      let out = '';
      for (const c of n.namedChildren) {
        if (c.type === 'string_fragment' || c.type === 'string_content') out += c.text;
        else if (c.type === 'escape_sequence') out += decodeEscape(c.text);
        else if (c.type === 'template_substitution' || c.type === 'interpolation') {
          const inner = c.firstNamedChild;
          if (!inner) return undefined;
          out += constant?.(unwrap(inner)) ?? `{{${compact(inner.text)}}}`;
        } else if (c.type !== 'string_start' && c.type !== 'string_end') return undefined;
      }
      return out;
    }
    case 'binary_expression': case 'binary_operator': {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (n.childForFieldName('operator')?.text !== '+' || !left || !right) return undefined;
      const l = urlExpressionText(left, constant);
      const r = urlExpressionText(right, constant);
      return l === undefined || r === undefined ? undefined : l + r;
    }
    case 'call_expression': case 'call': {
      const f = n.childForFieldName('function');
      const object = f?.type === 'member_expression' || f?.type === 'attribute' ? f.childForFieldName('object') : undefined;
      const method = f?.childForFieldName(f.type === 'attribute' ? 'attribute' : 'property')?.text;
      // `'https://h/items/'.concat(id)`: String.prototype.concat joins like `+`.
      if (object && method === 'concat' && n.type === 'call_expression') return concatText(object, n, constant);
      // Python `'{server}/api/{ns}'.format(server=…, ns=…)`: the fields become the arguments' placeholders.
      if (object && method === 'format' && n.type === 'call') {
        const formatted = formatText(object, n, constant);
        if (formatted !== undefined) return formatted;
      }
      // Any other call (`normalize(base)`, `url('/notes/' + id)`) is one part whose value is not known.
      return `{{${compact(n.text)}}}`;
    }
    default:
      return undefined;
  }
}

function concatText(object: Node, call: Node, constant?: (name: Node) => string | undefined): string | undefined {
  const head = urlExpressionText(object, constant);
  if (head === undefined || !/^(https?:\/\/|\/|\{\{)/.test(head)) return undefined;
  let out = head;
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const t = urlExpressionText(a, constant);
    if (t === undefined) return undefined;
    out += t;
  }
  return out;
}

/** `'{a}/x/{}'.format(a=v, w)`: each field replaced by its argument's text (named, numbered or in turn). */
function formatText(object: Node, call: Node, constant?: (name: Node) => string | undefined): string | undefined {
  const template = stringLiteral(object)?.value;
  const list = call.childForFieldName('arguments');
  if (template === undefined || !list) return undefined;
  const positional: Node[] = [];
  const named = new Map<string, Node>();
  for (const a of list.namedChildren) {
    if (a.type === 'keyword_argument') {
      const key = a.childForFieldName('name');
      const value = a.childForFieldName('value');
      if (key && value) named.set(key.text, value);
    } else if (a.type !== 'comment') positional.push(a);
  }
  let next = 0;
  let failed = false;
  const out = template.replace(/\{([^{}]*)\}/g, (_, field: string) => {
    const name = field.split(/[.[!:]/)[0];
    const arg = name === '' ? positional[next++] : /^\d+$/.test(name) ? positional[Number(name)] : named.get(name);
    const text = arg && urlExpressionText(arg, constant);
    if (text === undefined) failed = true;
    return text ?? '';
  });
  return failed ? undefined : out;
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
  return FUNCTIONS.has(node.type);
}

/** True when `inner` lies within `outer` (or is it): a node inside a call, an expression inside an argument. */
/** True when `n` is, or holds, an identifier (or a shorthand property `{ sha }`) named in `names`. */
export function mentions(n: Node, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const ids = n.type === 'identifier' ? [n] : n.descendantsOfType(['identifier', 'shorthand_property_identifier']);
  return ids.some((i) => names.has(i.text));
}

export function encloses(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** The index of the last node of `sorted` (by start) starting at or before `start`; -1 when none does. */
export function lastStartingBy(sorted: readonly Node[], start: number): number {
  return partitionPoint(sorted, (n) => n.startIndex <= start) - 1;
}
