/**
 * What an SDK write does with the result of a read of the same object earlier in its function, for the two forms
 * that are no lost update although a read came first (lessons from real code):
 * - the write sits in the arm where the read found nothing (`found = es.get(…)` … `if found: es.update(…) else:
 *   es.index(…)`, `if not item: container.upsert_item(…)`), or in the handler of a `try` whose block reads the object
 *   (`try: s3.get_object(…) except: s3.put_object(…, Body=b'[]')`): it creates what the read did not find;
 * - the write sends nothing the read returned: a partial update (Elasticsearch `update(doc=…)` after `doc_ = es.get(…)`
 *   is only printed) sets the fields it names, whatever they were; a whole write after an existence check
 *   (`found = table.get_item(…)`, `if 'Item' in found: return`, then `put_item(Item={…fresh…})`) stores what the code
 *   decided. Neither writes back anything it read.
 * Both are told from the names the read's result is assigned to in the function around the write, or given to when
 * that function is the read's completion callback (`ref.once('value', (snapshot) => …)`), and the names a Firebase
 * snapshot's accessors hand it on to (`const counts = snapshot.val()`). Which arm runs on a miss is missing-arm.ts's
 * to tell (plain HTTP reads ask it too: created-after-miss.ts).
 */
import { completedRead } from './completion-callbacks';
import type { CodeContext } from './context';
import { inMissingArm } from './missing-arm';
import { parameterNames } from './local-functions';
import { assignedAfter, followValue } from './options';
import { mentions, unwrap, type Node } from './syntax';

/** The URL of the object an SDK read named when `value` is that read (or a name holding its result: sdk-calls.ts). */
export type ReadUrl = (value: Node) => string | undefined;

export interface ReadUse {
  /** A same-object read came first in the write's function (its result is held by a name there). */
  readFirst: boolean;
  /** The write is in the arm where a same-object read found nothing. */
  createsAfterMiss: boolean;
  /** A same-object read came first and the body mentions nothing it returned. */
  sendsNothingRead: boolean;
  /**
   * A same-object read came first and the body is an object none of whose members is a member of the read that it
   * uses (`{"body_vector": encode(hit["_source"]["body"])}`): fields derived from others, none written back.
   */
  writesOnlyDerived: boolean;
}

const ASSIGNMENTS = ['assignment', 'variable_declarator', 'assignment_expression'];

export function readUse(call: Node, url: string, body: Node | undefined, ctx: CodeContext, urlOf: ReadUrl): ReadUse | undefined {
  const fn = ctx.scopes.functionOf(call);
  const names = new Set<string>(callbackResult(fn, url, ctx, urlOf));
  for (const a of fn.descendantsOfType(ASSIGNMENTS)) {
    if (a.startIndex >= call.startIndex || ctx.scopes.functionOf(a).id !== fn.id) continue;
    const left = a.childForFieldName(a.type === 'variable_declarator' ? 'name' : 'left');
    const right = a.childForFieldName(a.type === 'variable_declarator' ? 'value' : 'right');
    if (!left || !right) continue;
    const holdsRead = urlOf(right) === url || unpacks(right, names) || memberOfRead(right, names);
    if (left.type === 'identifier' && holdsRead) names.add(left.text);
    // `const { _source } = await client.get(…)`: each name the pattern binds holds part of what was read.
    else if ((left.type === 'object_pattern' || left.type === 'array_pattern') && holdsRead) for (const n of boundNames(left)) names.add(n);
  }
  // `for item in container.query_items(…)`: the loop's variable holds each item read.
  for (const loop of fn.descendantsOfType(['for_statement', 'for_in_statement'])) {
    const target = loop.childForFieldName('left');
    const over = loop.childForFieldName('right');
    if (target?.type === 'identifier' && over && loop.startIndex < call.startIndex && ctx.scopes.functionOf(loop).id === fn.id && urlOf(over) === url) names.add(target.text);
  }
  const missing = inMissingArm(call, fn, (tested) => (tested.type === 'identifier' ? names.has(tested.text) : urlOf(tested) === url));
  if (names.size === 0) return missing ? { readFirst: false, createsAfterMiss: true, sendsNothingRead: false, writesOnlyDerived: false } : undefined;
  return {
    readFirst: true,
    createsAfterMiss: missing,
    sendsNothingRead: body !== undefined && !mentionsRead(body, names, ctx),
    writesOnlyDerived: body !== undefined && derivedOnly(body, names, ctx),
  };
}

/**
 * The parameter through which a completion callback is given the result of a read of the object (`ref.once('value',
 * (snapshot) => …)`, `getDoc(ref).then((snap) => …)`): it holds what was read, as a name assigned the read would.
 */
function callbackResult(fn: Node, url: string, ctx: CodeContext, urlOf: ReadUrl): string[] {
  const read = completedRead(fn, ctx);
  const param = read && urlOf(read) === url ? parameterNames(fn)[0] : undefined;
  return param ? [param] : [];
}

