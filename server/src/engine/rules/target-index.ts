/**
 * Cross-request facts per target resource: each target's requests in file order, and from them, lazily per
 * target, the changes to it and each request's fresh read. A whole-file lint builds one from the model; an
 * editor's analysis keeps one per document and moves only the requests an edit changed (`replace`), so the
 * facts of the other targets stay computed.
 */
import type { RequestModel } from '../model/types';
import { changesResource } from './vocabulary';
import { partitionPoint } from '../text/partition-point';
import { compactList } from '../text/compact-list';

interface TargetFacts {
  /** The requests that may change the target, in file order. */
  changes: RequestModel[];
  /** Per request to the target: the latest GET/HEAD of it before, with no change in between (made when a fix asks). */
  freshRead?: Map<RequestModel, RequestModel | undefined>;
}

export class TargetIndex {
  /** Each target's requests, in file order. */
  private readonly byTarget = new Map<string, RequestModel[]>();
  private readonly facts = new Map<string, TargetFacts>();

  /** The index of a whole model (requests in file order). */
  static of(requests: readonly RequestModel[]): TargetIndex {
    const index = new TargetIndex();
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i];
      if (r.target === undefined) continue;
      const list = index.byTarget.get(r.target);
      if (list) list.push(r);
      else index.byTarget.set(r.target, [r]);
    }
    return index;
  }

  /** Takes `removed` out and puts `added` in (each in file order); returns the targets whose facts changed. */
  replace(removed: readonly RequestModel[], added: readonly RequestModel[]): Set<string> {
    const touched = new Set<string>();
    const gone = new Set(removed);
    for (const r of removed) if (r.target !== undefined) touched.add(r.target);
    for (const target of touched) {
      const list = this.byTarget.get(target)!.filter((r) => !gone.has(r));
      if (list.length) this.byTarget.set(target, list);
      else this.byTarget.delete(target);
    }
    for (const r of added) {
      if (r.target === undefined) continue;
      touched.add(r.target);
      const list = this.byTarget.get(r.target);
      if (!list) this.byTarget.set(r.target, [r]);
      else list.splice(insertionPoint(list, r.index), 0, r);
    }
    for (const target of touched) this.facts.delete(target);
    return touched;
  }

  /** The requests to `target`, in file order. */
  requestsOf(target: string): readonly RequestModel[] {
    return this.byTarget.get(target) ?? [];
  }

  /** The latest read of `request`'s target before it with no change to the target in between. */
  freshRead(request: RequestModel): RequestModel | undefined {
    if (request.target === undefined) return undefined;
    const facts = this.factsOf(request.target);
    if (!facts) return undefined;
    return (facts.freshRead ??= freshReads(this.byTarget.get(request.target)!)).get(request);
  }

  /** The requests that may change `target`, in file order. */
  changes(target: string): readonly RequestModel[] | undefined {
    return this.factsOf(target)?.changes;
  }

  private factsOf(target: string): TargetFacts | undefined {
    let facts = this.facts.get(target);
    if (facts) return facts;
    const list = this.byTarget.get(target);
    if (!list) return undefined;
    const changes: RequestModel[] = [];
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.method !== 'GET' && r.method !== 'HEAD' && changesResource(r)) changes.push(r);
    }
    // Kept while the target's requests stay: sized to fit (a list filled by `push` has room for 17).
    facts = { changes: compactList(changes) };
    this.facts.set(target, facts);
    return facts;
  }
}

/** Per request of one target's list: the latest GET/HEAD before it with no change in between. */
function freshReads(list: readonly RequestModel[]): Map<RequestModel, RequestModel | undefined> {
  const fresh = new Map<RequestModel, RequestModel | undefined>();
  let latestRead: RequestModel | undefined;
  for (const r of list) {
    fresh.set(r, latestRead);
    if (r.method === 'GET' || r.method === 'HEAD') latestRead = r;
    else if (changesResource(r)) latestRead = undefined;
  }
  return fresh;
}

/** Where a request at `index` goes in a list ordered by index. */
function insertionPoint(list: readonly RequestModel[], index: number): number {
  return partitionPoint(list, (r) => r.index < index);
}
