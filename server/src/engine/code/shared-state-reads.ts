/**
 * A read and a write of one resource in two functions, joined by what the code keeps between them:
 * - a class's page loader (`componentDidMount`, `onInit`) reads the item and stores it (`this.setState({ item })`,
 *   `this.item = data`), the save handler writes `this.state.item` back: the edit-form read-modify-write — the user
 *   edits what was loaded, and a change saved meanwhile by someone else is overwritten unseen (SharePoint list forms,
 *   React edit pages);
 * - a listener or a loader keeps the value in a variable of an enclosing scope (`count = snapshot.val()` in a module's
 *   `on('value', …)`) or in a React state hook (`setLikes(snap.val())` for `const [likes, setLikes] = useState(0)`), and
 *   a click handler writes it back changed (`set(likesRef, likes + 1)`, `count++; ref.set({ count })`): the like
 *   button's lost update Firebase's documentation answers with `transaction()` and `increment()` — two visitors click
 *   on the same value, one click is lost.
 * Only a kept response counts: a loader that shows the item and a save that sends a fresh object are two operations.
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { derivedNames } from './fetched-guard';
import { parameterNames } from './local-functions';
import { followValue } from './options';
import { SDK_SERVICES } from './sdks';
import { sentBody } from './sent-body';
import { encloses, isFunction, unwrap, type Node } from './syntax';
import { startLineOf } from '../text/span';

const READS = new Set(['GET', 'HEAD']);
const WRITES = new Set(['PUT', 'PATCH', 'POST']);

/** Evidence for writes that send back what a read in another function kept on `this`, in a variable or in a state hook. */
export function sharedStateEvidence(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext, done: ReadonlySet<number>): DocumentEvidence[] {
  if (ctx.family !== 'js') return [];
  const stored = new Map<number, Set<string>>();
  const out: DocumentEvidence[] = [];
  // The file's state hooks, looked up once: most files have no write with a read in another function.
  let setters: Map<string, string> | undefined;
  for (const w of requests) {
    const call = calls[w.index];
    if (!call || done.has(w.index) || w.method === undefined || !WRITES.has(w.method) || w.target === undefined) continue;
    const fn = ctx.scopes.functionOf(call.call);
    // The reads of this object (or, in a database of paths, of a path below it) in other functions: asked first, as
    // most writes have none and what they send need not be read then.
    const below = call.sdk && SDK_SERVICES[call.sdk.sdk]?.paths ? `${w.target}/` : undefined;
    const reads = requests.filter((r) => {
      const rc = calls[r.index];
      return rc && r.method !== undefined && READS.has(r.method) && r.target !== undefined
        && (r.target === w.target || (below !== undefined && r.target.startsWith(below))) && ctx.scopes.functionOf(rc.call).id !== fn.id;
    });
    const body = reads.length > 0 ? sentBody(call) : undefined;
    if (!body) continue;
    setters ??= stateSetters(ctx);
    const sent = sentMembers(body, fn, setters, ctx);
    if (sent.size === 0) continue;
    const read = reads.find((r) => {
      let keys = stored.get(r.index);
      if (!keys) stored.set(r.index, keys = storedMembers(calls[r.index]!.call, setters!, ctx));
      return [...keys].some((k) => sent.has(k));
    });
    if (!read) continue;
    const line = startLineOf(w.anchor);
    const kept = [...stored.get(read.index)!].find((k) => sent.has(k))!;
    const where = kept.startsWith(VARIABLE) ? `kept in \`${kept.slice(VARIABLE.length)}\` (another function)` : 'stored on the component (another method)';
    const which = calls[read.index]?.sdk?.listener ? 'the listener' : `the ${read.method}`;
    const of = read.target === w.target ? 'of the same URL' : `of ${read.target}, below the path it writes,`;
    out.push({
      request: w.index, kind: 'same-file', verdict: 'versioned', line,
      sentence: `the ${w.method} on line ${line + 1} sends back what ${which} ${of} on line ${startLineOf(read.anchor) + 1} ${where}: ` +
        (kept.startsWith(VARIABLE) ? 'a read-modify-write of a value that may be stale' : 'an edit form\'s read-modify-write'),
    });
  }
  return out;
}

/** The prefix of a kept variable's key (`var:likes`), beside `this`'s members (`state.item`, `item`). */
const VARIABLE = 'var:';

/** The members (`item`, `state.item`) the method around `read` sets from the read's response. */
function storedMembers(read: Node, setters: ReadonlyMap<string, string>, ctx: CodeContext): Set<string> {
  const fn = ctx.scopes.functionOf(read);
  // Names derived from the callback's parameter count too: `const data = snapshot.val(); setCounter(data.counter)`.
  const derived = derivedNames(read, fn, ctx, callbackParameters(read, ctx));
  const out = new Set<string>();
  const fromRead = (v: Node | null) => !!v && (v.type === 'identifier' ? derived.has(v.text)
    : v.descendantsOfType(['identifier', 'shorthand_property_identifier']).some((i) => derived.has(i.text)));
  for (const a of fn.descendantsOfType('assignment_expression')) {
    const left = a.childForFieldName('left');
    const m = left && /^this\.((?:state\.)?[\w$]+)/.exec(left.text);
    if (m && fromRead(a.childForFieldName('right'))) out.add(m[1]);
    // `count = snapshot.val()` where `count` is declared around the reading function: kept for the other functions.
    else if (left?.type === 'identifier' && declaredAround(left.text, ctx.scopes.functionOf(a), ctx) && fromRead(a.childForFieldName('right'))) out.add(VARIABLE + left.text);
  }
  for (const c of fn.descendantsOfType('call_expression')) {
    const setter = setters.get(c.childForFieldName('function')?.text ?? '');
    if (setter && fromRead(c.childForFieldName('arguments'))) out.add(VARIABLE + setter);
    if (c.childForFieldName('function')?.text !== 'this.setState') continue;
    const object = c.childForFieldName('arguments')?.namedChildren[0];
    for (const p of object?.type === 'object' ? object.namedChildren : []) {
      const key = p.type === 'shorthand_property_identifier' ? p.text : p.type === 'pair' ? p.childForFieldName('key')?.text : undefined;
      const value = p.type === 'pair' ? p.childForFieldName('value') : p;
      if (key && fromRead(value)) out.add(`state.${key}`);
    }
  }
  return out;
}

