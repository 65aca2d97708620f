/**
 * A read and a write of one resource in two methods of one class, joined by what the class keeps: the page's loader
 * (`componentDidMount`, `onInit`) reads the item and stores it (`this.setState({ item })`, `this.item = data`), the save
 * handler writes `this.state.item` back. That is the edit-form read-modify-write — the user edits what was loaded,
 * and a change saved meanwhile by someone else is overwritten unseen (SharePoint list forms, React edit pages). Only
 * a stored response counts: a loader that shows the item and a save that sends a fresh object are two operations.
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { derivedNames } from './fetched-guard';
import { followValue } from './options';
import { sentBody } from './sent-body';
import { encloses, unwrap, type Node } from './syntax';
import { startLineOf } from '../text/span';

const READS = new Set(['GET', 'HEAD']);
const WRITES = new Set(['PUT', 'PATCH', 'POST']);

/** Evidence for writes that send back what a read in another method stored on `this`. */
export function sharedStateEvidence(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext, done: ReadonlySet<number>): DocumentEvidence[] {
  if (ctx.family !== 'js' || !/\bthis\.(setState|state\b|\w+\s*=)/.test(ctx.text)) return [];
  const stored = new Map<number, Set<string>>();
  const out: DocumentEvidence[] = [];
  for (const w of requests) {
    const call = calls[w.index];
    if (!call || done.has(w.index) || w.method === undefined || !WRITES.has(w.method) || w.target === undefined) continue;
    const body = sentBody(call);
    if (!body) continue;
    const sent = sentMembers(body, ctx);
    if (sent.size === 0) continue;
    const fn = ctx.scopes.functionOf(call.call);
    const read = requests.find((r) => {
      const rc = calls[r.index];
      if (!rc || r.method === undefined || !READS.has(r.method) || r.target !== w.target || ctx.scopes.functionOf(rc.call).id === fn.id) return false;
      let keys = stored.get(r.index);
      if (!keys) stored.set(r.index, keys = storedMembers(rc.call, ctx));
      return [...keys].some((k) => sent.has(k));
    });
    if (!read) continue;
    const line = startLineOf(w.anchor);
    out.push({
      request: w.index, kind: 'same-file', verdict: 'versioned', line,
      sentence: `the ${w.method} on line ${line + 1} sends back what the ${read.method} of the same URL on line ${startLineOf(read.anchor) + 1} ` +
        'stored on the component (another method): an edit form\'s read-modify-write',
    });
  }
  return out;
}

/** The members (`item`, `state.item`) the method around `read` sets from the read's response. */
function storedMembers(read: Node, ctx: CodeContext): Set<string> {
  const fn = ctx.scopes.functionOf(read);
  const derived = derivedNames(read, fn, ctx);
  for (const p of callbackParameters(read, ctx)) derived.add(p);
  const out = new Set<string>();
  const fromRead = (v: Node | null) => !!v && (v.type === 'identifier' ? derived.has(v.text)
    : v.descendantsOfType(['identifier', 'shorthand_property_identifier']).some((i) => derived.has(i.text)));
  for (const a of fn.descendantsOfType('assignment_expression')) {
    const left = a.childForFieldName('left');
    const m = left && /^this\.((?:state\.)?[\w$]+)/.exec(left.text);
    if (m && fromRead(a.childForFieldName('right'))) out.add(m[1]);
  }
  for (const c of fn.descendantsOfType('call_expression')) {
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

/** Parameters of the callbacks chained on the read (`fetch(u).then((r) => r.json()).then((data) => …)`). */
function callbackParameters(read: Node, ctx: CodeContext): string[] {
  const out: string[] = [];
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
function sentMembers(body: Node, ctx: CodeContext): Set<string> {
  const out = new Set<string>();
  const scan = (n: Node, depth: number) => {
    for (const m of n.text.matchAll(/\bthis\.((?:state\.)?[\w$]+)/g)) out.add(m[1]);
    if (depth > 2) return;
    const ids = n.type === 'identifier' ? [n] : n.descendantsOfType(['identifier', 'shorthand_property_identifier']);
    for (const id of ids) {
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
