/**
 * A guard fetched right before the write protects nothing: the code GETs the resource only to take its version (the
 * `sha` GitHub's contents API asks for, an ETag for If-Match) and PUTs data that did not come from that read — a
 * page's state loaded earlier, the request a route was sent. The check compares the version with itself a few
 * milliseconds later: it cannot fail, and a change saved since the data was loaded is overwritten unseen. Real code:
 * GitHub-contents saves that "first get the current file to get its SHA". Only a whole replacement (PUT) whose guard
 * is a body field of the service counts, in the same function as the read, when nothing else the write sends comes
 * from the read's response. Content read from a local file, where nothing else in the file reads the resource, is a
 * publisher's (a log or a generated page pushed from disk): it replaces the file by design, no finding (real code: a
 * SIEM log published to a GitHub Pages repository; the SDK form already needed a load elsewhere to count).
 */
import type { RequestModel } from '../model/types';
import { serviceOf } from '../services/recognise';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import type { RequestIndexOf } from './etag-flow';
import { assignedAfter, followValue, readObject } from './options';
import { sentBody } from './sent-body';
import { parameterNames } from './local-functions';
import { readsLocalFile } from './local-file-reads';
import { encloses, mentions, unwrap, type Node } from './syntax';

const MAX_DEPTH = 6;
const DECLARED = new Set(['variable_declarator', 'assignment_expression', 'assignment', 'augmented_assignment_expression']);

/** Marks each PUT whose guard was fetched right before it (`RequestModel.guardFetched`). */
export function markFetchedGuards(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext, requestOf: RequestIndexOf): void {
  requests.forEach((req, i) => {
    const call = calls[i];
    if (req.method !== 'PUT' || !call || call.via || req.target === undefined) return;
    const guard = guardOf(req, call, ctx, requestOf) ?? sdkGuardOf(call, ctx, requestOf);
    if (!guard) return;
    const read = requests[guard.read];
    const fn = ctx.scopes.functionOf(call.call);
    if (!read || (read.method !== 'GET' && read.method !== 'HEAD') || read.target !== req.target || read.index >= req.index) return;
    if (ctx.scopes.functionOf(calls[read.index].call).id !== fn.id || fn.id === ctx.index.root.id) return;
    const loadedBy = readElsewhere(read, requests, calls, fn, ctx);
    if (call.sdk && loadedBy === undefined) return;
    const derived = derivedNames(calls[read.index].call, fn, ctx);
    const data = guard.data.flatMap((d) => namesIn(d, ctx));
    if (data.length === 0 || data.some((n) => derived.has(n))) return;
    // Content read from a local file that nothing else in the file reads from the service (a log, a generated page
    // pushed from disk): the version is taken only to be allowed to replace it, and that is the intent.
    if (loadedBy === undefined && guard.data.some((d) => readsLocalFile(d, ctx))) return;
    if (guard.branch && onFreshBranch(guard.branch, call.call, fn, ctx)) return;
    req.guardFetched = { read: read.index, guard: guard.name, ...(loadedBy !== undefined ? { loadedBy } : {}) };
    // `saveDoc(path, data, sha)` that sends `freshSha` where `let freshSha = sha` was then re-fetched: the caller hands
    // over the version its data came with and the helper throws it away. Not a generic helper: the loss is its own.
    if (guard.given && givenParameter(guard.given, fn, ctx)) delete req.genericHelper;
  });
}

/**
 * True when the write names a branch (GitHub contents' `branch`) that the function created before it, with a POST of
 * `refs/heads/${branch}` to the git refs API: nobody else has written on a branch made a moment ago, so the sha read
 * right before serves only GitHub's update form (real code: agents that open a pull request with their own commits).
 */
function onFreshBranch(branch: Node, write: Node, fn: Node, ctx: CodeContext): boolean {
  const n = unwrap(branch);
  if (n.type !== 'identifier') return false;
  const made = new RegExp(`refs/heads/\\$?\\{${n.text}\\}`);
  return ctx.index.calls.some((c) => c.startIndex < write.startIndex && ctx.scopes.functionOf(c).id === fn.id && made.test(c.text));
}

/** True when `name` is given, somewhere in `fn`, the value of one of `fn`'s parameters (`let fresh = sha`). */
function givenParameter(name: Node, fn: Node, ctx: CodeContext): boolean {
  const n = unwrap(name);
  if (n.type !== 'identifier') return false;
  const params = parameterNames(fn);
  return (ctx.scopes.all.get(n.text) ?? []).some((b) => b.scope.id === fn.id && b.path.length === 0
    && unwrap(b.value).type === 'identifier' && params.includes(unwrap(b.value).text));
}

interface Guard {
  name: string;
  /** The request whose response the guard was taken from. */
  read: number;
  /** What the write sends besides the guard. */
  data: Node[];
  /** The expression the guard's value is sent as. */
  given?: Node;
  /** The `branch` the write names (GitHub contents). */
  branch?: Node;
}

