/**
 * Options destructured in a function's signature: `async function graph(path, { method = 'GET', headers = {}, body }
 * = {})`, or one object holding everything, `jsonRequest({ url, method, body })`. Request helpers written this way send
 * what the caller's object names: `method` is the caller's `method` (else the default written here), `body` its
 * `body`. Real client code: a OneDrive store's `graph(path, { method, headers, body })`, a Dropbox sync's
 * `Runtime.jsonRequest({ url, method, body })`, a storage helper `requestStorage(path, { method, headers, body })`.
 */
import { unwrap, type Node } from './syntax';

/** One name a parameter destructures: the parameter's position, the member it reads and the default written. */
export interface DestructuredField {
  at: number;
  key: string;
  fallback?: Node;
}

/**
 * The names the function's parameters destructure from an object (`{ method = 'GET', headers: h, body }`), by local
 * name. A nested pattern or a rest element (`...rest`) names no one member: it is left out, and so is a parameter
 * list with a rest parameter before the pattern (positions would not hold).
 */
export function destructuredFields(fn: Node): Map<string, DestructuredField> {
  const out = new Map<string, DestructuredField>();
  const list = fn.childForFieldName('parameters');
  if (!list || list.type === 'identifier') return out;
  let at = 0;
  for (const p of list.namedChildren) {
    if (p.type === 'comment') continue;
    const pattern = objectPattern(p);
    if (pattern) for (const [name, field] of fieldsOf(pattern, at)) out.set(name, field);
    at++;
  }
  return out;
}

/** The object pattern a parameter is: `{ … }`, `{ … } = {}`, TypeScript's `{ … }: Options` / `{ … }?: Options`. */
function objectPattern(p: Node): Node | undefined {
  let n: Node | null = p;
  if (n.type === 'required_parameter' || n.type === 'optional_parameter') n = n.childForFieldName('pattern');
  if (n?.type === 'assignment_pattern') n = n.childForFieldName('left');
  return n?.type === 'object_pattern' ? n : undefined;
}

function fieldsOf(pattern: Node, at: number): Array<[string, DestructuredField]> {
  const out: Array<[string, DestructuredField]> = [];
  for (const m of pattern.namedChildren) {
    if (m.type === 'shorthand_property_identifier_pattern') out.push([m.text, { at, key: m.text }]);
    else if (m.type === 'object_assignment_pattern') {
      const left = m.childForFieldName('left');
      const right = m.childForFieldName('right');
      if (left?.type === 'shorthand_property_identifier_pattern') out.push([left.text, { at, key: left.text, ...(right ? { fallback: right } : {}) }]);
    } else if (m.type === 'pair_pattern') {
      const key = m.childForFieldName('key');
      let value = m.childForFieldName('value');
      let fallback: Node | undefined;
      if (value?.type === 'assignment_pattern') {
        fallback = value.childForFieldName('right') ?? undefined;
        value = value.childForFieldName('left');
      }
      const keyText = key && (key.type === 'property_identifier' ? key.text : unwrapString(key));
      if (keyText && value?.type === 'identifier') out.push([value.text, { at, key: keyText, ...(fallback ? { fallback } : {}) }]);
    }
  }
  return out;
}

/** A quoted key's text (`'method': m`). */
function unwrapString(key: Node): string | undefined {
  const n = unwrap(key);
  return n.type === 'string' ? n.text.slice(1, -1) : undefined;
}