/**
 * A Firebase snapshot's accessors hand on what the read returned: `snapshot.val()`, `snap.data()` (and `.get(field)`),
 * Python's `doc.to_dict()`, of a name holding the read.
 */
const SNAPSHOT_ACCESSORS = new Set(['val', 'data', 'get', 'to_dict']);

function unpacks(value: Node, names: ReadonlySet<string>): boolean {
  const n = unwrap(value);
  const callee = n.type === 'call_expression' ? n.childForFieldName('function') : undefined;
  const object = callee?.type === 'member_expression' ? callee.childForFieldName('object') : undefined;
  const property = callee?.childForFieldName('property')?.text;
  return !!object && object.type === 'identifier' && names.has(object.text) && !!property && SNAPSHOT_ACCESSORS.has(property);
}

/**
 * A member of a name holding the read (`post = response._source`, `doc = r.body?._source`): it holds part of what was
 * read, as the name does.
 */
function memberOfRead(value: Node, names: ReadonlySet<string>): boolean {
  let n = unwrap(value);
  if (!ACCESSES.has(n.type)) return false;
  while (ACCESSES.has(n.type) && n.namedChildren[0]) n = unwrap(n.namedChildren[0]);
  return n.type === 'identifier' && names.has(n.text);
}

/** The names a destructuring pattern binds (`{ _source, _seq_no: seq }`, `[first]`), not its default values. */
function boundNames(pattern: Node): string[] {
  return pattern.descendantsOfType(['shorthand_property_identifier_pattern', 'identifier'])
    .filter((n) => n.parent?.type !== 'pair_pattern' || n.parent.childForFieldName('value')?.id === n.id)
    .filter((n) => n.parent?.type !== 'assignment_pattern' || n.parent.childForFieldName('left')?.id === n.id)
    .map((n) => n.text);
}

/**
 * True when `body`, or a value a name in it holds, mentions one of `names` — through a few names in a row (`entity =
 * {'Total': total}` after `total = current.Total + n`: the entity carries what `current` held).
 */
function mentionsRead(body: Node, names: ReadonlySet<string>, ctx: CodeContext): boolean {
  return carriesValue(body, (n) => mentions(n, names), ctx);
}

/**
 * True when `value`, or a value a name in it holds (a few names in a row), passes `test`: what a write sends carries
 * what a read returned (sdk-helper-pairs.ts asks whether it carries a helper's call).
 */
export function carriesValue(value: Node, test: (n: Node) => boolean, ctx: CodeContext, depth = 0): boolean {
  if (test(value)) return true;
  if (depth >= 3) return false;
  // `{ doc: { claps } }` gives the name `claps` as a shorthand property: its value is what the name holds.
  const ids = value.type === 'identifier' ? [value] : value.descendantsOfType(['identifier', 'shorthand_property_identifier']);
  // `updates = {}` then `updates[key] = count + 1`: the members given to a name after it was made are in it too.
  return ids.some((id) => heldValues(id, ctx).some((held) => carriesValue(held, test, ctx, depth + 1))
    || assignedAfter(id, ctx).some((a) => carriesValue(a.value, test, ctx, depth + 1)));
}

/**
 * Every value the name `id` was given in its function before it is used, whichever branch gave it (`try: n =
 * row.get('n', 0)` / `except: n = 0`: the write may send either); where its function gives it none, the value it holds
 * from the functions around it.
 */
function heldValues(id: Node, ctx: CodeContext): Node[] {
  const fn = ctx.scopes.functionOf(id);
  const own = (ctx.scopes.all.get(id.text) ?? [])
    .filter((b) => b.path.length === 0 && b.scope.id === fn.id && b.end <= id.startIndex).map((b) => b.value);
  if (own.length > 0) return own;
  const held = followValue(id, ctx);
  return held.id !== id.id ? [held] : [];
}

