/**
 * The one reading of the host lists in settings (`weakEtagHosts`, `runner.allowSelfSignedHosts`,
 * `protectedHosts`): a name matches itself, `*.example.org` matches every subdomain and `example.org` itself,
 * `*` matches every host. Host names are case-insensitive (RFC 3986 §3.2.2); IPv6 literals match with or
 * without their brackets.
 */

/** True when `host` matches one of `patterns`. An unknown host (a `{{templated}}` URL) matches nothing. */
export function hostMatches(host: string | undefined, patterns: readonly string[]): boolean {
  if (!host) return false;
  const h = withoutBrackets(host.toLowerCase());
  for (const pattern of normalised(patterns)) {
    if (pattern === '*' || pattern === h) return true;
    if (pattern.startsWith('*.') && (h.endsWith(pattern.slice(1)) || h === pattern.slice(2))) return true;
  }
  return false;
}

/** The patterns trimmed, lower-cased and unbracketed, once per list (lists come from settings and the catalogue). */
const normalisedLists = new WeakMap<readonly string[], string[]>();

function normalised(patterns: readonly string[]): string[] {
  let list = normalisedLists.get(patterns);
  // A list edited in place since (same array, other length) is read again.
  if (!list || list.length !== patterns.length) {
    list = patterns.map((p) => withoutBrackets(p.trim().toLowerCase()));
    normalisedLists.set(patterns, list);
  }
  return list;
}

function withoutBrackets(host: string): string {
  return host.startsWith('[') || host.endsWith(']') ? host.replace(/^\[|\]$/g, '') : host;
}
