/**
 * A session's cookies (RFC 6265 §5.3 storage model, the parts request runners need): Domain/host-only,
 * Path, Expires/Max-Age, Secure. Cookies from one response are sent back on later requests of the session.
 */

interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  /** Epoch ms, or Infinity for a session cookie. */
  expires: number;
}

/** Cookies of one session; `now` is injectable for tests. */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the cookies of `Set-Cookie` values received from `url`. Invalid ones are ignored, as browsers do. */
  store(url: URL, setCookies: readonly string[]): void {
    for (const header of setCookies) {
      const cookie = parseSetCookie(header, url, this.now());
      if (!cookie) continue;
      const key = `${cookie.domain};${cookie.path};${cookie.name}`;
      if (cookie.expires <= this.now()) this.cookies.delete(key);
      else this.cookies.set(key, cookie);
    }
  }

  /** The `Cookie` header value for a request to `url`, or undefined when no cookie applies. */
  headerFor(url: URL): string | undefined {
    const host = url.hostname.toLowerCase();
    const now = this.now();
    const matching = [...this.cookies.values()]
      .filter((c) => c.expires > now && (c.hostOnly ? host === c.domain : domainMatches(host, c.domain)))
      .filter((c) => pathMatches(url.pathname || '/', c.path) && (!c.secure || url.protocol === 'https:' || isLoopback(host)))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? undefined : matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** Number of live cookies (for status displays). */
  get size(): number {
    return this.cookies.size;
  }

  clear(): void {
    this.cookies.clear();
  }
}

function parseSetCookie(header: string, url: URL, now: number): StoredCookie | undefined {
  const [pair, ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const host = url.hostname.toLowerCase();
  const cookie: StoredCookie = {
    name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(),
    domain: host, hostOnly: true, path: defaultPath(url.pathname), secure: false, expires: Infinity,
  };
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const i = attribute.indexOf('=');
    const key = (i < 0 ? attribute : attribute.slice(0, i)).trim().toLowerCase();
    const value = i < 0 ? '' : attribute.slice(i + 1).trim();
    if (key === 'domain' && value) {
      const domain = value.replace(/^\./, '').toLowerCase();
      if (!domainMatches(host, domain)) return undefined; // a server may not set cookies for another site
      cookie.domain = domain;
      cookie.hostOnly = false;
    } else if (key === 'path' && value.startsWith('/')) {
      cookie.path = value;
    } else if (key === 'secure') {
      cookie.secure = true;
    } else if (key === 'max-age' && /^-?\d+$/.test(value)) {
      maxAgeSeen = true;
      cookie.expires = now + Number(value) * 1000;
    } else if (key === 'expires' && !maxAgeSeen) {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) cookie.expires = t;
    }
  }
  return cookie;
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host));
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function defaultPath(path: string): string {
  if (!path.startsWith('/')) return '/';
  const last = path.lastIndexOf('/');
  return last <= 0 ? '/' : path.slice(0, last);
}

/** Browsers treat loopback as a secure context, so Secure cookies work against local dev servers. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
}
