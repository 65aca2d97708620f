/**
 * The precondition evaluation a server performs (RFC 9110 §13.2.2), replayed against the state a re-read
 * shows, so a 412 can be explained step by step: which header was evaluated, in which order, and why it failed.
 */
import { parseEntityTag, parseEntityTagList, strongMatch, weakMatch, type EntityTag } from '../semantics/entity-tag';
import { parseHttpDate } from '../semantics/http-date';
import { headerValue } from './header-value';

/** What a re-read (HEAD or GET without preconditions) says about the resource now. */
export interface CurrentState {
  exists: boolean;
  etag?: string;
  lastModified?: string;
}

export type Outcome = 'proceed' | 'precondition-failed' | 'not-modified';

export interface Evaluation {
  outcome: Outcome;
  /** The header that decided the outcome (when it is not `proceed`). */
  decidedBy?: 'If-Match' | 'If-Unmodified-Since' | 'If-None-Match' | 'If-Modified-Since';
  /** Each step as the server took it, in order: the explanation's backbone. */
  steps: string[];
}

type Headers = Readonly<Record<string, string | undefined>>;

function currentTag(state: CurrentState): EntityTag | undefined {
  if (!state.etag) return undefined;
  const tag = parseEntityTag(state.etag.trim());
  return 'message' in tag ? undefined : tag;
}

/** Evaluates the request's preconditions in §13.2.2 order against the current state. */
export function evaluatePreconditions(method: string, headers: Headers, state: CurrentState): Evaluation {
  const steps: string[] = [];
  const current = currentTag(state);
  const ifMatch = headerValue(headers, 'If-Match');
  const ius = headerValue(headers, 'If-Unmodified-Since');
  const inm = headerValue(headers, 'If-None-Match');
  const ims = headerValue(headers, 'If-Modified-Since');
  const isRead = method === 'GET' || method === 'HEAD';

  if (ifMatch !== undefined) {
    const list = parseEntityTagList(ifMatch);
    const ok = list.any ? state.exists : !!current && list.tags.some((t) => strongMatch(t, current));
    steps.push(`1. If-Match: ${ifMatch} against ${state.exists ? `current ETag ${state.etag ?? '(none)'}` : 'no current representation'} (strong comparison) → ${ok ? 'true' : 'false'}`);
    if (!ok) return { outcome: 'precondition-failed', decidedBy: 'If-Match', steps };
  } else if (ius !== undefined) {
    const since = parseHttpDate(ius);
    const modified = state.lastModified ? parseHttpDate(state.lastModified) : undefined;
    if (!since || !modified) {
      steps.push(`2. If-Unmodified-Since: ${ius} ignored (${!since ? 'not a valid HTTP-date' : 'the resource has no Last-Modified'})`);
    } else {
      const ok = modified.date.getTime() <= since.date.getTime();
      steps.push(`2. If-Unmodified-Since: ${ius} against Last-Modified ${state.lastModified} → ${ok ? 'true' : 'false'}`);
      if (!ok) return { outcome: 'precondition-failed', decidedBy: 'If-Unmodified-Since', steps };
    }
  }

  if (inm !== undefined) {
    const list = parseEntityTagList(inm);
    const matches = list.any ? state.exists : !!current && list.tags.some((t) => weakMatch(t, current));
    steps.push(`3. If-None-Match: ${inm} against ${state.exists ? `current ETag ${state.etag ?? '(none)'}` : 'no current representation'} (weak comparison) → ${matches ? 'false (it matches)' : 'true'}`);
    if (matches) return { outcome: isRead ? 'not-modified' : 'precondition-failed', decidedBy: 'If-None-Match', steps };
  } else if (ims !== undefined && isRead) {
    const since = parseHttpDate(ims);
    const modified = state.lastModified ? parseHttpDate(state.lastModified) : undefined;
    if (since && modified && modified.date.getTime() <= since.date.getTime()) {
      steps.push(`4. If-Modified-Since: ${ims} against Last-Modified ${state.lastModified} → false (not modified)`);
      return { outcome: 'not-modified', decidedBy: 'If-Modified-Since', steps };
    }
  }
  steps.push('All preconditions hold: the server would apply the request now.');
  return { outcome: 'proceed', steps };
}
