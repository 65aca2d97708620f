/**
 * stale-etag: the precondition's value was captured from a response for resource R, and another write to R
 * happened between that capture and this request. The write changed R's ETag, so this request is bound to
 * get 412 (or, with a server that ignores the precondition, to overwrite the other write).
 */
import { exclusive } from '../model/types';
import type { Fix, Rule } from './types';
import { changesResource, describeRequest, ETAG_HEADERS } from './vocabulary';

export const staleEtag: Rule = {
  id: 'stale-etag',
  defaultLevel: 'warning',
  summary: 'A precondition reuses an ETag captured before another write to the same resource.',
  languages: ['http', 'code'],
  check({ model, config }, report) {
    for (const req of model.requests) {
      if (req.target === undefined) continue;
      for (const h of req.headers) {
        if (!ETAG_HEADERS.includes(h.name.toLowerCase()) && h.name.toLowerCase() !== 'if-unmodified-since') continue;
        if (h.source.kind !== 'capture') continue;
        const captured = model.requests[h.source.request];
        if (!captured || captured.target !== req.target) continue;
        const between = model.requests.slice(captured.index + 1, req.index)
          // In client code, a write in the other arm of an `if` (or another function) never runs in between.
          .find((w) => w.target === req.target && changesResource(w) && !exclusive(w, req));
        if (!between) continue;
        const fixes: Fix[] = [];
        const inserted = req.editor.insertReadBefore?.();
        if (inserted) {
          fixes.push({
            title: 'Insert a refreshing GET before this write',
            edits: [...inserted.edits, { range: h.valueRange, newText: inserted.etagExpression }],
            preferred: true,
          });
        }
        const reuse = config.serverReturnsEtagOnWrite ? req.editor.referenceTo?.(between) : undefined;
        if (reuse) {
          fixes.push({
            title: `Use the ETag from the ${between.method} on line ${between.anchor.start.line + 1}`,
            edits: [...reuse.edits, { range: h.valueRange, newText: reuse.expression }],
          });
        }
        report({
          message: `${h.name} uses the ETag captured by ${describeRequest(captured)}, ` +
            `but the ${between.method} on line ${between.anchor.start.line + 1} changed this resource since: ` +
            'the value is stale and the server will answer 412. Re-read the resource before this write.',
          range: h.valueRange,
          fixes,
        });
      }
    }
  },
};
