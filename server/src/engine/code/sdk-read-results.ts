/**
 * What an SDK write does with the result of a read of the same object earlier in its function, for the two forms
 * that are no lost update although a read came first (lessons from real code):
 * - the write sits in the arm where the read found nothing (`found = es.get(…)` … `if found: es.update(…) else:
 *   es.index(…)`, `if not item: container.upsert_item(…)`): it creates what the read did not find;
 * - a partial update (Elasticsearch `update(doc=…)`) sends nothing the read returned (`doc_ = es.get(…)` is only
 *   printed, then `es.update(…, body={'doc': {'status': status}})`): it sets the fields it names, whatever they were.
 * Both are told from the names the read's result is assigned to in the function around the write.
 */
import type { CodeContext } from './context';
import { followValue } from './options';
import { unwrap, type Node } from './syntax';

/** The URL of the object an SDK read named when `value` is that read's result (sdk-calls.ts). */
export type ReadUrl = (value: Node) => string | undefined;

export interface ReadUse {
  /** The write is in the arm where a same-object read found nothing. */
  createsAfterMiss: boolean;
  /** A same-object read came first and the body mentions nothing it returned. */
  sendsNothingRead: boolean;
}

const ASSIGNMENTS = ['assignment', 'variable_declarator', 'assignment_expression'];

export function readUse(call: Node, url: string, body: Node | undefined, ctx: CodeContext, urlOf: ReadUrl): ReadUse | undefined {
  const fn = ctx.scopes.functionOf(call);
  const names = new Set<string>();
  for (const a of fn.descendantsOfType(ASSIGNMENTS)) {
    if (a.startIndex >= call.startIndex || ctx.scopes.functionOf(a).id !== fn.id) continue;
    const left = a.childForFieldName(a.type === 'variable_declarator' ? 'name' : 'left');
    const right = a.childForFieldName(a.type === 'variable_declarator' ? 'value' : 'right');
    if (left?.type === 'identifier' && right && urlOf(right) === url) names.add(left.text);
  }
  if (names.size === 0) return undefined;
  return { createsAfterMiss: inMissingArm(call, names, fn), sendsNothingRead: body !== undefined && !mentions(body, names, ctx) };
}

/** True when `call` runs only where one of `names` is empty: `if x: … else: <call>`, `if not x: <call>`, `if (!x) <call>`. */
function inMissingArm(call: Node, names: ReadonlySet<string>, fn: Node): boolean {
  for (let child = call, at = call.parent; at && at.id !== fn.id; child = at, at = at.parent) {
    if (at.type !== 'if_statement') continue;
    const test = testedName(at.childForFieldName('condition'));
    if (!test || !names.has(test.name)) continue;
    const inElse = child.type === 'else_clause' || child.id === at.childForFieldName('alternative')?.id;
    if (inElse === test.present) return true;
  }
  return false;
}

/** `x`, `x is not None`, `x != null` test that `x` holds something; `not x`, `x is None`, `!x` that it does not. */
function testedName(condition: Node | null): { name: string; present: boolean } | undefined {
  if (!condition) return undefined;
  const text = unwrap(condition).text.replace(/^\((.*)\)$/s, '$1').trim();
  let m = /^([A-Za-z_$][\w$]*)(?:\s+is\s+not\s+None|\s*!==?\s*(?:null|undefined|None))?$/.exec(text);
  if (m) return { name: m[1], present: true };
  m = /^(?:not\s+|!\s*)([A-Za-z_$][\w$]*)$|^([A-Za-z_$][\w$]*)(?:\s+is\s+None|\s*===?\s*(?:null|undefined|None))$/.exec(text);
  return m ? { name: m[1] ?? m[2], present: false } : undefined;
}

/** True when `body` (or a value a name in it holds) mentions one of `names`. */
function mentions(body: Node, names: ReadonlySet<string>, ctx: CodeContext): boolean {
  const ids = (n: Node) => (n.type === 'identifier' ? [n] : n.descendantsOfType('identifier'));
  for (const id of ids(body)) {
    if (names.has(id.text)) return true;
    const held = followValue(id, ctx);
    if (held.id !== id.id && ids(held).some((n) => names.has(n.text))) return true;
  }
  return false;
}
