/**
 * weak-etag-in-if-match: If-Match uses the strong comparison function (RFC 9110 §13.1.1), and a weak entity-tag
 * never matches strongly (§8.8.3.2), so a `W/"…"` tag in If-Match fails with 412 every time on a conforming
 * server. FHIR servers issue weak ETags and accept them back: requests that evidently address one are skipped, and
 * `weakEtagHosts` lists other such hosts.
 */
import { splitList } from '../semantics/entity-tag';
import { lineRange } from '../text/types';
import { byRequest, type Rule } from './types';
import { hostMatches } from '../config/host-patterns';
import { looksLikeFhir } from './vocabulary';
import { factsOf, type ConditionalHeader } from './request-facts';
import { rangeOf } from '../text/span';

export const weakEtagInIfMatch: Rule = {
  id: 'weak-etag-in-if-match',
  defaultLevel: 'warning',
  summary: 'If-Match holds a weak entity-tag (`W/"…"`), which never matches: If-Match compares strongly.',
  languages: ['http', 'code'],
  ...byRequest({
    reads: 'request',
    needs: ['if-match'],
    check(req, { config }, report) {
      // The exemption reads every header value: only worth asking about a request that holds a weak tag at all.
      const conditionals = factsOf(req).conditionals;
      if (!holdsWeakIfMatch(conditionals)) return;
      if (hostMatches(req.host, config.weakEtagHosts) || looksLikeFhir(req)) return;
      for (const { header: h, name } of conditionals) {
        if (name !== 'if-match' || h.value === undefined) continue;
        const { line, character } = rangeOf(h.valueRange).start;
        // Only a `W/` written in the header is known: a captured ETag's weakness shows only at run time.
        for (const element of splitList(h.value)) {
          if (!element.text.startsWith('W/')) continue;
          const at = character + element.start;
          report({
            message: `If-Match uses strong comparison (RFC 9110 §13.1.1), so the weak tag ${element.text} can never match: ` +
              'the request fails with 412. Send the strong tag; if the server only issues weak ETags for this resource, ' +
              'If-Match cannot guard it (list FHIR-like hosts that accept weak tags in etagGuard.weakEtagHosts).',
            range: lineRange(line, at, at + element.text.length),
            fixes: [{
              title: 'Drop W/: If-Match compares strongly, so a weak tag never matches',
              edits: [{ range: lineRange(line, at, at + 2), newText: '' }],
              preferred: true,
            }],
          });
        }
      }
    },
  }),
};

/** True when an If-Match among `conditionals` has `W/` in its value (indexed, no closure: asked of every If-Match). */
function holdsWeakIfMatch(conditionals: readonly ConditionalHeader[]): boolean {
  for (let i = 0; i < conditionals.length; i++) {
    if (conditionals[i].name === 'if-match' && conditionals[i].header.value?.includes('W/')) return true;
  }
  return false;
}
