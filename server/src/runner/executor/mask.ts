/**
 * Masks secrets before anything reaches a log, the output channel or the history: credentials headers
 * (`Authorization`, `Cookie`, `Set-Cookie`, `Proxy-Authorization`), any header or query parameter whose name
 * contains token/secret/password/key/auth/sig (or a name the user added with `etagGuard.runner.maskNames` /
 * `--mask-name`), and variables with such names. `maskValues` masks known secret values (from `$processEnv`,
 * `$dotenv`, secret-named variables) wherever they appear in a text.
 */

const ALWAYS_SECRET = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_NAME = /token|secret|password|passwd|key|session|credential|auth(?!or)|^sig$|signature|^x-amz-security/i;
export const MASK = '•••';
/** Values shorter than this are not masked by value: masking `1` or `dev` everywhere would garble the output. */
export const MIN_MASKED_VALUE = 4;

/** Names the user added (setting or flag), lower-case; a name matches when it contains one of them. */
const extraNames = new Set<string>();

/** Adds header, parameter and variable names to mask for this process (`etagGuard.runner.maskNames`, `--mask-name`). */
export function addSecretNames(names: readonly string[]): void {
  for (const n of names) if (n.trim() !== '') extraNames.add(n.trim().toLowerCase());
}

/** True when a header, parameter or variable called `name` holds a secret. */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase();
  return ALWAYS_SECRET.has(n) || SECRET_NAME.test(name) || [...extraNames].some((x) => n.includes(x));
}

/** `text` with each of `values` (and its URL-encoded form) replaced by the mask, longest first. */
export function maskValues(text: string, values: Iterable<string>): string {
  const forms = new Set<string>();
  for (const v of values) {
    if (v.length < MIN_MASKED_VALUE) continue;
    forms.add(v);
    forms.add(encodeURIComponent(v));
  }
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(MASK);
  return out;
}

/** The value to show for header `name`: the auth scheme stays visible (`Bearer •••`), the credential does not. */
export function maskHeaderValue(name: string, value: string): string {
  if (!isSecretName(name)) return value;
  const n = name.toLowerCase();
  if (n === 'authorization' || n === 'proxy-authorization') {
    const scheme = /^(\S+)\s+\S/.exec(value);
    return scheme ? `${scheme[1]} ${MASK}` : MASK;
  }
  if (n === 'cookie' || n === 'set-cookie') {
    // A bare value (no `name=`) is all secret.
    if (!value.includes('=')) return MASK;
    // Names and attributes help debugging; values are the secret.
    return value.replace(/(^|;\s*)([^=;\s]+)=([^;]*)/g, (_m, sep: string, key: string) =>
      /^(path|domain|expires|max-age|samesite)$/i.test(key) ? _m : `${sep}${key}=${MASK}`);
  }
  return MASK;
}

/** Header pairs with secrets masked. */
export function maskHeaderPairs(headers: readonly [string, string][]): [string, string][] {
  return headers.map(([n, v]) => [n, maskHeaderValue(n, v)]);
}

/** A header record (string or repeated values) with secrets masked. */
export function maskHeaderRecord(headers: Readonly<Record<string, string | string[]>>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [n, v] of Object.entries(headers)) out[n] = Array.isArray(v) ? v.map((x) => maskHeaderValue(n, x)) : maskHeaderValue(n, v);
  return out;
}

/** A URL with secret-looking query parameters and any userinfo password masked. */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return maskQueryText(url);
  }
  let changed = false;
  if (parsed.password) {
    parsed.password = 'xxx';
    changed = true;
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (isSecretName(key)) {
      parsed.searchParams.set(key, 'xxx');
      changed = true;
    }
  }
  return changed ? parsed.href.replace(/xxx/g, MASK) : url;
}

/**
 * A request body for display: JSON with the values of secret-named fields (at any depth) masked, or a form
 * body with secret-named parameters masked; any other text as it is.
 */
export function maskBody(body: string): string {
  try {
    return JSON.stringify(maskJson(JSON.parse(body)), null, 2);
  } catch {
    if (!/^[\w.%+-]+=[^&\s]*(&[\w.%+-]+=[^&\s]*)*$/.test(body.trim())) return body;
    return body.trim().split('&').map((pair) => {
      const name = decodeURIComponent(pair.split('=')[0].replace(/\+/g, ' '));
      return isSecretName(name) ? `${pair.split('=')[0]}=${MASK}` : pair;
    }).join('&');
  }
}

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretName(k) && (typeof v !== 'object' || v === null) ? MASK : maskJson(v)]));
}

/** Secret query parameters masked in text that is no valid URL (an error message quoting what was typed). */
export function maskQueryText(text: string): string {
  return text.replace(/([?&;])([^=&#\s?;]+)=([^&#\s;]*)/g, (whole, sep: string, name: string) => (isSecretName(decodeSafe(name)) ? `${sep}${name}=${MASK}` : whole));
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
