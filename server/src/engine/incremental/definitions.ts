/**
 * What the requests of an editor's document define for the requests below them (names, handler variables), by
 * position, kept by the delta of changed requests: the running state a lowering reads at any position is then a
 * look-up, not a walk from the top of the file. Answers exactly what `LoweringScope` answers after `advance`
 * over the requests above that position.
 */
import type { HttpRequest } from '../http/ast';
import { capturesOf, definedName, type HandlerCaptureAt, type RunningState } from '../model/http-lowering';
import type { ResponsePart } from '../model/http-evidence';
import { partitionPoint } from '../text/partition-point';
import { NONE } from '../text/compact-list';

/** What a request's scripts leave a handler variable holding (the last capture of it wins). */
interface Capture {
  at: number;
  /** The response header it holds, or undefined when the last capture was of the body (`handlerVars` deletes it). */
  handler: HandlerCaptureAt | undefined;
  part: ResponsePart;
}

/**
 * What defines one name, by ascending position: one definition as itself (most names have one; a one-item list per
 * name was ~6,000 lists in the benchmark's file), more as a list.
 */
type Defined<T> = T | T[];

export class Definitions {
  /** Request names (`@name`, else the title) to the positions that define them. */
  private readonly names = new Map<string, Defined<number>>();
  /** Handler variables to what each defining position leaves them holding. */
  private readonly captures = new Map<string, Defined<Capture>>();

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

/** Each handler variable a request's scripts capture, with what the last capture of it leaves. */
function finalCaptures(req: HttpRequest): Array<{ variable: string; capture: Capture }> {
  // Most requests have no script: no map and lists to make for them (every request passes here when the caches fill).
  if (!req.scripts.length) return NONE;
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

/** The last definition whose position is below `position`. */
function before<T>(defined: Defined<T> | undefined, positionOf: (x: T) => number, position: number): T | undefined {
  if (defined === undefined) return undefined;
  if (!Array.isArray(defined)) return positionOf(defined) < position ? defined : undefined;
  const at = firstAtOrAfter(defined, positionOf, position);
  return at > 0 ? defined[at - 1] : undefined;
}

function insert<T>(map: Map<string, Defined<T>>, key: string, item: T, positionOf: (x: T) => number, position: number): void {
  const defined = map.get(key);
  if (defined === undefined) map.set(key, item);
  else if (!Array.isArray(defined)) map.set(key, positionOf(defined) < position ? [defined, item] : [item, defined]);
  else defined.splice(firstAtOrAfter(defined, positionOf, position), 0, item);
}

function remove<T>(map: Map<string, Defined<T>>, key: string, positionOf: (x: T) => number, position: number): void {
  const defined = map.get(key);
  if (defined === undefined) return;
  if (!Array.isArray(defined)) {
    if (positionOf(defined) === position) map.delete(key);
    return;
  }
  const at = firstAtOrAfter(defined, positionOf, position);
  if (at === defined.length || positionOf(defined[at]) !== position) return;
  defined.splice(at, 1);
  if (defined.length === 1) map.set(key, defined[0]);
}

/** The index of the first entry at or after `position` (binary search: a title can name thousands of requests). */
function firstAtOrAfter<T>(list: readonly T[], positionOf: (x: T) => number, position: number): number {
  return partitionPoint(list, (x) => positionOf(x) < position);
}
