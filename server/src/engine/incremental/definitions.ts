/**
 * What the requests of an editor's document define for the requests below them (names, handler variables), by
 * position, kept by the delta of changed requests: the running state a lowering reads at any position is then a
 * look-up, not a walk from the top of the file. Answers exactly what `LoweringScope` answers after `advance`
 * over the requests above that position.
 */
import type { HttpRequest } from '../http/ast';
import { capturesOf, type HandlerCaptureAt, type RunningState } from '../model/http-lowering';
import type { ResponsePart } from '../model/http-evidence';
import { partitionPoint } from '../text/partition-point';

/** What a request's scripts leave a handler variable holding (the last capture of it wins). */
interface Capture {
  at: number;
  /** The response header it holds, or undefined when the last capture was of the body (`handlerVars` deletes it). */
  handler: HandlerCaptureAt | undefined;
  part: ResponsePart;
}

export class Definitions {
  /** Request names (`@name`, else the title) to the positions that define them, ascending. */
  private readonly names = new Map<string, number[]>();
  /** Handler variables to what each defining position leaves them holding, by ascending position. */
  private readonly captures = new Map<string, Capture[]>();

  add(req: HttpRequest): void {
    const name = definedName(req);
    if (name !== undefined) insert(this.names, name, req.index, (p) => p, req.index);
    for (const c of finalCaptures(req)) insert(this.captures, c.variable, c.capture, (x) => x.at, req.index);
  }

  remove(req: HttpRequest): void {
    const name = definedName(req);
    if (name !== undefined) remove(this.names, name, (p) => p, req.index);
    for (const c of finalCaptures(req)) remove(this.captures, c.variable, (x) => x.at, req.index);
  }

  /** The running state a lowering of the request at `position` reads (what the requests above it define). */
  at(position: number): RunningState {
    return {
      requestNamed: (name) => before(this.names.get(name), (p) => p, position),
      handlerVar: (name) => before(this.captures.get(name), (x) => x.at, position)?.handler,
      handlerPart: (name) => before(this.captures.get(name), (x) => x.at, position)?.part,
    };
  }
}

/** The name a request defines for the requests below it (`LoweringScope.advance`). */
export function definedName(req: HttpRequest): string | undefined {
  return req.name ? req.name.value : req.title || undefined;
}

/** Each handler variable a request's scripts capture, with what the last capture of it leaves. */
function finalCaptures(req: HttpRequest): Array<{ variable: string; capture: Capture }> {
  const last = new Map<string, Capture>();
  for (const s of req.scripts) {
    for (const c of capturesOf(s)) {
      last.set(c.variable, c.source.kind === 'header'
        ? { at: req.index, handler: { request: req.index, header: c.source.name }, part: { source: req.index, part: 'headers', path: c.source.name } }
        : { at: req.index, handler: undefined, part: { source: req.index, part: 'body', path: c.source.path } });
    }
  }
  return [...last].map(([variable, capture]) => ({ variable, capture }));
}

/** The last entry of an ascending list whose position is below `position`. */
function before<T>(list: readonly T[] | undefined, positionOf: (x: T) => number, position: number): T | undefined {
  const at = list ? firstAtOrAfter(list, positionOf, position) : 0;
  return at > 0 ? list![at - 1] : undefined;
}

function insert<T>(map: Map<string, T[]>, key: string, item: T, positionOf: (x: T) => number, position: number): void {
  const list = map.get(key);
  if (list) list.splice(firstAtOrAfter(list, positionOf, position), 0, item);
  else map.set(key, [item]);
}

function remove<T>(map: Map<string, T[]>, key: string, positionOf: (x: T) => number, position: number): void {
  const list = map.get(key);
  if (!list) return;
  const at = firstAtOrAfter(list, positionOf, position);
  if (at === list.length || positionOf(list[at]) !== position) return;
  list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

/** The index of the first entry at or after `position` (binary search: a title can name thousands of requests). */
function firstAtOrAfter<T>(list: readonly T[], positionOf: (x: T) => number, position: number): number {
  return partitionPoint(list, (x) => positionOf(x) < position);
}
