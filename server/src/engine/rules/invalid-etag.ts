/**
 * invalid-etag: If-Match, If-None-Match and If-Range values must be `*` or a list of entity-tags
 * (RFC 9110 §8.8.3, §13.1.1–13.1.2, §13.1.5); servers treat a malformed one as not matching, so the write fails
 * with 412 or, worse, the condition is ignored.
 */
import { parseEntityTagList } from '../semantics/entity-tag';
import { parseHttpDate } from '../semantics/http-date';
import { lineRange } from '../text/types';
import { factsOf } from './request-facts';
import { byRequest, type Rule } from './types';
import { rangeOf } from '../text/span';

export const invalidEtag: Rule = {
  id: 'invalid-etag',
  defaultLevel: 'error',
  summary: 'An If-Match, If-None-Match or If-Range value is not `*` or a list of quoted entity-tags.',
  languages: ['http', 'code'],
  ...byRequest({
    reads: 'request',
    needs: ['conditional'],
    check(req, _ctx, report) {
      const conditionals = factsOf(req).conditionals;
      for (let i = 0; i < conditionals.length; i++) {
        const { header: h, name } = conditionals[i];
        if (h.value === undefined || (name !== 'if-match' && name !== 'if-none-match' && name !== 'if-range')) continue;
        // If-Range may hold a date instead (checked by invalid-http-date).
        if (name === 'if-range' && (parseHttpDate(h.value) || !/^\s*(W\/|w\/|")/.test(h.value))) continue;
        if (h.value.trim() === '') {
          report({ message: `${h.name} has no value: give \`*\` or a quoted entity-tag.`, range: rangeOf(h.range), fixes: [] });
          continue;
        }
        // One element holding a template (a captured ETag, a variable) is only known at run time: nothing to check.
        if (h.value.includes('{{') && !h.value.includes(',')) continue;
        const list = parseEntityTagList(h.value);
        const { line, character } = rangeOf(h.valueRange).start;
        for (const p of list.problems) {
          const range = lineRange(line, character + p.start, character + p.end);
          report({
            message: `${h.name}: ${p.message}`,
            range,
            fixes: p.replacement ? [{ title: `Write ${p.replacement}`, edits: [{ range, newText: p.replacement }], preferred: true }] : [],
          });
        }
      }
    },
  }),
};
