/**
 * `If-Match: *` after a read of the same resource: the wildcard matches any current version (RFC 9110 §13.1.1), so
 * it only says "the resource exists". Where the write follows a read of that resource (a `.http` GET right before
 * it, a read in the same function whose data the code sends back), the read's version was at hand and the write
 * overwrites whatever was saved in between: a lost update, exactly as with no precondition. SharePoint's own
 * documentation calls `*` the way "to force an overwrite of the item regardless of version". Without such a read the
 * wildcard keeps its meaning (update an existing resource, never create one: Dataverse and SharePoint writes use it
 * that way) and only `wildcard-if-match` (info) speaks. A DELETE means whatever is there: never reported here.
 */
import type { EngineConfig } from '../config/config';
import type { HeaderModel, RequestModel } from '../model/types';
import { withHeaders } from '../model/types';
import { serviceOf } from '../services/recognise';
import { rangeOf } from '../text/span';
import { factsOf } from './request-facts';
import type { Fix, ReportedFinding } from './types';
import { describeRequest, effectiveValue, freshReadBefore, hasWritePrecondition } from './vocabulary';

export interface WildcardOverwrite {
  /** The read whose version the write could have sent. */
  read: RequestModel;
  /** The `If-Match: *` headers (usually one). */
  wildcards: readonly HeaderModel[];
}

/** The wildcard and the read before it, when `req` is a read-modify-write whose only guard is `If-Match: *`. */
export function wildcardOverwrite(req: RequestModel, requests: readonly RequestModel[], config: EngineConfig,
  language: 'http' | 'code'): WildcardOverwrite | undefined {
  if (req.method === 'DELETE') return undefined;
  // The If-Match headers from the request's facts (at hand in the rules' walk), in the request's order. Most writes
  // carry none, and most If-Match a tag: no list (and no closure per write) is made for them.
  const conditionals = factsOf(req).conditionals;
  let ifMatch: HeaderModel[] | undefined;
  for (let i = 0; i < conditionals.length; i++) {
    const c = conditionals[i];
    if (c.name !== 'if-match') continue;
    if (c.header.conditional || effectiveValue(c.header)?.trim() !== '*') return undefined;
    (ifMatch ??= []).push(c.header);
  }
  if (!ifMatch) return undefined;
  // Another precondition beside the wildcard (If-Unmodified-Since, a service's own) still guards the write.
  if (hasWritePrecondition(withHeaders(req, req.headers.filter((h) => !ifMatch.includes(h))), config)) return undefined;
  const read = language === 'http' ? freshReadBefore(requests, req)
    : req.readInScope === undefined ? undefined : requests[req.readInScope];
  return read ? { read, wildcards: ifMatch } : undefined;
}

/** The finding: the wildcard names no version, and the read before the write had one. */
export function wildcardFinding(req: RequestModel, w: WildcardOverwrite): ReportedFinding {
  const from = serviceOf(req)?.fix?.from;
  return {
    message: `${req.method} sends If-Match: *, which matches any current version (RFC 9110 §13.1.1), after ` +
      `${describeRequest(w.read)} read the resource: a change saved in between is overwritten unseen, as with no ` +
      `precondition. Send the ETag that read returned${from ? ` (${from})` : ''} instead of *.`,
    range: rangeOf(req.anchor),
    fixes: () => wildcardFixes(req, w),
  };
}

/** Replace `*` with a reference to the read's ETag, where the language can name it. */
function wildcardFixes(req: RequestModel, w: WildcardOverwrite): Fix[] {
  const ref = req.editor.referenceTo?.(w.read);
  if (!ref) return [];
  return [{
    title: `Send the ETag read by ${describeRequest(w.read)} instead of *`,
    edits: [...ref.edits, ...w.wildcards.map((h) => ({ range: rangeOf(h.valueRange), newText: ref.expression }))],
    preferred: true,
  }];
}
