/**
 * Header names compared the way HTTP compares them, case-insensitively (RFC 9110 §5.1), by every part of the
 * engine that looks one up: the parser, the model and the rules.
 */
import { spellings, spelledAt } from './spellings';

/** Header names repeat across a file (If-Match, Content-Type, …): lower-case each spelling once, not per rule. */
const lowerCased = new Map<string, string>();
const LOWER_CASED_LIMIT = 4096;

/** `name.toLowerCase()`, memoised (bounded, so odd files cannot grow it without limit). */
export function lowerCaseName(name: string): string {
  let lower = lowerCased.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerCased.size < LOWER_CASED_LIMIT) lowerCased.set(name, lower);
  }
  return lower;
}

/** `a.toLowerCase() === b.toLowerCase()`, compared in place for ASCII (header names are tokens). */
export function sameHeaderName(a: string, b: string): boolean {
  if (a === b) return true;
  // Most names compared differ in their first character: two ASCII ones that do not lower-case alike settle it.
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  if (x !== y && x < 128 && y < 128 && ((x | 32) !== (y | 32) || (x | 32) < 97 || (x | 32) > 122)) return false;
  // Lower-casing keeps an ASCII string's length; only İ (U+0130) lower-cases to two characters, never to ASCII.
  if (a.length !== b.length) return a.length > b.length ? nonAsciiSame(a, b) : nonAsciiSame(b, a);
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 128 || y >= 128) return lowerCaseName(a) === lowerCaseName(b);
    if ((x | 32) !== (y | 32) || (x | 32) < 97 || (x | 32) > 122) return false;
  }
  return true;
}

/** Strings of different lengths lower-case alike only when the longer one is not ASCII (rare: ask `toLowerCase`). */
function nonAsciiSame(longer: string, shorter: string): boolean {
  for (let i = 0; i < longer.length; i++) if (longer.charCodeAt(i) >= 128) return lowerCaseName(longer) === lowerCaseName(shorter);
  for (let i = 0; i < shorter.length; i++) if (shorter.charCodeAt(i) >= 128) return lowerCaseName(longer) === lowerCaseName(shorter);
  return false;
}

/**
 * False when `name` certainly does not lower-case to a name starting with `i`: the conditional headers (If-Match,
 * If-None-Match, If-Range, If-Modified-Since, If-Unmodified-Since) all do, and most headers a rule walks past
 * (Accept, Authorization, Content-Type) are told apart by their first character without a look-up.
 */
export function mayBeIfHeader(name: string): boolean {
  const c = name.charCodeAt(0);
  return (c | 32) === 105 /* i */ || c >= 128;
}

/**
 * The header names most requests write, in their usual spelling. A syntax tree keeps a name per header (14 k in the
 * 10,000-request benchmark file, each a copy of a few characters made at its line): a name written exactly so is
 * kept as the one shared string instead.
 */
const COMMON_NAMES = spellings([
  'Accept', 'Authorization', 'Content-Type', 'Content-Length', 'If-Match', 'If-None-Match', 'If-Modified-Since',
  'If-Unmodified-Since', 'If-Range', 'User-Agent', 'Cache-Control', 'Cookie', 'Prefer', 'Host', 'Origin', 'Referer',
  'Accept-Language', 'Accept-Encoding', 'X-Request-Id', 'X-Api-Key', 'X-HTTP-Method', 'X-HTTP-Method-Override',
]);

/** `text.slice(start, end)`, a header's name as written: the shared string when it is a common name spelled as usual. */
export function writtenHeaderName(text: string, start: number, end: number): string {
  return spelledAt(COMMON_NAMES, text, start, end) ?? text.slice(start, end);
}
