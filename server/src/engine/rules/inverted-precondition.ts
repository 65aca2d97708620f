/**
 * inverted-precondition: If-None-Match with an entity-tag on a write. It lets the write through only if the
 * resource has *changed* since that tag (RFC 9110 §13.1.2): the opposite of a lost-update guard, and in
 * practice a write that fails with 412 exactly when nobody else has touched the resource. If-Match was meant.
 */
import { parseEntityTagList } from '../semantics/entity-tag';
import { byRequest, type Fix, type Rule } from './types';
import { effectiveValue, isWrite } from './vocabulary';
import { factsOf } from './request-facts';
import { rangeOf } from '../text/span';

export const invertedPrecondition: Rule = {
  id: 'inverted-precondition',
  defaultLevel: 'warning',
  summary: 'If-None-Match with an entity-tag on a write succeeds only if the resource changed: If-Match was meant.',
  languages: ['http', 'code'],
  ...byRequest({
    reads: 'request',
    needs: ['write', 'if-none-match'],
    check(req, ctx, report) {
      if (!isWrite(req.method, ctx.config)) return;
      const conditionals = factsOf(req).conditionals;
      // Indexed: a first lint runs in the interpreter (request-facts.ts says why).
      for (let i = 0; i < conditionals.length; i++) {
        const h = conditionals[i].header;
        if (conditionals[i].name !== 'if-none-match' || !holdsEntityTag(h.source.kind, effectiveValue(h))) continue;
        // With an If-Match already there, renaming would leave two: let the user choose.
        const fixes: Fix[] = factsOf(req).has('if-match') ? [] : [{
          title: 'Rename to If-Match (write only if the resource is unchanged)',
          edits: [{ range: rangeOf(h.nameRange), newText: 'If-Match' }],
          preferred: true,
        }];
        report({
          message: `If-None-Match with an entity-tag lets this ${req.method} through only if the resource has changed ` +
            'since that tag (RFC 9110 §13.1.2), so it fails with 412 exactly when nobody else touched it. ' +
            'Use If-Match to write only if unchanged, or `If-None-Match: *` to create only.',
          range: rangeOf(h.range),
          fixes,
        });
      }
    },
  }),
};

/** A captured ETag is an entity-tag; a literal one must parse as tags (not `*`); anything else is unknown. */
function holdsEntityTag(source: string, value: string | undefined): boolean {
  if (source === 'capture') return true;
  return source === 'literal' && value !== undefined && !value.includes('{{') && parseEntityTagList(value).tags.length > 0;
}
