/**
 * Whether a statement runs only where a read found nothing: in the arm of an `if` that tests the read's result (or
 * its response's status) empty, or in the handler of a `try` whose block reads. A write there creates what the read
 * did not find; it writes back nothing that was read. Used for SDK reads (sdk-read-results.ts) and for plain HTTP
 * reads (read-modify-write.ts): `const cur = await axios.get(u).catch(() => null); if (cur) … else <create>`,
 * `r = requests.get(u)` then `if r.status_code == 404: <create>`.
 */
import { unwrap, type Node } from './syntax';

/** The clauses of a `try` that run when its block raised (Python `except`, JS `catch`). */
const HANDLERS = new Set(['except_clause', 'except_group_clause', 'catch_clause']);

/**
 * True when `call` runs only where the object is missing: a name holding the read's result, or the read itself
 * (`blob.exists()`), tested empty — `if x: … else: <call>`, `if not x: <call>`, `if (!x) <call>`, `if r.status_code ==
 * 404: <call>`, `if (!res.ok) <call>` — or in the handler of a `try` whose block reads the object (the read raised:
 * no such key). A create there writes a fresh value the write after the `try` then builds on (real code: an S3 JSON
 * list put as `[]` when the read failed, then appended to). So does `fn` itself when it is the rejection handler of a
 * promise chain that starts with the read (`read.then(…).catch(fn)`, `read.then(ok, fn)`): it is given an error,
 * nothing that was read (real code: an S3 list created in the `.catch` of its GetObjectCommand's chain).
 */
export function inMissingArm(call: Node, fn: Node, isRead: (tested: Node) => boolean): boolean {
  for (let child = call, at = call.parent; at && at.id !== fn.id; child = at, at = at.parent) {
    if (at.type === 'try_statement' && HANDLERS.has(child.type) && readsIn(at.childForFieldName('body'), isRead)) return true;
    if (at.type !== 'if_statement') continue;
    const inElse = child.type === 'else_clause' || child.id === at.childForFieldName('alternative')?.id;
    if (testsOf(at.childForFieldName('condition')).some((t) => isRead(t.node) && inElse === t.present)) return true;
  }
  const rejected = rejectedChain(fn);
  return rejected !== undefined && isRead(rejected);
}

/** Methods of a promise that hand it on to the next link of a chain. */
const LINKS = new Set(['then', 'catch', 'finally']);

/** The call a promise chain starts with, when `fn` is its rejection handler: `.catch(fn)`, or `.then(ok, fn)`. */
function rejectedChain(fn: Node): Node | undefined {
  const args = fn.parent;
  const link = args?.type === 'arguments' ? args.parent : undefined;
  const callee = link?.type === 'call_expression' ? link.childForFieldName('function') : undefined;
  const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
  const position = args ? args.namedChildren.findIndex((a) => a.id === fn.id) : -1;
  if (!(method === 'catch' && position === 0) && !(method === 'then' && position === 1)) return undefined;
  let start = callee?.childForFieldName('object');
  for (let n = start && unwrap(start); n?.type === 'call_expression'; n = start && unwrap(start)) {
    const f = n.childForFieldName('function');
    if (f?.type !== 'member_expression' || !LINKS.has(f.childForFieldName('property')?.text ?? '')) break;
    start = f.childForFieldName('object');
  }
  return start ? unwrap(start) : undefined;
}

/**
 * The tests a condition makes: one, or those of a conjunction that say what its `else` runs on (`if (cur && cur.data)
 * … else <create>`: the else runs when `cur` is empty) and of a disjunction that say what its body runs on (`if (!cur
 * || !cur.data) <create>`).
 */
function testsOf(condition: Node | null): { node: Node; present: boolean }[] {
  const n = condition && unwrap(condition);
  if (!n) return [];
  const op = n.type === 'boolean_operator' || n.type === 'binary_expression' ? n.childForFieldName('operator')?.text : undefined;
  if (op === '&&' || op === 'and' || op === '||' || op === 'or') {
    const present = op === '&&' || op === 'and';
    return [n.childForFieldName('left'), n.childForFieldName('right')].flatMap(testsOf).filter((t) => t.present === present);
  }
  const t = tested(n);
  return t ? [t] : [];
}

