/**
 * The one reading of the host lists in settings (`weakEtagHosts`, `runner.allowSelfSignedHosts`,
 * `protectedHosts`): a name matches itself, `*.example.org` matches every subdomain and `example.org` itself,
 * `*` matches every host. Host names are case-insensitive (RFC 3986 §3.2.2); IPv6 literals match with or
 * without their brackets.
 */

/** True when `host` matches one of `patterns`. An unknown host (a `{{templated}}` URL) matches nothing. */
export function hostMatches(host: string | undefined, patterns: readonly string[]): boolean {
  if (!host) return false;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return patterns.some((p) => {
    const pattern = p.trim().toLowerCase().replace(/^\[|\]$/g, '');
    if (pattern === '*' || pattern === h) return true;
    return pattern.startsWith('*.') && (h.endsWith(pattern.slice(1)) || h === pattern.slice(2));
  });
}
