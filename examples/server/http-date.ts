// HTTP-date (RFC 9110 §5.6.7): IMF-fixdate for output, all three historic forms on input.
// Written by hand because Date.parse accepts far more than HTTP allows (e.g. "2024-01-01",
// "yesterday" in some engines), and an over-lenient parser would make invalid
// If-Unmodified-Since values count instead of being ignored as the RFC requires.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `Sun, 06 Nov 1994 08:49:37 GMT` — the only form a sender may generate. */
export function formatHttpDate(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`
  );
}

const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850 =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * Returns epoch milliseconds, or undefined when the value is not a valid HTTP-date.
 * `now` is only needed to resolve two-digit RFC 850 years.
 */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  const v = value.trim();
  let m = IMF_FIXDATE.exec(v);
  if (m) return build(+m[3], m[2], +m[1], +m[4], +m[5], +m[6]);
  m = RFC850.exec(v);
  if (m) {
    // RFC 9110: a two-digit year more than 50 years in the future means the previous century.
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
    return build(year, m[2], +m[1], +m[4], +m[5], +m[6]);
  }
  m = ASCTIME.exec(v);
  if (m) return build(+m[6], m[1], +m[2].trim(), +m[3], +m[4], +m[5]);
  return undefined;
}

function build(year: number, monthName: string, day: number, h: number, min: number, s: number): number | undefined {
  const month = MONTHS.indexOf(monthName);
  // Seconds up to 60 are grammatical (leap second); clamp so 23:59:60 is not rejected.
  if (month < 0 || h > 23 || min > 59 || s > 60) return undefined;
  const ms = Date.UTC(year, month, day, h, min, Math.min(s, 59));
  // Date.UTC rolls 31 Feb over into March (and maps years < 100 to 19xx); reject instead
  // of silently moving the date.
  const d = new Date(ms);
  if (d.getUTCDate() !== day || d.getUTCFullYear() !== year) return undefined;
  return ms;
}

/** HTTP dates have one-second resolution; every comparison must be done at that granularity. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
