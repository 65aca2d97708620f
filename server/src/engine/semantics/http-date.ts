/**
 * HTTP-date (RFC 9110 §5.6.7): the preferred IMF-fixdate, and the obsolete RFC 850 and asctime forms a
 * recipient must still accept but a sender must not generate.
 */

import { stringMemo } from '../text/string-memo';

export type HttpDateForm = 'imf-fixdate' | 'rfc850' | 'asctime';

export interface HttpDate {
  form: HttpDateForm;
  date: Date;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const IMF = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850 = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function build(year: number, month: string, day: number, h: string, m: string, s: string): Date | undefined {
  const mon = MONTHS.indexOf(month);
  // Seconds up to 60 are grammatical (a leap second): clamp, so 23:59:60 is not rejected.
  const date = new Date(Date.UTC(year, mon, day, Number(h), Number(m), Math.min(Number(s), 59)));
  // Reject 31 Feb, 25:00:00 and the like: Date.UTC would silently roll them over (and map years < 100 to 19xx).
  if (date.getUTCDate() !== day || date.getUTCMonth() !== mon || date.getUTCFullYear() !== year ||
      date.getUTCHours() !== Number(h) || date.getUTCMinutes() !== Number(m) || Number(s) > 60) return undefined;
  return date;
}

/**
 * Parses any of the three forms; undefined when the text is not an HTTP-date. `now` (epoch ms) resolves the
 * two-digit years of the RFC 850 form.
 */
export function parseHttpDate(text: string, now: number = Date.now()): HttpDate | undefined {
  const t = text.trim();
  let m = IMF.exec(t);
  if (m) {
    const date = build(Number(m[4]), m[3], Number(m[2]), m[5], m[6], m[7]);
    return date && { form: 'imf-fixdate', date };
  }
  m = RFC850.exec(t);
  if (m) {
    // Two-digit years: RFC 9110 says to read a year more than 50 years in the future as the past century.
    const yy = Number(m[4]);
    const nowYear = new Date(now).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + yy;
    if (year > nowYear + 50) year -= 100;
    const date = build(year, m[3], Number(m[2]), m[5], m[6], m[7]);
    return date && { form: 'rfc850', date };
  }
  m = ASCTIME.exec(t);
  if (m) {
    const date = build(Number(m[7]), m[2], Number(m[3].trim()), m[4], m[5], m[6]);
    return date && { form: 'asctime', date };
  }
  return undefined;
}

/**
 * True for a value that is an IMF-fixdate (what a valid date header holds), once per distinct value: a file repeats
 * its dates, and the answer does not depend on the clock (only RFC 850's two-digit years do).
 */
export const isImfFixdate = stringMemo((value: string): boolean => parseHttpDate(value)?.form === 'imf-fixdate');

/** Formats a date as IMF-fixdate, the only form a sender should generate. */
export function formatImfFixdate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} GMT`;
}

const MONTH_NAME = new RegExp(`\\b(${MONTHS.join('|')})`, 'i');
const ZONE_SUFFIX = /(?:\b(?:GMT|UTC|UT)|\dZ|[+-]\d{2}:?\d{2}|\b[ECMP][SD]T)$/i;

/**
 * HTTP-dates are always GMT, and `Date.parse` would read a zoneless date in the machine's own zone: make it UTC
 * so a fix rewrites it the same way on every machine.
 */
function asUtcWhenZoneless(text: string): string {
  if (ZONE_SUFFIX.test(text)) return text;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.includes(':') ? `${text.replace(' ', 'T')}Z` : text;
  return `${text} GMT`;
}

/**
 * Reads dates people write by mistake (ISO 8601, RFC 2822 with a numeric zone, day names in full) so a quick
 * fix can rewrite them as IMF-fixdate; a date without a zone is read as GMT. Returns undefined for anything not
 * clearly a date.
 */
export function parseLooseDate(text: string): Date | undefined {
  const t = text.trim();
  // Date.parse accepts nearly anything with a number in it: insist on an ISO date or a month name.
  const looksLikeDate = /^\d{4}-\d{2}-\d{2}/.test(t) || (/\d{4}/.test(t) && MONTH_NAME.test(t));
  if (!looksLikeDate || t.length > 64) return undefined;
  const longDay = LONG_DAYS.find((d) => t.startsWith(d));
  const normalized = longDay ? t.replace(longDay, longDay.slice(0, 3)) : t;
  const ms = Date.parse(asUtcWhenZoneless(normalized));
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
