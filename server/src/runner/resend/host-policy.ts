/**
 * `etagGuard.protectedHosts`: which hosts refuse a resend without preconditions. Patterns are read in order
 * and the last one that matches decides, as in .gitignore: `name`, `*.suffix` or `*` protect; a leading `!`
 * un-protects. The default protects everything except loopback names and the reserved test domains.
 */
import { hostMatches } from '../../engine';

export const DEFAULT_PROTECTED_HOSTS: readonly string[] = ['*', '!localhost', '!127.0.0.1', '!::1', '!*.test', '!*.local'];

/** True when `host` (a name or address, IPv6 with or without brackets) is protected by `patterns`. */
export function isProtectedHost(host: string, patterns: readonly string[] = DEFAULT_PROTECTED_HOSTS): boolean {
  let protectedHost = false;
  for (const raw of patterns) {
    const pattern = raw.trim();
    const negated = pattern.startsWith('!');
    if (hostMatches(host, [negated ? pattern.slice(1) : pattern])) protectedHost = !negated;
  }
  return protectedHost;
}
