/**
 * Azure Functions timer triggers: functions run on a schedule. Azure's documentation of the timer binding (its
 * "Scale-out" section) says that when a function app scales out to several instances only one instance of a
 * timer-triggered function runs, across all of them (the host takes a blob lease per function), and a run that overlaps
 * the next schedule delays it. So two runs of one timer never write at the same time: an object only that timer writes
 * has a single writer, and its read-modify-write loses nothing (lesson from real code: a counter blob read, incremented
 * and overwritten every ten minutes by a timer function). What the code says of the trigger:
 * - Python, programming model v2: a decorator `@app.schedule(…)` or `@app.timer_trigger(…)` on the function;
 * - Python, model v1 (the trigger is in function.json): a parameter annotated `func.TimerRequest`;
 * - JavaScript / TypeScript, model v4: the handler of `app.timer('name', { schedule, handler })`.
 * Model v3 JavaScript keeps the trigger in function.json only: nothing in the code tells it.
 */
import type { CodeContext } from './context';
import { isFunction, type Node } from './syntax';

const PY_DECORATOR = /^@\s*[\w.]+\.(?:schedule|timer_trigger)\s*\(/;
const PY_TIMER_PARAMETER = /:\s*(?:[\w.]+\.)?TimerRequest\b/;

/** True when `call` runs inside a function the code declares timer-triggered. */
export function inTimerTrigger(call: Node, ctx: CodeContext): boolean {
  return ctx.ancestry.of(call).some((a) => isFunction(a) && timerTriggered(a));
}

function timerTriggered(fn: Node): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  if (decorated?.namedChildren.some((d) => d.type === 'decorator' && PY_DECORATOR.test(d.text))) return true;
  const params = fn.childForFieldName('parameters');
  if (fn.type === 'function_definition' && params && params.namedChildren.some((p) => PY_TIMER_PARAMETER.test(p.text))) return true;
  return isTimerHandler(fn);
}

/** `app.timer('name', { schedule: '…', handler: <fn> })` (the handler as a property of the options object). */
function isTimerHandler(fn: Node): boolean {
  const pair = fn.parent?.type === 'pair' ? fn.parent : undefined;
  if (!pair || pair.childForFieldName('key')?.text !== 'handler') return false;
  const call = pair.parent?.parent?.parent;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'timer';
}