/**
 * The write's one guard taken from a response: a body field the service reads (GitHub's `sha`, CouchDB's `_rev`).
 * An If-Match taken from a GET right before is left alone: it is what the "insert a GET" quick fix writes where no
 * read of the data is in scope, and a body of a few fields (`{ name }`) may be all the caller decided.
 */
function guardOf(req: RequestModel, call: HttpCall, ctx: CodeContext, requestOf: RequestIndexOf): Guard | undefined {
  const body = sentBody(call);
  const field = serviceOf(req)?.guards?.body;
  const object = field && body && readObject(body, ctx);
  if (!object || object.spread) return undefined;
  // `if (sha) body.sha = sha` before the call: a member the body is sent with.
  const later = assignedAfter(body, ctx).flatMap((a) => a.path.length === 1 && a.path[0] ? [[a.path[0], { key: a.key, value: a.value, whole: a.whole }] as const] : []);
  const entries = [...object.props.entries(), ...later];
  // The catalogue's pattern reads the body as written (CouchDB's `"_rev":` / `_rev:`): a key is tested as written so.
  const guards = entries.filter(([k]) => field.test(`${k}:`));
  if (guards.length !== 1) return undefined;
  const read = responseBehind(guards[0][1].value, ctx, requestOf);
  if (read === undefined) return undefined;
  const branch = entries.find(([k]) => k === 'branch')?.[1].value;
  return { name: `the ${guards[0][0]} field`, read, data: entries.filter((e) => e !== guards[0]).map(([, p]) => p.value), given: guards[0][1].value, branch };
}

/**
 * An SDK write's guard taken from a response (Octokit's `sha`: sdks-apps.ts): the one guard the call gives a value,
 * and the data it sends.
 */
function sdkGuardOf(call: HttpCall, ctx: CodeContext, requestOf: RequestIndexOf): Guard | undefined {
  const given = call.sdk?.guards.filter((g) => g.value) ?? [];
  if (given.length !== 1 || !call.sdk?.body) return undefined;
  const value = given[0].value!;
  const read = responseBehind(value, ctx, requestOf);
  if (read === undefined) return undefined;
  const key = value.type === 'shorthand_property_identifier' ? value.text : value.parent?.type === 'pair' ? value.parent.childForFieldName('key')?.text : given[0].param;
  return { name: key ? `the ${key} argument` : `its ${given[0].header}`, read, data: [call.sdk.body] };
}

/**
 * Another function of the file that reads the same object (`fetchJsonData(path)` beside
 * `updateJsonFile(path, data)`), so the data may well come from that read. An SDK write needs one: where nothing
 * else reads the object, the code writes content of its own (a bot's generated README, a config pushed from disk) and takes the version only to be
 * allowed to replace the file: that is the intent, not a lost update.
 */
function readElsewhere(read: RequestModel, requests: readonly RequestModel[], calls: readonly HttpCall[], fn: Node, ctx: CodeContext): number | undefined {
  return requests.find((r) => r !== read && (r.method === 'GET' || r.method === 'HEAD') && r.target === read.target
    && calls[r.index] !== undefined && ctx.scopes.functionOf(calls[r.index].call).id !== fn.id)?.index;
}

/**
 * The request whose response an expression reads (`currentFile.sha` where `currentFile = await res.json()` and
 * `res = await fetch(…)`, or `await fetch(…).then((r) => r.json())`).
 */
function responseBehind(node: Node, ctx: CodeContext, requestOf: RequestIndexOf, depth = 0): number | undefined {
  const n = unwrap(node);
  if (depth > MAX_DEPTH) return undefined;
  const direct = requestOf(n);
  if (direct !== undefined) return direct;
  if (n.type === 'identifier' || n.type === 'shorthand_property_identifier') {
    const b = ctx.scopes.lookup(n.text, n);
    return b ? responseBehind(b.value, ctx, requestOf, depth + 1) : undefined;
  }
  // tree-sitter reads `await (await fetch(u)).json()` as a call of a function named `await`: its argument is the inner.
  if (n.type === 'call_expression' && n.childForFieldName('function')?.text === 'await') {
    const argument = n.childForFieldName('arguments')?.firstNamedChild;
    return argument ? responseBehind(argument, ctx, requestOf, depth + 1) : undefined;
  }
  // `res.ok ? await res.json() : null`, Python `r.json()["sha"] if r.status_code == 200 else None`: the branch that
  // holds a response (a Python conditional's operands are its first and last).
  if (n.type === 'ternary_expression' || n.type === 'conditional_expression') {
    const branches = n.type === 'ternary_expression'
      ? [n.childForFieldName('consequence'), n.childForFieldName('alternative')]
      : [n.namedChildren[0], n.namedChildren[n.namedChildren.length - 1]];
    for (const b of branches) {
      const read = b ? responseBehind(b, ctx, requestOf, depth + 1) : undefined;
      if (read !== undefined) return read;
    }
    return undefined;
  }
  const inner = n.type === 'member_expression' || n.type === 'subscript_expression' || n.type === 'attribute' || n.type === 'subscript'
    ? n.childForFieldName('object') ?? n.childForFieldName('value')
    : n.type === 'await_expression' || n.type === 'await' ? n.firstNamedChild
      : n.type === 'call_expression' || n.type === 'call' ? n.childForFieldName('function') : undefined;
  return inner ? responseBehind(inner, ctx, requestOf, depth + 1) : undefined;
}

