/**
 * invalid-http-date: If-Modified-Since, If-Unmodified-Since and a date-valued If-Range must hold an HTTP-date
 * (RFC 9110 §5.6.7). A server must ignore an If-(Un)Modified-Since it cannot parse (§13.1.3, §13.1.4), so the
 * condition silently disappears; an unparsable If-Range never matches, so the whole representation comes back.
 * The obsolete RFC 850 and asctime forms are still accepted, but a sender must not generate them: a warning.
 */
import { lowerCaseName } from '../model/types';
import { wholeTemplate } from '../http/templates';
import { formatImfFixdate, isImfFixdate, parseHttpDate, parseLooseDate } from '../semantics/http-date';
import type { HeaderModel } from '../model/types';
import type { Finding, Fix, Rule } from './types';
import { byConditionalHeader } from './by-conditional';
import { effectiveValue } from './vocabulary';
import { rangeOf } from '../text/span';

const EXAMPLE = 'Sun, 06 Nov 1994 08:49:37 GMT';

export const invalidHttpDate: Rule = {
  id: 'invalid-http-date',
  defaultLevel: 'error',
  summary: 'An If-Modified-Since, If-Unmodified-Since or If-Range date is not an HTTP-date (IMF-fixdate).',
  languages: ['http', 'code'],
  ...byConditionalHeader(['if-modified-since', 'if-unmodified-since', 'if-range'], (c, _req, report) => {
    const finding = judge(c.header);
    if (finding) report(finding);
  }),
};

/** What is wrong with one date header, if anything. */
function judge(h: HeaderModel): Omit<Finding, 'ruleId'> | undefined {
  const value = effectiveValue(h)?.trim();
  if (value === undefined) return undefined;
  // If-Range holds an entity-tag or a date; entity-tags are invalid-etag's business (§13.1.5: DQUOTE tells them apart).
  if (lowerCaseName(h.name) === 'if-range' && /^(W\/|w\/|")/.test(value)) return undefined;
  const consequence = lowerCaseName(h.name) === 'if-range'
    ? 'the server treats the condition as failed and sends the whole representation'
    : 'the server must ignore the header, so the condition silently disappears';
  if (value === '') return { message: `${h.name} has no value: ${consequence}. Write an IMF-fixdate such as \`${EXAMPLE}\`.`, range: rangeOf(h.range), fixes: [] };
  if (value.includes('{{')) return judgeTemplate(h, consequence);
  if (isImfFixdate(value)) return undefined;
  const parsed = parseHttpDate(value);
  // Only a value typed into the header can be rewritten in place; one from a variable is reported, not edited.
  const rewritable = h.value !== undefined && !h.value.includes('{{');
  const rewrite = (date: Date): Fix[] => rewritable
    ? [{ title: `Rewrite as IMF-fixdate: ${formatImfFixdate(date)}`, edits: [{ range: rangeOf(h.valueRange), newText: formatImfFixdate(date) }], preferred: true }]
    : [];
  if (parsed) {
    return {
      message: `${h.name} uses the obsolete ${parsed.form === 'rfc850' ? 'RFC 850' : 'asctime'} date form: recipients still ` +
        `accept it, but senders must generate IMF-fixdate (RFC 9110 §5.6.7): \`${formatImfFixdate(parsed.date)}\`.`,
      range: rangeOf(h.valueRange),
      fixes: rewrite(parsed.date),
      level: 'warning',
    };
  }
  const loose = parseLooseDate(value);
  return {
    message: `${h.name}: \`${value}\` is not an HTTP-date (RFC 9110 §5.6.7), so ${consequence}. ` +
      `Write an IMF-fixdate such as \`${loose ? formatImfFixdate(loose) : EXAMPLE}\`.`,
    range: rangeOf(h.valueRange),
    fixes: loose ? rewrite(loose) : [],
  };
}

/** Dynamic variables that produce something other than an HTTP-date: `$datetime iso8601`, `$timestamp`, … */
function judgeTemplate(h: HeaderModel, consequence: string): Omit<Finding, 'ruleId'> | undefined {
  const t = h.value === undefined ? undefined : wholeTemplate(h.value);
  if (t?.kind !== 'dynamic') return undefined;
  const iso = /^(datetime|localDatetime)$/.test(t.name) && /^iso8601\b/.test(t.args);
  if (!iso && !/^(timestamp|isoTimestamp)$/.test(t.name)) return undefined;
  const message = `${h.name}: \`{{$${t.name}${t.args ? ' ' + t.args : ''}}}\` does not produce an HTTP-date (RFC 9110 §5.6.7), ` +
    `so ${consequence}. Use \`{{$datetime rfc1123}}\` (REST Client, httpYac), which writes an IMF-fixdate.`;
  // `$datetime iso8601 -1 d` keeps its offset as `$datetime rfc1123 -1 d`; JetBrains has no rfc1123 form to offer.
  const fixes: Fix[] = iso
    ? [{ title: 'Use {{$datetime rfc1123}}', edits: [{ range: rangeOf(h.valueRange), newText: `{{$datetime ${t.args.replace(/^iso8601/, 'rfc1123')}}}` }], preferred: true }]
    : [];
  return { message, range: rangeOf(h.valueRange), fixes };
}