/** True when `name` is declared (`let`, `var`, `const`) in a function around `fn`, not in `fn` or inside it. */
function declaredAround(name: string, fn: Node, ctx: CodeContext): boolean {
  return (ctx.scopes.all.get(name) ?? []).some((b) => b.at.type === 'variable_declarator' && b.scope.id !== fn.id && encloses(b.scope, fn));
}

/**
 * React state hooks of the file, setter to state: `const [likes, setLikes] = useState(0)` maps `setLikes` to `likes`
 * (what the setter is given is what `likes` holds at the next render).
 */
function stateSetters(ctx: CodeContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of ctx.index.assignments) {
    const pattern = a.type === 'variable_declarator' ? a.childForFieldName('name') : undefined;
    const value = a.childForFieldName('value');
    if (pattern?.type !== 'array_pattern' || !value || !/^(?:React\.)?useState\b/.test(value.text)) continue;
    const [state, setter] = pattern.namedChildren;
    if (state?.type === 'identifier' && setter?.type === 'identifier') out.set(setter.text, state.text);
  }
  return out;
}

/**
 * Parameters of the callbacks chained on the read (`fetch(u).then((r) => r.json()).then((data) => …)`) or given to it
 * (a listener's `on('value', (snapshot) => …)`, `onValue(ref, (snapshot) => …)`).
 */
export function callbackParameters(read: Node, ctx: CodeContext): string[] {
  const out: string[] = [];
  for (const f of read.childForFieldName('arguments')?.namedChildren.filter(isFunction) ?? []) {
    const first = parameterNames(f)[0];
    if (first) out.push(first);
  }
  let at = read;
  for (const a of [...ctx.ancestry.of(read)].reverse()) {
    if (a.type === 'member_expression' && a.childForFieldName('object')?.id === at.id) continue;
    if (a.type === 'call_expression' && /\.then$/.test(a.childForFieldName('function')?.text ?? '') && encloses(a, at)) {
      for (const f of a.childForFieldName('arguments')?.namedChildren ?? []) {
        const params = f.childForFieldName('parameters') ?? f.childForFieldName('parameter');
        for (const id of params ? (params.type === 'identifier' ? [params] : params.descendantsOfType('identifier')) : []) out.push(id.text);
      }
      at = a;
      continue;
    }
    if (a.type === 'await_expression' || a.type === 'parenthesized_expression') { at = a; continue; }
    if (a.type !== 'member_expression') break;
    at = a;
  }
  return out;
}

/**
 * The members of `this` the body sends: `this.state.item` and `this.item` in it, and names destructured from
 * `this.state` (`const { item } = this.state`) or assigned from a member (`const item = this.state.item`).
 */
function sentMembers(body: Node, fn: Node, setters: ReadonlyMap<string, string>, ctx: CodeContext): Set<string> {
  const out = new Set<string>();
  const own = ownParameters(fn, ctx);
  const hooked = new Set(setters.values());
  const scan = (n: Node, depth: number) => {
    for (const m of n.text.matchAll(/\bthis\.((?:state\.)?[\w$]+)/g)) out.add(m[1]);
    if (depth > 2) return;
    const ids = n.type === 'identifier' ? [n] : n.descendantsOfType(['identifier', 'shorthand_property_identifier']);
    for (const id of ids) {
      // A name the writing function neither declares nor is given: a variable of a scope around it (or a state hook's).
      if (!own.has(id.text) && (hooked.has(id.text) || declaredAround(id.text, fn, ctx))) out.add(VARIABLE + id.text);
      const b = ctx.scopes.lookup(id.text, id);
      if (!b) continue;
      const v = unwrap(b.value);
      if (b.path.length === 1 && v.text === 'this.state') out.add(`state.${b.path[0]}`);
      else if (v.id !== id.id && v.id !== n.id) scan(followValue(v, ctx), depth + 1);
    }
  };
  scan(unwrap(body), 0);
  return out;
}

/** The names the functions from `fn` out to the file declare or are given (a parameter shadows a kept variable). */
function ownParameters(fn: Node, ctx: CodeContext): Set<string> {
  const out = new Set<string>();
  for (let f = fn; f.id !== ctx.index.root.id; f = ctx.scopes.functionOf(f)) {
    for (const p of parameterNames(f)) if (p !== undefined) out.add(p);
    if (f.id === fn.id) for (const a of f.descendantsOfType('variable_declarator')) if (ctx.scopes.functionOf(a).id === fn.id) out.add(a.childForFieldName('name')?.text ?? '');
  }
  return out;
}
