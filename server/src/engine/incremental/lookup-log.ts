/**
 * The look-ups of an editor's first whole-file lowering, logged on one list while the lowering runs, and given
 * back per request as the list a recording `Lookups` keeps (`Lookups.kept`) when the caches are filled, after the
 * first diagnostics are out. A recording `Lookups` per request made three lists and a record for each of ten
 * thousand requests before the first publish, for what only the second version reads.
 */
import type { HandlerCaptureAt, KeptLookups, LoweringScope, RunningState } from '../model/http-lowering';
import { Lookups } from '../model/http-lowering';
import type { ResponsePart } from '../model/http-evidence';
import { NONE } from '../text/compact-list';

const NAME = 0;
const HANDLER = 1;
const PART = 2;

export class LookupLog implements RunningState {
  /** `kind, name, answer` per look-up, in the order they were made. */
  private readonly entries: unknown[] = [];
  /** Per request position, where its look-ups start in `entries` (they end where the next one's start). */
  private readonly starts: number[] = [];

  /** `scope` answers every look-up: its running state is the one a whole-file lowering reads. */
  constructor(private readonly scope: LoweringScope) {}

  /** The look-ups that follow are the lowering of the request at the next position. */
  nextRequest(): void {
    this.starts.push(this.entries.length);
  }

  requestNamed(name: string): number | undefined {
    const answer = this.scope.requestNamed(name);
    this.entries.push(NAME, name, answer);
    return answer;
  }

  handlerVar(name: string): HandlerCaptureAt | undefined {
    const answer = this.scope.handlerVar(name);
    this.entries.push(HANDLER, name, answer);
    return answer;
  }

  handlerPart(name: string): ResponsePart | undefined {
    const answer = this.scope.handlerPart(name);
    this.entries.push(PART, name, answer);
    return answer;
  }

  /**
   * What a recording `Lookups` would have kept for the request at `position`: its look-ups asked again, in the
   * same order, of a recording `Lookups` whose running state gives the logged answers.
   */
  keptAt(position: number): KeptLookups {
    const from = this.starts[position];
    const to = position + 1 < this.starts.length ? this.starts[position + 1] : this.entries.length;
    // Most requests look nothing up: no replay to make for them (`Lookups.kept` gives the shared empty list too).
    if (from === to) return NONE;
    const replay = new Replay(this.entries, from);
    const lookups = new Lookups(this.scope, true, replay);
    for (let k = from; k < to; k += 3) {
      const name = this.entries[k + 1] as string;
      if (this.entries[k] === NAME) lookups.request(name);
      else if (this.entries[k] === HANDLER) lookups.handler(name);
      else lookups.handlerPart(name);
    }
    return Lookups.kept(lookups);
  }
}

/** Gives the logged answers back in order, whatever is asked (it is asked exactly what was logged). */
class Replay implements RunningState {
  constructor(private readonly entries: readonly unknown[], private at: number) {}

  private next<T>(): T {
    const answer = this.entries[this.at + 2] as T;
    this.at += 3;
    return answer;
  }

  requestNamed(): number | undefined {
    return this.next();
  }

  handlerVar(): HandlerCaptureAt | undefined {
    return this.next();
  }

  handlerPart(): ResponsePart | undefined {
    return this.next();
  }
}
