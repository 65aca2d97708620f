/**
 * wildcard-if-match: `If-Match: *` on a write only requires that the resource exists (RFC 9110 §13.1.1). It
 * stops a write from re-creating a deleted resource, but any concurrent update still gets overwritten.
 */
import { byRequest, type Rule } from './types';
import { effectiveValue, isWrite } from './vocabulary';
import { factsOf } from './request-facts';
import { rangeOf } from '../text/span';

export const wildcardIfMatch: Rule = {
  id: 'wildcard-if-match',
  defaultLevel: 'info',
  summary: '`If-Match: *` on a write only requires that the resource exists; it does not prevent lost updates.',
  languages: ['http', 'code'],
  ...byRequest({
    reads: 'request',
    needs: ['write', 'if-match'],
    check(req, ctx, report) {
      if (!isWrite(req.method, ctx.config)) return;
      const conditionals = factsOf(req).conditionals;
      // Indexed: a first lint runs in the interpreter (request-facts.ts says why).
      for (let i = 0; i < conditionals.length; i++) {
        const h = conditionals[i].header;
        if (conditionals[i].name !== 'if-match' || effectiveValue(h)?.trim() !== '*') continue;
        report({
          message: `\`If-Match: *\` only requires that the resource exists: this ${req.method} still overwrites any ` +
            'concurrent update. To guard against lost updates, send the ETag you read.',
          range: rangeOf(h.range),
          fixes: [],
        });
      }
    },
  }),
};
