/**
 * The data a write sends, as the code names it: the options' `body` / `data` / `json`, or axios's data argument,
 * looked through `JSON.stringify(…)` / `json.dumps(…)` (the fix that asks the caller for an ETag, and the test for
 * generic write helpers, both ask which parameter the data came from).
 */
import type { HttpCall } from './calls';
import { unwrap, type Node } from './syntax';

/** Where libraries take the body: options `body` / `data` / `json`, axios's data argument. */
const BODY_KEYS = ['body', 'data', 'json'];

export function sentBody(call: HttpCall): Node | undefined {
  // Through a method wrapper: the caller's argument the wrapper sends.
  if (call.via) return call.via.body;
  if (call.sdk) return call.sdk.body;
  const given = BODY_KEYS.map((k) => call.options?.props.get(k)?.value).find((v) => v !== undefined)
    ?? (call.library === 'axios' && call.shape.options === 2 ? call.args.positional[1] : undefined);
  return given && stringified(given);
}

/** The data a body sends: what `JSON.stringify(…)` / `json.dumps(…)` serialises, else the body itself. */
export function stringified(body: Node): Node | undefined {
  const n = unwrap(body);
  const f = n.type === 'call_expression' || n.type === 'call' ? n.childForFieldName('function')?.text : undefined;
  if (f === 'JSON.stringify' || f === 'json.dumps') return n.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
  return n;
}
