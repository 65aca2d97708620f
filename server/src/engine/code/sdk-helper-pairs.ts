/**
 * Load/save helper pairs around a storage SDK or an HTTP library: `read_csv(filename)` around `s3.get_object(Bucket=B, Key=filename)`
 * and `write_csv(df, filename)` around `s3.put_object(Bucket=B, Key=filename, …)`. Each helper names the object its
 * caller passes, so neither says which object is read or written (code/sdk-calls.ts `callerNamed`); a function that
 * calls the load and then the save with the same argument (`update_dataset`: read, append rows, write back) is a
 * read-modify-write of that object, spread over three functions. That is same-file evidence for the save helper's
 * write. Helpers called with different objects (a batch job that reads trips.json and writes trip_lookup.json) give
 * none.
 * The same holds for a client object handed to a load helper: `readRequirements(blobClient)` whose body calls
 * `blobClient.download(0)`, then `blobClient.upload(…)` in the caller, is a download and an upload of one blob.
 */
import type { DocumentEvidence, RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { functionName, localFunction, parameterNames } from './local-functions';
import { argumentsOf, followValue } from './options';
import { resolveCallee } from './resolve';
import { carriesValue } from './sdk-read-results';
import { callbackParameters } from './shared-state-reads';
import { sdkCall } from './sdks';
import { calleeText, encloses, unwrap, type Node } from './syntax';

interface Helper {
  request: RequestModel;
  fn: Node;
  name: string;
  /** The position and name of the parameter the object's name is. */
  at: number;
  param: string;
  /** The target without its last segment (the parameter's placeholder): the same bucket or folder. */
  prefix: string;
}

export function sdkHelperPairEvidence(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): DocumentEvidence[] {
  const pairs = helperPairs(requests, calls, ctx);
  const paired = new Set(pairs.map((e) => e.request));
  return [...pairs, ...readThenSaveHelper(requests, calls, ctx, paired), ...clientHandedToLoad(requests, calls, ctx), ...loadThenSave(requests, calls, ctx),
    ...loadThenWrite(requests, calls, ctx)];
}

/**
 * A save helper whose object is a path around its parameter (`saveSeats(list, showId)` writing
 * `shows/${showId}/seats`), called by a function that read that very object itself, inline (`….get().then(
 * (snapshot) => { seats = snapshot.val(); seats.push(seat); saveSeats(seats, showId) })`) and hands on what it read: a
 * read-modify-write spread over the caller and the helper, reported on the helper's write with the caller named.
 */
function readThenSaveHelper(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext, done: ReadonlySet<number>): DocumentEvidence[] {
  const out: DocumentEvidence[] = [];
  for (const w of requests) {
    const call = calls[w.index];
    // SDK writes only: a plain HTTP body may carry the read's own guard (CouchDB's `_rev`), which this does not ask.
    if (!call?.sdk || done.has(w.index) || (w.method !== 'PUT' && w.method !== 'PATCH') || w.target === undefined) continue;
    const fn = ctx.scopes.functionOf(call.call);
    const name = fn.id === ctx.index.root.id ? undefined : functionName(fn, ctx);
    const params = parameterNames(fn);
    if (!name) continue;
    const said: string[] = [];
    for (const s of ctx.index.calls) {
      const callee = s.childForFieldName('function');
      if (!callee || !callee.text.endsWith(name) || localFunction(callee, ctx)?.id !== fn.id) continue;
      const args = argumentsOf(s);
      if (!args) continue;
      // The helper's object as this call names it: each parameter's placeholder replaced by what the call passes.
      const target: string = w.target.replace(/\{\{([^{}]+)\}\}/g, (whole: string, p: string): string => {
        const arg = args.positional[params.indexOf(p.trim())];
        return arg ? `{{${arg.text}}}` : whole;
      });
      if (target === w.target && !params.some((p) => p !== undefined && w.target!.includes(`{{${p}}}`))) continue;
      const read = requests.find((r) => {
        const rc = calls[r.index];
        return r.method === 'GET' && r.target === target && rc !== undefined && rc.call.startIndex < s.startIndex
          && encloses(ctx.scopes.functionOf(rc.call), s) && ctx.scopes.functionOf(rc.call).id !== fn.id;
      });
      if (!read) continue;
      const readCall = calls[read.index]!.call;
      const held = new Set(callbackParameters(readCall, ctx));
      // The read itself, or a value made from its callback's parameter (`snapshot.val()`, `snapshot`).
      const fromRead = (n: Node) => encloses(readCall, n)
        || [n, ...n.descendantsOfType('identifier')].some((i) => i.type === 'identifier' && held.has(i.text));
      if (!args.positional.some((a) => carriesValue(a, fromRead, ctx))) continue;
      const caller = functionName(ctx.scopes.functionOf(readCall), ctx) ?? 'the code';
      said.push(`${caller}() reads the object on line ${readCall.startPosition.row + 1} and hands what it read to ${name}(…) on line ` +
        `${s.startPosition.row + 1}, which writes it back: a read-modify-write`);
    }
    if (said.length === 0) continue;
    out.push({ request: w.index, kind: 'same-file', verdict: 'versioned', line: call.call.startPosition.row, sentence: said[0] });
    w.lostAt = lostAt(said);
  }
  return out;
}

/**
 * A write whose data comes from what a function of the file read of the same object and returned to the write's
 * function (`n = current() + 1`, then `table.update_item(Key=K, …, ExpressionAttributeValues={':n': n})`, where
 * `current()` gets the item at K): a read-modify-write spread over two functions.
 */
function loadThenWrite(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): DocumentEvidence[] {
  const out: DocumentEvidence[] = [];
  requests.forEach((w, i) => {
    const call = calls[i];
    const body = call?.sdk?.body;
    if (!call?.sdk || !body || call.sdk.callerNamed || (w.method !== 'PUT' && w.method !== 'PATCH') || w.target === undefined) return;
    const writer = ctx.scopes.functionOf(call.call);
    for (const r of requests) {
      const readCall = calls[r.index];
      if (r.method !== 'GET' || r.target !== w.target || !readCall?.sdk) continue;
      const load = ctx.scopes.functionOf(readCall.call);
      const loadName = load.id === writer.id || load.id === ctx.index.root.id ? undefined : functionName(load, ctx);
      const given = loadName ? ctx.index.calls.find((c) => c.startIndex < call.call.startIndex && ctx.scopes.functionOf(c).id === writer.id
        && localFunction(c.childForFieldName('function') ?? c, ctx)?.id === load.id && carriesValue(body, (n) => encloses(n, c), ctx)) : undefined;
      if (!given) continue;
      const sentence = `${loadName}() on line ${given.startPosition.row + 1} reads the object and what it returns is written back on line ` +
        `${call.call.startPosition.row + 1}: a read-modify-write`;
      out.push({ request: w.index, kind: 'same-file', verdict: 'versioned', line: call.call.startPosition.row, sentence });
      return;
    }
  });
  return out;
}


/**
 * A function that loads an object through one function of the file and hands what it loaded to another that saves
 * it, each naming the object the same way by itself (`months = self.load()` … `self._save(months)`, where both get
 * and update the status file `self._find()` names): a read-modify-write spread over three functions.
 */
function loadThenSave(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): DocumentEvidence[] {
  const out: DocumentEvidence[] = [];
  requests.forEach((w, i) => {
    const call = calls[i];
    if (!call?.sdk || call.sdk.callerNamed || (w.method !== 'PUT' && w.method !== 'PATCH') || w.target === undefined) return;
    const save = ctx.scopes.functionOf(call.call);
    for (const r of requests) {
      const readCall = calls[r.index];
      if (r.method !== 'GET' || r.target !== w.target || !readCall?.sdk) continue;
      const load = ctx.scopes.functionOf(readCall.call);
      const pairs = load.id === save.id ? [] : handedOn(load, save, ctx);
      if (pairs.length === 0) continue;
      const said = pairs.map((pair) => `${pair.caller}() loads the object through ${pair.loadName}(…) on line ${pair.load.startPosition.row + 1} and saves ` +
        `what it loaded through ${pair.saveName}(…) on line ${pair.save.startPosition.row + 1}: a read-modify-write`);
      out.push({ request: w.index, kind: 'same-file', verdict: 'versioned', line: pairs[0].save.startPosition.row, sentence: said[0] });
      w.lostAt = lostAt(said);
      return;
    }
  });
  return out;
}

interface HandedOn {
  caller: string;
  loadName: string;
  saveName: string;
  load: Node;
  save: Node;
}

/**
 * The calls of `save` given a value that carries what a call of `load` returned earlier in the same function: the
 * loaded value itself, or one made from it (`kept = drop(rows, name)`, then `save(kept)`).
 */
function handedOn(load: Node, save: Node, ctx: CodeContext): HandedOn[] {
  const loadName = functionName(load, ctx);
  const saveName = functionName(save, ctx);
  if (!loadName || !saveName) return [];
  const out: HandedOn[] = [];
  const callsOfFn = (fn: Node) => ctx.index.calls.filter((c) => {
    const callee = c.childForFieldName('function');
    return callee !== null && callee.text.endsWith(functionName(fn, ctx)!) && localFunction(callee, ctx)?.id === fn.id;
  });
  const loads = callsOfFn(load);
  for (const s of callsOfFn(save)) {
    const caller = ctx.scopes.functionOf(s);
    const given = argumentsOf(s);
    const passed = given ? [...given.positional, ...[...given.keywords.props.values()].map((p) => p.value)] : [];
    const l = loads.find((x) => x.startIndex < s.startIndex && ctx.scopes.functionOf(x).id === caller.id
      && passed.some((a) => carriesValue(a, (n) => encloses(n, x), ctx)));
    const callerName = l && functionName(caller, ctx);
    if (l && callerName) out.push({ caller: callerName, loadName, saveName, load: l, save: s });
  }
  return out;
}

function helperPairs(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): DocumentEvidence[] {
  const helpers = requests.flatMap((req, i) => helperOf(req, calls[i], ctx) ?? []);
  const reads = helpers.filter((h) => h.request.method === 'GET');
  // PATCH too: googleapiclient's `files().update(fileId, media_body)` replaces the content with a PATCH.
  const writes = helpers.filter((h) => h.request.method === 'PUT' || h.request.method === 'PATCH');
  if (reads.length === 0 || writes.length === 0) return [];
  const out: DocumentEvidence[] = [];
  for (const w of writes) {
    for (const r of reads.filter((x) => x.prefix === w.prefix && x.fn.id !== w.fn.id)) {
      const pairs = roundTrips(r, w, ctx);
      if (pairs.length === 0) continue;
      const said = pairs.map((pair) => `${pair.caller} loads ${pair.object} through ${r.name}(…) on line ${pair.load.startPosition.row + 1} and saves it back ` +
        `through ${w.name}(…) on line ${pair.save.startPosition.row + 1}: a read-modify-write`);
      out.push({ request: w.request.index, kind: 'same-file', verdict: 'versioned', line: pairs[0].save.startPosition.row, sentence: said[0] });
      w.request.lostAt = lostAt(said);
      break;
    }
  }
  return out;
}

/** The callers whose update the save can lose, each with its sentence (named in the write's warning). */
function lostAt(said: readonly string[]): NonNullable<RequestModel['lostAt']> {
  return said.map((sentence) => ({ sentence }));
}

/**
 * The request as a helper whose object is its parameter, if it is one: an SDK call its caller names, or a library
 * call whose whole URL is a parameter (`writeFile(client, filePath, data)` around the `webdav` package's
 * `client.putFileContents(filePath, …)`, `readFile(client, filePath)` around its `getFileContents`).
 */
function helperOf(req: RequestModel, call: HttpCall | undefined, ctx: CodeContext): Helper | undefined {
  const name = call?.sdk ? (call.sdk.callerNamed ? call.sdk.name : undefined) : call?.url;
  if (!call || !name || req.target === undefined) return undefined;
  const fn = ctx.scopes.functionOf(call.call);
  const fnName = functionName(fn, ctx);
  const followed = followValue(name, ctx);
  const params = parameterNames(fn);
  const at = followed.type === 'identifier' ? params.indexOf(followed.text) : -1;
  if (!fnName || at < 0) return undefined;
  return { request: req, fn, name: fnName, at, param: followed.text, prefix: req.target.slice(0, req.target.lastIndexOf('/')) };
}

/** The functions that call the load helper and later the save helper with the same object argument. */
function roundTrips(load: Helper, save: Helper, ctx: CodeContext): { caller: string; object: string; load: Node; save: Node }[] {
  const loads = callsOf(load, ctx);
  const out: { caller: string; object: string; load: Node; save: Node }[] = [];
  for (const s of callsOf(save, ctx)) {
    const caller = ctx.scopes.functionOf(s.call);
    const l = loads.find((x) => x.call.startIndex < s.call.startIndex && ctx.scopes.functionOf(x.call).id === caller.id && x.object === s.object);
    const callerName = l && functionName(caller, ctx);
    if (l && callerName) out.push({ caller: `${callerName}()`, object: s.object, load: l.call, save: s.call });
  }
  return out;
}

/** The calls of the helper in the file, with the text of the object argument each passes. */
function callsOf(h: Helper, ctx: CodeContext): { call: Node; object: string }[] {
  const out: { call: Node; object: string }[] = [];
  for (const call of ctx.index.calls) {
    const callee = call.childForFieldName('function');
    if (!callee || !callee.text.endsWith(h.name) || localFunction(callee, ctx)?.id !== h.fn.id) continue;
    const args = argumentsOf(call);
    // A method's `self` is not among the caller's arguments.
    const shift = parameterNames(h.fn)[0] === 'self' && callee.type === 'attribute' ? 1 : 0;
    const object = args && (args.positional[h.at - shift] ?? args.keywords.props.get(h.param)?.value);
    if (object) out.push({ call, object: object.text });
  }
  return out;
}

/**
 * Writes whose client object was handed, earlier in the same function, to a function of the file that downloads
 * through that parameter (an SDK read method of the same client kind called on it).
 */
function clientHandedToLoad(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): DocumentEvidence[] {
  const out: DocumentEvidence[] = [];
  requests.forEach((req, i) => {
    const call = calls[i];
    if (!call?.sdk || req.method !== 'PUT') return;
    const callee = unwrap(call.callee);
    const receiver = callee.childForFieldName('object');
    const resolved = receiver?.type === 'identifier' ? resolveCallee(callee, ctx) : undefined;
    if (!receiver || !resolved) return;
    const fn = ctx.scopes.functionOf(call.call);
    const kind = resolved.path.slice(0, -1);
    for (const c of ctx.index.calls) {
      if (c.startIndex >= call.call.startIndex || ctx.scopes.functionOf(c).id !== fn.id) continue;
      const at = argumentsOf(c)?.positional.findIndex((a) => unwrap(a).type === 'identifier' && unwrap(a).text === receiver.text) ?? -1;
      const helper = at >= 0 ? localFunction(c.childForFieldName('function') ?? c, ctx) : undefined;
      const param = helper && parameterNames(helper)[at];
      if (!helper || !param || !readsThrough(helper, param, resolved.module, kind, ctx)) continue;
      const name = functionName(helper, ctx) ?? calleeText(c.childForFieldName('function') ?? c);
      out.push({
        request: req.index, kind: 'same-file', verdict: 'versioned', line: c.startPosition.row,
        sentence: `the ${req.method} on line ${call.call.startPosition.row + 1} writes the object that ${name}(…) downloads through ` +
          `${receiver.text} on line ${c.startPosition.row + 1}: a read-modify-write`,
      });
      return;
    }
  });
  return out;
}

/** True when `fn` calls an SDK read method of the client kind `kind` on its parameter `param`. */
function readsThrough(fn: Node, param: string, module: string, kind: readonly string[], ctx: CodeContext): boolean {
  return ctx.index.calls.some((c) => {
    if (!encloses(fn, c)) return false;
    const f = unwrap(c.childForFieldName('function') ?? c);
    const object = f.childForFieldName('object');
    const method = f.childForFieldName('property') ?? f.childForFieldName('attribute');
    if (object?.text !== param || !method) return false;
    const spec = sdkCall(module, [...kind, method.text]);
    return spec?.method === 'GET';
  });
}
