/**
 * Whether a plain HTTP write sends what a read of the same resource before it returned: the lost update needs both.
 * A write after a read whose data comes from elsewhere — the request a route was sent, a message's fields, a constant,
 * a fresh record — stores what the code decided, whatever was there; the read only checked that the resource exists
 * or decided whether to write. Nothing it read goes back, so nothing it read can be stale (lessons from real code: a
 * Realtime Database user PATCHed with the name and email of a registration request after a read that only found it;
 * a bot's user record PUT from the incoming message when the stored one differs; a mock API's todo PUT after printing
 * the GET). What counts as "from the read": every name that holds something of the response (code/fetched-guard.ts
 * `derivedNames`: `res`, `data = await res.json()`, `latestValue = resp.data.value`, a copy given a member, a list
 * appended, a loop's variable over it), and a completion callback's parameter (`axios.get(u).then((resp) => …)`).
 * The SDKs tell the same from their own rows (sdk-read-results.ts).
 */
import type { HttpCall } from './calls';
import { completedRead } from './completion-callbacks';
import type { CodeContext } from './context';
import { discardsResult } from './discarded-read';
import { derivedNames } from './fetched-guard';
import { parameterNames } from './local-functions';
import { carriesValue } from './sdk-read-results';
import { sentBody } from './sent-body';
import { encloses, mentions, type Node } from './syntax';

/**
 * True when what `write` sends carries something `read` returned, false when it carries nothing of it (or nothing
 * keeps the response at all: code/discarded-read.ts), undefined when the analysis cannot tell (no body it can see, or
 * the result goes somewhere not followed): then the write keeps its reading.
 */
export function sendsWhatWasRead(write: HttpCall, read: HttpCall, sequence: Node, ctx: CodeContext): boolean | undefined {
  const body = sentBody(write);
  if (!body) return undefined;
  if (encloses(body, read.call)) return true;
  // Nothing keeps the response (`await fetch(u);`, `.then(() => …)`): nothing sent can have come from it.
  if (discardsResult(read, write.call, sequence, ctx)) return false;
  const names = derivedNames(read.call, sequence, ctx, callbackResults(write.call, read.call, sequence, ctx));
  if (names.size === 0) return undefined;
  return carriesValue(body, (n) => mentions(n, names), ctx);
}

/**
 * The parameters of the completion callbacks around the write that the read's completion runs
 * (`fetch(u).then((r) => r.json()).then((data) => { … })`): each is given what was read.
 */
function callbackResults(write: Node, read: Node, sequence: Node, ctx: CodeContext): string[] {
  const out: string[] = [];
  for (let fn = ctx.scopes.functionOf(write); fn.id !== sequence.id && fn.id !== ctx.index.root.id; fn = ctx.scopes.functionOf(fn)) {
    const completed = completedRead(fn, ctx);
    if (completed && (completed.id === read.id || encloses(completed, read))) for (const p of parameterNames(fn)) if (p) out.push(p);
  }
  return out;
}