/** True when a call in `block` is the read (a `try`'s block, searched only for a write in one of its handlers). */
function readsIn(block: Node | null, isRead: (tested: Node) => boolean): boolean {
  return !!block && block.descendantsOfType(['call', 'call_expression']).some(isRead);
}

/**
 * `x`, `x is not None`, `x != null` test that `x` holds something; `not x`, `x is None`, `!x` that it does not. A
 * response says so by its status: `r.status_code == 404`, `res.status !== 200`, `!res.ok` test that nothing was found.
 */
function tested(condition: Node | null): { node: Node; present: boolean } | undefined {
  let n = condition && unwrap(condition);
  if (!n) return undefined;
  let present = true;
  if (n.type === 'not_operator' || (n.type === 'unary_expression' && n.text.startsWith('!'))) {
    present = false;
    n = unwrap(n.childForFieldName('argument') ?? n.lastNamedChild ?? n);
  } else if (n.type === 'comparison_operator' || n.type === 'binary_expression') {
    const status = statusTest(n);
    if (status) return status;
    const m = /^(.*?)\s*(is\s+not|is|!==?|===?)\s*(None|null|undefined)$/s.exec(n.text);
    const left = n.namedChildren[0];
    if (!m || !left) return undefined;
    present = m[2].startsWith('!') || m[2] === 'is not';
    n = unwrap(left);
  }
  // A Firestore snapshot says whether the document was there: `snap.exists()` (modular), `doc.exists` (namespaced);
  // a fetch / requests response by `ok`.
  n = memberTest(n, 'exists') ?? memberTest(n, 'ok') ?? n;
  return n.type === 'identifier' || n.type === 'call' || n.type === 'call_expression' || n.type === 'await' || n.type === 'await_expression'
    ? { node: n, present } : undefined;
}

/** The object an `x.exists()` / `x.exists` (or `x.ok`) test asks about, when it is a name. */
function memberTest(n: Node, property: string): Node | undefined {
  const member = n.type === 'call_expression' ? n.childForFieldName('function') : n;
  const isMember = member?.type === 'member_expression' || member?.type === 'attribute';
  const name = member && (member.childForFieldName('property') ?? member.childForFieldName('attribute'));
  if (!isMember || name?.text !== property) return undefined;
  const object = member.childForFieldName('object');
  return object?.type === 'identifier' ? object : undefined;
}

/** The status properties of a response: fetch / axios `status`, requests / httpx `status_code`, Node `statusCode`. */
const STATUS = /^([A-Za-z_$][\w$]*)\.(?:status|status_code|statusCode)$/;
/** What a status compared for equality says: 404 that nothing was found, a 2xx that something was. */
const FOUND: Readonly<Record<string, boolean>> = { '404': false, '410': false, '200': true, '201': true, '204': true };

/** `r.status_code == 404`, `404 === res.status`, `res.status !== 200`: the response and whether it found the object. */
function statusTest(n: Node): { node: Node; present: boolean } | undefined {
  const [a, b] = n.namedChildren;
  const op = n.childForFieldName('operator')?.text ?? n.children.find((c) => /^[=!]=/.test(c.type))?.type;
  if (!a || !b || !op) return undefined;
  const [side, code] = STATUS.test(a.text) ? [a, b.text] : STATUS.test(b.text) ? [b, a.text] : [undefined, undefined];
  const found = code === undefined ? undefined : FOUND[code];
  const object = side && (side.childForFieldName('object') ?? side.namedChildren[0]);
  if (found === undefined || object?.type !== 'identifier' || !/^[=!]==?$/.test(op)) return undefined;
  return { node: object, present: op.startsWith('=') ? found : !found };
}
