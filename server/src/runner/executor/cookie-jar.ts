/**
 * A session's cookies, kept by `tough-cookie` (RFC 6265: Domain / host-only, Path, Expires / Max-Age, Secure,
 * and the public-suffix list, so a response cannot set a cookie for `co.uk` or `com`). Cookies from one
 * response are sent back on later requests of the session. Loopback counts as a secure origin, as in browsers,
 * so Secure cookies work against local dev servers. `now` is injectable for tests: expiry is judged by it.
 */
import { Cookie, CookieJar as ToughCookieJar, cookieCompare } from 'tough-cookie';

export class CookieJar {
  private jar = new ToughCookieJar();

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the cookies of `Set-Cookie` values received from `url`. Invalid ones are ignored, as browsers do. */
  store(url: URL, setCookies: readonly string[]): void {
    const now = new Date(this.now());
    for (const header of setCookies) this.jar.setCookieSync(header, url.href, { ignoreError: true, now });
  }

  /** The `Cookie` header value for a request to `url`, or undefined when no cookie applies. */
  headerFor(url: URL): string | undefined {
    const live = this.jar.getCookiesSync(url.href, { expire: false }).filter((c) => this.alive(c)).sort(cookieCompare);
    return live.length === 0 ? undefined : live.map((c) => c.cookieString()).join('; ');
  }

  /** Number of live cookies (for status displays). */
  get size(): number {
    const all = this.jar.serializeSync()?.cookies ?? [];
    return all.map((c) => Cookie.fromJSON(c)).filter((c): c is Cookie => !!c && this.alive(c)).length;
  }

  clear(): void {
    this.jar = new ToughCookieJar();
  }

  /** Max-Age counts from when the cookie was received (RFC 6265 §5.2.2), not from its last use. */
  private alive(c: Cookie): boolean {
    const expiry = c.expiryTime(c.creation instanceof Date ? c.creation : undefined);
    return expiry === undefined || expiry > this.now();
  }
}