/** A string key's quotes, and a Python string's prefix (`u'supply'` is the key `supply`). */
const STRING_QUOTES = /^[uUbBrR]?['"]|['"]$/g;

/** Accesses of a member: Python `x["k"]`, `x.k`; JS `x.k`, `x["k"]`. */
const ACCESSES = new Set(['subscript', 'attribute', 'member_expression', 'subscript_expression']);

/**
 * True when `body` is an object (or `{"doc": {…}}` around one) whose member names are none of the members of a read
 * result its values use, and its values use the read only through members: what it writes is derived from other
 * fields. A read used whole (`{**hit}`, `hit` itself) or not at all answers false.
 */
function derivedOnly(body: Node, names: ReadonlySet<string>, ctx: CodeContext): boolean {
  let obj = unwrap(followValue(body, ctx));
  const members = memberNames(obj);
  if (members?.size === 1 && members.has('doc')) obj = unwrap(followValue(pairs(obj)[0].value, ctx));
  const written = memberNames(obj);
  if (!written || written.size === 0) return false;
  const used = new Set<string>();
  const whole = pairs(obj).some((p) => !readMembers(p.value, names, ctx, used, 0));
  return !whole && used.size > 0 && ![...written].some((k) => used.has(k));
}

/** The pairs of an object or dict literal, as key text (quotes dropped) and value. */
function pairs(obj: Node): { key: string; value: Node }[] {
  return obj.namedChildren.flatMap((p) => {
    const key = p.type === 'pair' ? p.childForFieldName('key') : p.type === 'shorthand_property_identifier' ? p : null;
    const value = p.type === 'pair' ? p.childForFieldName('value') : p;
    return key && value ? [{ key: key.text.replace(STRING_QUOTES, ''), value }] : [];
  });
}

function memberNames(obj: Node): Set<string> | undefined {
  if (obj.type !== 'object' && obj.type !== 'dictionary') return undefined;
  const all = pairs(obj);
  // A spread (`...x`, `**x`) writes members the analysis cannot name.
  return all.length === obj.namedChildren.filter((c) => c.type !== 'comment').length ? new Set(all.map((p) => p.key)) : undefined;
}

/**
 * Collects into `used` the member names through which `value` uses a read result (following names it holds, a few
 * levels deep); false when it uses a read result whole.
 */
function readMembers(value: Node, names: ReadonlySet<string>, ctx: CodeContext, used: Set<string>, depth: number): boolean {
  if (depth > 3) return true;
  const ids = value.type === 'identifier' ? [value] : value.descendantsOfType('identifier');
  for (const id of ids) {
    if (names.has(id.text)) {
      if (!membersAccessed(id, used)) return false;
      continue;
    }
    // `data.get('category')` where `data = doc.to_dict()`: a name holding the whole contents, used through a member.
    const held = heldValues(id, ctx);
    if (held.length > 0 && held.every((h) => wholeContents(h, names)) && membersAccessed(id, used)) continue;
    for (const h of held) if (!readMembers(h, names, ctx, used, depth + 1)) return false;
  }
  return true;
}

/** Adds the members the accesses on `id` read (`id.likes`, `id.data().likes`, `id.get('count')`); false if none. */
function membersAccessed(id: Node, used: Set<string>): boolean {
  let at = id;
  const before = used.size;
  while (at.parent && ACCESSES.has(at.parent.type) && at.parent.namedChildren[0]?.id === at.id) {
    // `snap.data().likes`, `doc.to_dict()['count']`: the snapshot's contents, whose member is the field read.
    const contents = snapshotContents(at.parent);
    if (contents) {
      at = contents;
      continue;
    }
    // `row.get('count', 0)` reads the member `count`, as `row['count']` does.
    const got = getterKey(at.parent);
    // `x._source?.claps`: the optional chain's `?.` is a child of its own; the member is the property.
    const key = got ?? at.parent.childForFieldName('property') ?? at.parent.childForFieldName('index') ?? at.parent.namedChildren[1];
    if (key) used.add(key.text.replace(STRING_QUOTES, ''));
    if (got) break;
    at = at.parent;
  }
  return used.size > before;
}

/** True when `value` is a read result whole: a name holding it, or its snapshot's contents (`doc.to_dict()`, `snap.data()`). */
function wholeContents(value: Node, names: ReadonlySet<string>): boolean {
  const n = unwrap(value);
  if (n.type === 'identifier') return names.has(n.text);
  const callee = n.type === 'call' || n.type === 'call_expression' ? n.childForFieldName('function') : undefined;
  const object = callee && snapshotContents(callee) ? callee.childForFieldName('object') : undefined;
  return !!object && unwrap(object).type === 'identifier' && names.has(unwrap(object).text);
}

/** A snapshot's accessors that return its whole contents: Firestore's `data()` (Python `to_dict()`), the Realtime Database's `val()`. */
const CONTENTS = new Set(['data', 'val', 'to_dict']);

/** The call `x.data()` / `x.to_dict()` / `x.val()`, given its `x.data` member node: the contents of the snapshot `x`. */
function snapshotContents(access: Node): Node | undefined {
  if (!CONTENTS.has((access.childForFieldName('property') ?? access.childForFieldName('attribute'))?.text ?? '')) return undefined;
  const call = access.parent;
  return call && (call.type === 'call' || call.type === 'call_expression') && call.childForFieldName('function')?.id === access.id
    && (call.childForFieldName('arguments')?.namedChildren.length ?? 0) === 0 ? call : undefined;
}

/** The key of `x.get('key', …)` (a Python dict's, a Firestore snapshot's getter), given the `x.get` member node. */
function getterKey(access: Node): Node | undefined {
  if ((access.childForFieldName('property') ?? access.childForFieldName('attribute'))?.text !== 'get') return undefined;
  const call = access.parent;
  const first = call && (call.type === 'call' || call.type === 'call_expression') && call.childForFieldName('function')?.id === access.id
    ? call.childForFieldName('arguments')?.namedChildren[0] : undefined;
  return first?.type === 'string' ? first : undefined;
}
