/**
 * invalid-etag: If-Match, If-None-Match and If-Range values must be `*` or a list of entity-tags
 * (RFC 9110 §8.8.3, §13.1.1–13.1.2, §13.1.5); servers treat a malformed one as not matching, so the write fails
 * with 412 or, worse, the condition is ignored.
 */
import { parseEntityTagList } from '../semantics/entity-tag';
import { parseHttpDate } from '../semantics/http-date';
import { lineRange } from '../text/types';
import { byConditionalHeader } from './by-conditional';
import type { Rule } from './types';
import { rangeOf } from '../text/span';

export const invalidEtag: Rule = {
  id: 'invalid-etag',
  defaultLevel: 'error',
  summary: 'An If-Match, If-None-Match or If-Range value is not `*` or a list of quoted entity-tags.',
  languages: ['http', 'code'],
  ...byConditionalHeader(['if-match', 'if-none-match', 'if-range'], ({ header: h, name }, _req, report) => {
    if (h.value === undefined) return;
    // If-Range may hold a date instead (checked by invalid-http-date).
    if (name === 'if-range' && (parseHttpDate(h.value) || !/^\s*(W\/|w\/|")/.test(h.value))) return;
    if (h.value.trim() === '') {
      report({ message: `${h.name} has no value: give \`*\` or a quoted entity-tag.`, range: rangeOf(h.range), fixes: [] });
      return;
    }
    // One element holding a template (a captured ETag, a variable) is only known at run time: nothing to check.
    if (h.value.includes('{{') && !h.value.includes(',')) return;
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
  }),
};
