/**
 * etag-from-other-resource: a write's precondition uses an ETag captured from a request to a different URI.
 * Entity-tags are only comparable between representations of the same resource (RFC 9110 §8.8.3), so the write
 * fails with 412, or, if the two resources happen to share a tag, succeeds without protecting anything.
 */
import { mayBeSameResource } from '../model/target';
import { byRequest, type Rule } from './types';
import { describeRequest, isWrite } from './vocabulary';
import { factsOf } from './request-facts';
import { rangeOf } from '../text/span';

export const etagFromOtherResource: Rule = {
  id: 'etag-from-other-resource',
  defaultLevel: 'warning',
  summary: 'A write\'s precondition uses a validator captured from a request to a different resource.',
  languages: ['http', 'code'],
  ...byRequest({
    reads: 'dataflow',
    needs: ['write', 'conditional'],
    check(req, ctx, report) {
      if (!isWrite(req.method, ctx.config) || req.target === undefined) return;
      const conditionals = factsOf(req).conditionals;
      for (let i = 0; i < conditionals.length; i++) {
        const h = conditionals[i].header;
        if (h.source.kind !== 'capture') continue;
        const captured = ctx.model.requests[h.source.request];
        // A POST's validators describe the resource it created (RFC 9110 §15.3.2), whose URI is not the POST's.
        if (!captured || captured.target === undefined || captured.method === 'POST') continue;
        if (mayBeSameResource(captured.target, req.target)) continue;
        report({
          message: `${h.name} uses the ${h.source.header} of ${captured.target} (captured by ${describeRequest(captured)}), ` +
            `but this ${req.method} targets ${req.target}: validators only compare within one resource, so the ` +
            'server will answer 412, or match by accident and protect nothing. Capture it from a read of this resource.',
          range: rangeOf(h.valueRange),
          fixes: [],
        });
      }
    },
  }),
};
