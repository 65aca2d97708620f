/**
 * stale-etag: the precondition's value was captured from a response for resource R, and another write to R
 * happened between that capture and this request. The write changed R's ETag, so this request is bound to
 * get 412 (or, with a server that ignores the precondition, to overwrite the other write).
 */
import type { HeaderModel, RequestModel } from '../model/types';
import { exclusive } from '../model/types';
import { readHeadersOf } from '../services/recognise';
import { factsOf } from './request-facts';
import { byRequest, type Fix, type Rule } from './types';
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
      const target = req.target;
      const conditionals = factsOf(req).conditionals;
      for (let i = 0; i < conditionals.length; i++) {
        const { header: h, name } = conditionals[i];
        if (name !== 'if-match' && name !== 'if-none-match' && name !== 'if-unmodified-since') continue;
        if (h.source.kind !== 'capture') continue;
        const captured = ctx.model.requests[h.source.request];
        if (!captured || captured.target !== req.target) continue;
        // In client code, a write in the other arm of an `if` (or another function) never runs in between.
        const between = firstChangeBetween(ctx.model.requests, target, captured.index, req.index, (w) => !exclusive(w, req));
        if (!between) continue;
        report({
          message: `${h.name} uses the ETag captured by ${describeRequest(captured)}, ` +
            `but the ${between.method} on line ${startLineOf(between.anchor) + 1} changed this resource since: ` +
            'the value is stale and the server will answer 412. Re-read the resource before this write.',
          range: rangeOf(h.valueRange),
          fixes: () => refreshFixes(req, h, between, ctx.config.serverReturnsEtagOnWrite),
        });
      }
    },
  }),
};

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
