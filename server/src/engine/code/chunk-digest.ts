/**
 * What the rest of a file can learn from one top-level statement (a "chunk": a function, a class, an import, a
 * statement), and what decides whether its own calls are HTTP calls. The analysis of an HTTP call reads outside
 * its own chunk only through these: bindings and their values (assignments), module names (imports,
 * `require`), callee texts (header mutations, `setHeader` chains), function names and parameters (a local
 * `fetch`), comments (directives), the first quotes of strings (the quote style of fixes), the line break style,
 * and whole-text tests (`name.` / `name[` after a definition, `.interceptors` / `.defaults` / `.headers` /
 * `.hooks`, a `fetch` parameter). Each fact carries its function depth, so the nesting of functions, bindings and
 * calls is fixed too (which binding a call's callee resolves to). Two versions of a chunk with equal digests, the
 * old one holding no HTTP call, leave every chunk's analysis as it was. A new whole-file read in the analysis
 * must be added here: test/code/incremental-code.test.ts compares with a full lint after random edits.
 */
import { calleeText, FUNCTION_TYPES, unwrap, type Node } from './syntax';

const CALLS = new Set(['call_expression', 'new_expression', 'call']);
const ASSIGNMENTS = new Set(['variable_declarator', 'assignment_expression', 'assignment', 'with_item', 'import_statement', 'import_from_statement']);
const FUNCTIONS = new Set(FUNCTION_TYPES);
const TYPES = [...CALLS, ...ASSIGNMENTS, ...FUNCTIONS, 'comment', 'string', 'template_string'];

/** Callees other chunks compare as written: names and member paths (`h.set`, `req.setHeader`). */
const SIMPLE_CALLEE = /^[\w$.]*$/;
/** Lines whose text the whole-text tests read. */
const TELLING_LINE = /fetch|interceptors|defaults|headers|hooks/;
/** A name followed by `.` or `[`: the test before looking for mutations of an object after its definition. */
const NAME_ACCESS = /(?:^|[^\w.$])([A-Za-z_$][\w$]*)\s*[.[]/g;

/** Everything above as one string: equal strings, equal facts. */
export function chunkDigest(chunk: Node, text: string): string {
  const own = text.slice(chunk.startIndex, chunk.endIndex);
  const parts: string[] = [];
  const nodes = chunk.descendantsOfType(TYPES);
  if (TYPES.includes(chunk.type) && nodes[0]?.id !== chunk.id) nodes.unshift(chunk);
  const functions = nodes.filter((n) => FUNCTIONS.has(n.type)).map((f) => [f.startIndex, f.endIndex]);
  const depth = (n: Node) => functions.filter(([start, end]) => start <= n.startIndex && n.endIndex <= end && !(start === n.startIndex && end === n.endIndex)).length;
  for (const n of nodes) {
    const d = depth(n);
    parts.push(`${d}${fact(n, d > 0)}`);
  }
  for (const line of own.split('\n')) if (TELLING_LINE.test(line)) parts.push(`l:${line}`);
  for (const m of own.matchAll(NAME_ACCESS)) parts.push(`n:${m[1]}`);
  if (own.includes('\r\n')) parts.push('crlf');
  return parts.join('\u0000');
}

function fact(n: Node, inFunction: boolean): string {
  if (CALLS.has(n.type)) {
    const f = n.childForFieldName(n.type === 'new_expression' ? 'constructor' : 'function');
    return `c:${n.type}:${f ? shownCallee(f) : ''}(${n.childForFieldName('arguments')?.type ?? ''})`;
  }
  if (FUNCTIONS.has(n.type)) {
    const params = n.childForFieldName('parameters') ?? n.childForFieldName('parameter');
    return `f:${n.type}:${n.childForFieldName('name')?.text ?? ''}(${params?.text ?? ''})`;
  }
  if (n.type === 'string' || n.type === 'template_string') return `s:${n.text.slice(0, 6)}`;
  return (inFunction ? localBinding(n) : undefined) ?? `a:${n.text}`;
}

/**
 * A plain name given a value inside a function: only code in that function looks the value up, and only to see
 * which call made it (a client from a factory); the rest of the file learns that the name is bound somewhere
 * (`Scopes.all`). Member targets (`this.api`, `h.x`), patterns, `require` and top-level bindings are read from
 * elsewhere: their whole text counts.
 */
function localBinding(n: Node): string | undefined {
  if (n.type !== 'variable_declarator' && n.type !== 'assignment_expression' && n.type !== 'assignment') return undefined;
  const target = n.childForFieldName(n.type === 'variable_declarator' ? 'name' : 'left');
  const value = n.childForFieldName(n.type === 'variable_declarator' ? 'value' : 'right');
  if (target?.type !== 'identifier' || /\brequire\s*\(/.test(n.text)) return undefined;
  const made = value && unwrap(value);
  const callee = made && CALLS.has(made.type) ? made.childForFieldName(made.type === 'new_expression' ? 'constructor' : 'function') : null;
  return `k:${target.text}=${value?.type ?? ''}:${callee ? shownCallee(callee) : ''}`;
}

/**
 * A callee as written when it is a name or a member path; of another (`xs.map(…).filter`) only the last name,
 * which is all `mayBeHttpCall` and the factories read (the calls inside it are facts of their own).
 */
function shownCallee(f: Node): string {
  const callee = calleeText(f);
  return SIMPLE_CALLEE.test(callee) ? callee : `…${callee.slice(callee.lastIndexOf('.') + 1)}`;
}
