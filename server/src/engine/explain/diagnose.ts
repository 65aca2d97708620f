/**
 * Explains a 412 Precondition Failed (or 428 Precondition Required): which precondition failed and why,
 * from the request as sent, the failing response and a fresh re-read of the resource. Pure: the host does the
 * re-read and passes the results in.
 */
import { parseEntityTagList } from '../semantics/entity-tag';
import { parseHttpDate } from '../semantics/http-date';
import { compareCache, intermediaryHeaders } from './cache';
import { headerValue as header } from './header-value';
import { evaluatePreconditions } from './evaluate';
import { likelyCulprit, untransform } from './transforms';

export type Cause =
  | 'changed' | 'weak-etag' | 'transformed-etag' | 'clock-skew' | 'modified-since'
  | 'exists' | 'missing' | 'precondition-required' | 'unexplained';

/** A response as the explainer needs it: status and lower-case header names. */
export interface Snapshot {
  status: number;
  headers: Readonly<Record<string, string>>;
}

export interface DiagnoseInput {
  method: string;
  /** The headers that were sent (any case). */
  sent: Readonly<Record<string, string>>;
  response: Snapshot;
  /** The re-read (HEAD, else GET, without preconditions); undefined when it failed. */
  reread?: Snapshot;
  /** Where the sent validator came from, e.g. "item (GET on line 3)". */
  capturedBy?: string;
  /** The local clock when the failing response arrived (ms since epoch). */
  localTime: number;
  /** The response the sent validator was captured from, to compare a cached ETag with the origin's. */
  captured?: Snapshot;
  /** The headers the re-read sent (does it bypass caches with Cache-Control: no-cache?). */
  rereadRequest?: Readonly<Record<string, string>>;
}

export interface Diagnosis {
  /** The precondition header that failed, or null (428, or nothing failed on replay). */
  failed: string | null;
  sent?: string;
  current?: string;
  cause: Cause;
  advice: string;
  /** True when waiting and re-reading can help (Apache's weak-after-write window). */
  transient: boolean;
  /** The §13.2.2 evaluation, replayed against the re-read. */
  steps: string[];
  /** Intermediaries suspected from Via, Age, X-Cache and the like. */
  intermediaries: string[];
  /** Server Date minus local time, in seconds, when the response had a Date. */
  clockSkewSeconds?: number;
  /** The ETag of the capturing response when it came through an intermediary (compare with `current`). */
  cachedEtag?: string;
  /** True when the re-read sent Cache-Control: no-cache, so `current` is the origin's. */
  rereadBypassedCache?: boolean;
  /** What the cache comparison found, in words (also the first step). */
  cacheNote?: string;
}

