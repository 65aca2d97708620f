/**
 * stale-etag: the precondition's value was captured from a response for resource R, and another write to R
 * happened between that capture and this request. The write changed R's ETag, so this request is bound to
 * get 412 (or, with a server that ignores the precondition, to overwrite the other write).
 */
import type { HeaderModel, RequestModel } from '../model/types';
import { readHeadersOf } from '../services/recognise';
import { factsOf } from './request-facts';
import { byRequest, type Fix, type ReportedFinding, type Rule } from './types';
import { describeRequest, firstChangeBetween } from './vocabulary';
import { rangeOf, startLineOf } from '../text/span';

export const staleEtag: Rule = {
  id: 'stale-etag',
  defaultLevel: 'warning',
  summary: 'A precondition reuses an ETag captured before another write to the same resource.',
  languages: ['http', 'code'],
  ...byRequest({
    reads: 'dataflow',
    needs: ['conditional'],
    check(req, ctx, report) {
      if (req.target === undefined) return;
      const requests = ctx.model.requests;
      const conditionals = factsOf(req).conditionals;
      for (let i = 0; i < conditionals.length; i++) {
        const { header: h, name } = conditionals[i];
        if (name !== 'if-match' && name !== 'if-none-match' && name !== 'if-unmodified-since') continue;
        if (h.source.kind !== 'capture') continue;
        const captured = requests[h.source.request];
        if (!captured || captured.target !== req.target) continue;
        const between = firstChangeBetween(requests, req.target, captured.index, req);
        if (between) report(staleFinding(req, h, captured, between, ctx.config.serverReturnsEtagOnWrite));
      }
    },
  }),
};

/**
 * The finding, made by a function of its own: what its deferred fixes keep (the request, the header, the change) is
 * captured only for a finding, not on every call of `check` (most find nothing).
 */
function staleFinding(req: RequestModel, h: HeaderModel, captured: RequestModel, between: RequestModel, reuseWriteEtag: boolean): ReportedFinding {
  return {
    message: `${h.name} uses the ETag captured by ${describeRequest(captured)}, ` +
      `but the ${between.method} on line ${startLineOf(between.anchor) + 1} changed this resource since: ` +
      'the value is stale and the server will answer 412. Re-read the resource before this write.',
    range: rangeOf(h.valueRange),
    fixes: () => refreshFixes(req, h, between, reuseWriteEtag),
  };
}

/** Re-read before the write, or (when the server returns ETags on writes) reuse the intervening write's ETag. */
function refreshFixes(req: RequestModel, h: HeaderModel, between: RequestModel, reuseWriteEtag: boolean): Fix[] {
  const fixes: Fix[] = [];
  const inserted = req.editor.insertReadBefore?.(readHeadersOf(req));
  if (inserted) {
    fixes.push({
      title: 'Insert a refreshing GET before this write',
      edits: [...inserted.edits, { range: rangeOf(h.valueRange), newText: inserted.etagExpression }],
      preferred: true,
    });
  }
  const reuse = reuseWriteEtag ? req.editor.referenceTo?.(between) : undefined;
  if (reuse) {
    fixes.push({
      title: `Use the ETag from the ${between.method} on line ${startLineOf(between.anchor) + 1}`,
      edits: [...reuse.edits, { range: rangeOf(h.valueRange), newText: reuse.expression }],
    });
  }
  return fixes;
}
