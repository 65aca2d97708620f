/**
 * wildcard-if-match: `If-Match: *` on a write only requires that the resource exists (RFC 9110 §13.1.1). It
 * stops a write from re-creating a deleted resource, but any concurrent update still gets overwritten.
 */
import type { Rule } from './types';
import { effectiveValue, headersOnWrites } from './vocabulary';

export const wildcardIfMatch: Rule = {
  id: 'wildcard-if-match',
  defaultLevel: 'info',
  summary: '`If-Match: *` on a write only requires that the resource exists; it does not prevent lost updates.',
  languages: ['http', 'code'],
  check({ model, config }, report) {
    for (const { req, h } of headersOnWrites(model.requests, config, 'If-Match')) {
      if (effectiveValue(h)?.trim() !== '*') continue;
      report({
        message: `\`If-Match: *\` only requires that the resource exists: this ${req.method} still overwrites any ` +
          'concurrent update. To guard against lost updates, send the ETag you read.',
        range: h.range,
        fixes: [],
      });
    }
  },
};