const SKEW_TOLERANCE_SECONDS = 2;

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { response, reread } = input;
  const intermediaries = [input.captured, response, reread].flatMap((s) => (s ? intermediaryHeaders(s) : []));
  const serverDate = parseHttpDate(header(response.headers, 'date') ?? '');
  const clockSkewSeconds = serverDate ? Math.round((serverDate.date.getTime() - input.localTime) / 1000) : undefined;
  const current = reread ? header(reread.headers, 'etag') : undefined;
  const cache = compareCache(input);
  const base = { intermediaries: [...new Set(intermediaries)], clockSkewSeconds, current };
  const cacheFields = {
    ...(input.rereadRequest ? { rereadBypassedCache: cache.rereadBypassedCache } : {}),
    ...(cache.cachedEtag !== undefined ? { cachedEtag: cache.cachedEtag } : {}),
    ...(cache.note ? { cacheNote: cache.note } : {}),
  };
  const done = (d: Omit<Diagnosis, 'intermediaries' | 'clockSkewSeconds' | 'current' | 'steps'> & { steps?: string[] }): Diagnosis => ({
    ...base, ...d, ...cacheFields,
    steps: cache.note ? [...(d.steps ?? []), cache.note] : d.steps ?? [],
    advice: withIntermediaries(cache.staleAdvice ? `${d.advice} ${cache.staleAdvice}` : d.advice, base.intermediaries, cache.rereadBypassedCache),
  });

  if (response.status === 428) {
    return done({
      failed: null, cause: 'precondition-required', transient: false,
      advice: `The server requires a conditional request. Add If-Match with the current ETag${current ? ` (${current})` : ''} from a fresh read.`,
    });
  }
  if (!reread || reread.status === 404 || reread.status === 410) {
    return done({
      failed: firstPrecondition(input.sent), cause: 'missing', transient: false,
      advice: reread ? `The resource is gone (re-read answered ${reread.status}): someone deleted it. Re-create it deliberately (If-None-Match: *) or drop the write.`
        : 'The resource could not be re-read, so the cause is unknown. Check the URL and your credentials.',
    });
  }
  const state = { exists: reread.status < 400, etag: current, lastModified: header(reread.headers, 'last-modified') };
  const evaluation = evaluatePreconditions(input.method, input.sent, state);
  const steps = evaluation.steps;
  const ifMatch = header(input.sent, 'if-match');
  if (ifMatch !== undefined) {
    const sentTags = parseEntityTagList(ifMatch).tags;
    const from = input.capturedBy ? ` (captured by ${input.capturedBy})` : '';
    if (sentTags.some((t) => t.weak)) {
      return done({ failed: 'If-Match', sent: ifMatch, cause: 'weak-etag', transient: false, steps,
        advice: 'If-Match uses strong comparison, so a weak tag (W/"…") never matches. Send the strong ETag; if the server only issues weak ETags, use If-Unmodified-Since or ask the provider.' });
    }
    if (current && !parseEntityTagList(ifMatch).any) {
      const now = untransform(current);
      const same = sentTags.map((t) => untransform((t.weak ? 'W/' : '') + t.opaque)).find((s) => s.core === now.core);
      // Weak now, strong when read, and the re-read was not compressed: the server itself weakened it for a
      // while (Apache right after a write). Compression weakening (nginx gzip) is a transform, below.
      const compressed = header(reread.headers, 'content-encoding') !== undefined;
      if (same && now.weak && !same.weak && !same.suffix && !now.suffix && !compressed) {
        return done({ failed: 'If-Match', sent: ifMatch, cause: 'weak-etag', transient: true, steps,
          advice: 'The server currently serves only a weak ETag for this resource (Apache does so for about a second after a write), and a weak tag never passes If-Match. Wait a moment, re-read, and retry.' });
      }
      if (same && (same.suffix || now.suffix || same.weak !== now.weak)) {
        return done({ failed: 'If-Match', sent: ifMatch, cause: 'transformed-etag', transient: false, steps,
          advice: `The sent and current tags differ only by a transform: ${likelyCulprit(same, now, header(response.headers, 'server') ?? header(reread.headers, 'server'))}` });
      }
      if (evaluation.decidedBy === 'If-Match') {
        return done({ failed: 'If-Match', sent: ifMatch, cause: 'changed', transient: false, steps,
          advice: `The resource changed since you read it: you sent ${ifMatch}${from}, it is now ${current}. Re-read it, review what changed, and retry with the new ETag.` });
      }
    }
  }
  const ius = header(input.sent, 'if-unmodified-since');
  if (ifMatch === undefined && ius !== undefined) {
    const since = parseHttpDate(ius);
    if (since && serverDate && since.date.getTime() > serverDate.date.getTime() + SKEW_TOLERANCE_SECONDS * 1000) {
      return done({ failed: 'If-Unmodified-Since', sent: ius, cause: 'clock-skew', transient: false, steps,
        advice: `If-Unmodified-Since (${ius}) is later than the server's own clock (Date: ${header(response.headers, 'date')}): the clocks disagree by about ${Math.abs(clockSkewSeconds ?? 0)} s. Use the resource's Last-Modified value, not the local time, or use If-Match.` });
    }
    if (evaluation.decidedBy === 'If-Unmodified-Since') {
      return done({ failed: 'If-Unmodified-Since', sent: ius, cause: 'modified-since', transient: false, steps,
        advice: `The resource was modified at ${state.lastModified}, after ${ius}. Re-read it and retry; If-Match with the ETag is more precise than a one-second date.` });
    }
  }
  const inm = header(input.sent, 'if-none-match');
  if (inm !== undefined && evaluation.decidedBy === 'If-None-Match') {
    const star = parseEntityTagList(inm).any;
    return done({ failed: 'If-None-Match', sent: inm, cause: 'exists', transient: false, steps,
      advice: star ? 'If-None-Match: * asks to create only, and the resource already exists. Use If-Match to update it, or pick another URL.'
        : `The resource still has ${current}, which the If-None-Match list names. If you meant "only if unchanged", use If-Match instead.` });
  }
  return done({ failed: null, sent: ifMatch ?? ius ?? inm, cause: 'unexplained', transient: true, steps,
    advice: 'Replayed against a fresh read, the preconditions now pass: the resource may have changed and changed back, or an intermediary altered the request. Retry once; if it persists, capture a trace and contact the API provider.' });
}

function firstPrecondition(sent: Readonly<Record<string, string>>): string | null {
  for (const name of ['If-Match', 'If-Unmodified-Since', 'If-None-Match', 'If-Modified-Since']) if (header(sent, name) !== undefined) return name;
  return null;
}

function withIntermediaries(advice: string, intermediaries: readonly string[], bypassed: boolean): string {
  if (intermediaries.length === 0) return advice;
  const reread = bypassed ? 'the re-read already bypassed caches with Cache-Control: no-cache' : 're-read with Cache-Control: no-cache';
  return `${advice} Intermediaries are in the path (${intermediaries.join('; ')}): the ETag you hold may have come from a cache; ${reread}.`;
}
