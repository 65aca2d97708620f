// RFC 9110 §13.2.2 — evaluating preconditions, in the order the RFC mandates.
// Kept free of node:http so the decision table can be read (and tested) on its own.
import { EntityTag, formatEtag, parseEtagCondition, strongMatch, weakMatch } from './etag';
import { parseHttpDate, toSeconds } from './http-date';

/** The validators of the selected representation *as this route presents them*. */
export interface Validators {
  etag: EntityTag;
  /** Epoch ms; compared at one-second resolution like every HTTP-date. */
  lastModified: number;
}

export interface PreconditionRequest {
  method: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** undefined when the target resource has no current representation. */
  current: Validators | undefined;
  /** Server clock, only used to resolve two-digit years in obsolete date formats. */
  now: number;
}

export type FailedHeader = 'If-Match' | 'If-Unmodified-Since' | 'If-None-Match';

export type PreconditionOutcome =
  | { result: 'proceed' }
  | { result: 'not-modified' }
  | { result: 'failed'; header: FailedHeader; reason: string };

const PROCEED: PreconditionOutcome = { result: 'proceed' };

function header(req: PreconditionRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/**
 * Steps 1–4 of §13.2.2. Step 5 (If-Range) is deliberately not implemented: this server
 * never serves partial content, and §13.1.5 says a server that ignores Range MUST also
 * ignore If-Range. The "already succeeded" exception in steps 1 and 2 (a server MAY answer
 * 2xx when the state already reflects the change) is also not used: a demo should be
 * strict so the 412 is visible.
 */
export function evaluatePreconditions(req: PreconditionRequest): PreconditionOutcome {
  const safe = req.method === 'GET' || req.method === 'HEAD';
  const ifMatch = header(req, 'if-match');
  const ifNoneMatch = header(req, 'if-none-match');

  // Step 1: If-Match, strong comparison.
  if (ifMatch !== undefined) {
    const failure = evaluateIfMatch(ifMatch, req.current);
    if (failure) return { result: 'failed', header: 'If-Match', reason: failure };
  } else {
    // Step 2: If-Unmodified-Since, only consulted when If-Match is absent.
    const raw = header(req, 'if-unmodified-since');
    const date = raw === undefined ? undefined : parseHttpDate(raw, req.now);
    // Invalid dates and resources without a modification date make the header ignored.
    if (date !== undefined && req.current && toSeconds(req.current.lastModified) > toSeconds(date)) {
      return {
        result: 'failed',
        header: 'If-Unmodified-Since',
        reason: `The resource was modified after ${raw!.trim()}.`,
      };
    }
  }

  // Step 3: If-None-Match, weak comparison.
  if (ifNoneMatch !== undefined) {
    const condition = parseEtagCondition(ifNoneMatch);
    const matched =
      req.current !== undefined &&
      (condition.any || condition.tags.some((t) => weakMatch(t, req.current!.etag)));
    if (matched) {
      if (safe) return { result: 'not-modified' };
      return {
        result: 'failed',
        header: 'If-None-Match',
        reason: condition.any
          ? 'If-None-Match: * requires that the resource does not exist yet, but it does.'
          : `The current entity-tag ${formatEtag(req.current!.etag)} is listed in If-None-Match.`,
      };
    }
  } else if (safe) {
    // Step 4: If-Modified-Since, GET/HEAD only and only without If-None-Match.
    const raw = header(req, 'if-modified-since');
    const date = raw === undefined ? undefined : parseHttpDate(raw, req.now);
    if (date !== undefined && req.current && toSeconds(req.current.lastModified) <= toSeconds(date)) {
      return { result: 'not-modified' };
    }
  }

  return PROCEED;
}

/** Returns undefined when If-Match is satisfied, otherwise a human explanation. */
function evaluateIfMatch(value: string, current: Validators | undefined): string | undefined {
  const condition = parseEtagCondition(value);
  if (current === undefined) {
    return condition.any
      ? 'If-Match: * requires that the resource exists, but it does not.'
      : 'The resource does not exist, so no entity-tag can match.';
  }
  if (condition.any) return undefined;
  if (condition.tags.some((t) => strongMatch(t, current.etag))) return undefined;

  if (condition.tags.length === 0) {
    return 'If-Match contained no valid entity-tag. Entity-tags must be quoted, e.g. If-Match: "abc".';
  }
  if (current.etag.weak) {
    return `The current entity-tag ${formatEtag(current.etag)} is weak; If-Match uses strong comparison, so a weak tag never matches.`;
  }
  if (condition.tags.every((t) => t.weak)) {
    return 'If-Match only listed weak entity-tags (W/"…"); strong comparison never matches a weak tag.';
  }
  return `None of the listed entity-tags matches the current entity-tag ${formatEtag(current.etag)}; the resource changed since you read it.`;
}
