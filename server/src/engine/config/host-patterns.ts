/**
 * The one reading of the host lists in settings (`weakEtagHosts`, `runner.allowSelfSignedHosts`,
 * `protectedHosts`): a name matches itself, `*.example.org` matches every subdomain and `example.org` itself,
 * `*` matches every host. Host names are case-insensitive (RFC 3986 §3.2.2); IPv6 literals match with or
 * without their brackets.
 */

/** True when `host` matches one of `patterns`. An unknown host (a `{{templated}}` URL) matches nothing. */
export function hostMatches(host: string | undefined, patterns: readonly string[]): boolean {
  if (!host) return false;
  // A file names a few hosts many times, and each question walks the list (the echo hosts are 26): once per host.
  const { list, answers } = normalised(patterns);
  let answer = answers.get(host);
  if (answer === undefined) {
    answer = matchesOne(withoutBrackets(host.toLowerCase()), list);
    if (answers.size >= ANSWERS_PER_LIST) answers.clear();
    answers.set(host, answer);
  }
  return answer;
}

function matchesOne(h: string, list: readonly string[]): boolean {
  for (const pattern of list) {
    if (pattern === '*' || pattern === h) return true;
    if (pattern.startsWith('*.') && (h.endsWith(pattern.slice(1)) || h === pattern.slice(2))) return true;
  }
  return false;
}

/**
 * The patterns trimmed, lower-cased and unbracketed, once per list (lists come from settings and the catalogue), with
 * the answers given for it so far by host as written (bounded: odd input cannot grow them without limit).
 */
const normalisedLists = new WeakMap<readonly string[], { list: string[]; answers: Map<string, boolean> }>();
const ANSWERS_PER_LIST = 1024;

function normalised(patterns: readonly string[]): { list: string[]; answers: Map<string, boolean> } {
  let read = normalisedLists.get(patterns);
  // A list edited in place since (same array, other length) is read again, and its answers forgotten.
  if (!read || read.list.length !== patterns.length) {
    read = { list: patterns.map((p) => withoutBrackets(p.trim().toLowerCase())), answers: new Map() };
    normalisedLists.set(patterns, read);
  }
  return read;
}

function withoutBrackets(host: string): string {
  return host.startsWith('[') || host.endsWith(']') ? host.replace(/^\[|\]$/g, '') : host;
}