/**
 * The names in the function that hold something of the read's response: the one it is assigned to (and `seed`, names
 * given it otherwise: a completion callback's parameter), every name assigned (or mutated with a call, or given a
 * member: `patch[id] = …`) from one of those, and the variables of a loop over one of those (`for (const [id, order]
 * of Object.entries(data))`), to a fixed point. Generous on purpose: a name that may hold what was read means the
 * write may send it back, and then the guard is the read's own.
 */
export function derivedNames(read: Node, fn: Node, ctx: CodeContext, seed: Iterable<string> = []): Set<string> {
  const out = new Set<string>([...holdersOf(read, ctx), ...seed]);
  const steps = [...fn.descendantsOfType([...DECLARED, ...LOOPS]), ...fn.descendantsOfType(['call_expression', 'call'])];
  for (let changed = true; changed;) {
    changed = false;
    for (const s of steps) {
      if (s.startIndex < read.startIndex) continue;
      const [target, from] = DECLARED.has(s.type)
        ? [s.childForFieldName('name') ?? s.childForFieldName('left'), s.childForFieldName('value') ?? s.childForFieldName('right')]
        : LOOPS.has(s.type) ? [s.childForFieldName('left'), s.childForFieldName('right')] : [mutatedObject(s), s.childForFieldName('arguments')];
      if (!target || !from || !(mentions(from, out) || from.id === read.id || encloses(from, read))) continue;
      for (const name of boundBy(target)) {
        if (out.has(name)) continue;
        out.add(name);
        changed = true;
      }
    }
  }
  return out;
}

/** Loops whose variables take the items of what they run over (JS `for … of` / `for … in`, Python `for … in`). */
const LOOPS = new Set(['for_in_statement', 'for_statement']);

/** The names an assignment's target or a loop's variables bind: the root of `x.k` / `x[k]`, or a pattern's names. */
function boundBy(target: Node): string[] {
  const root = rootName(target);
  if (root) return [root];
  return PATTERNS.has(target.type) ? target.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).map((n) => n.text) : [];
}

/**
 * The names the read's result is assigned to, through `await` and `.then(…)` / `.json()` chains: one name, or each
 * name a destructuring pattern binds (`const { result } = await dbx.filesDownload(…)`, `const [raw] = …`).
 */
export function holdersOf(read: Node, ctx: CodeContext): string[] {
  const ancestors = ctx.ancestry.of(read);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (DECLARED.has(a.type)) {
      const t = a.childForFieldName('name') ?? a.childForFieldName('left');
      if (!t) return [];
      const root = rootName(t);
      if (root) return [root];
      return PATTERNS.has(t.type) ? t.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).map((n) => n.text) : [];
    }
    if (!['await_expression', 'await', 'parenthesized_expression', 'member_expression', 'call_expression', 'arguments', 'attribute', 'call'].includes(a.type)) return [];
  }
  return [];
}

const PATTERNS = new Set(['object_pattern', 'array_pattern', 'pattern_list', 'tuple_pattern', 'list_pattern']);

/** Methods that put their arguments into the object they are called on. */
const MUTATORS = new Set(['push', 'unshift', 'splice', 'set', 'add', 'append', 'extend', 'insert', 'update', 'concat']);

/** `queue.push(x)`, `doc.update(x)`, `Object.assign(doc, x)`: the object a call may put its arguments into. */
function mutatedObject(call: Node): Node | undefined {
  const f = call.childForFieldName('function');
  if (f?.text === 'Object.assign') return call.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
  if (!f || (f.type !== 'member_expression' && f.type !== 'attribute')) return undefined;
  const method = (f.childForFieldName('property') ?? f.childForFieldName('attribute'))?.text;
  return method && MUTATORS.has(method) ? f.childForFieldName('object') ?? undefined : undefined;
}

function rootName(n: Node): string | undefined {
  let x = unwrap(n);
  while (x.type === 'member_expression' || x.type === 'subscript_expression' || x.type === 'attribute' || x.type === 'subscript') {
    const o = x.childForFieldName('object') ?? x.childForFieldName('value');
    if (!o) return undefined;
    x = unwrap(o);
  }
  return x.type === 'identifier' ? x.text : undefined;
}


/** The names what the write sends is made of (literals only: none), and the names those hold in turn. */
function namesIn(node: Node, ctx: CodeContext, depth = 0): string[] {
  const n = unwrap(node);
  const ids = n.type === 'identifier' || n.type === 'shorthand_property_identifier' ? [n] : n.descendantsOfType(['identifier', 'shorthand_property_identifier']);
  const out: string[] = [];
  for (const id of ids) {
    out.push(id.text);
    const value = followValue(id, ctx);
    if (depth < 3 && value.id !== id.id) out.push(...namesIn(value, ctx, depth + 1));
  }
  return out;
}
