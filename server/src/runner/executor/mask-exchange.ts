/**
 * An exchange with the secret values a session substituted (`$processEnv`, `$dotenv`, secret-named variables)
 * masked wherever the request carries them: URL, headers, body, redirect hops, error and warning lines. Header
 * names mask by name (mask.ts); a value can sit anywhere (`X-Custom: {{password}}`, a path segment), so the
 * editor's outputs (log, history, response view) get this copy. The 412 workflow keeps the real exchange: it
 * has to send the request again.
 */
import { maskValues } from './mask';
import type { Exchange } from './types';

export function withoutSecretValues(exchange: Exchange, secrets: ReadonlySet<string>): Exchange {
  if (secrets.size === 0) return exchange;
  const mask = (text: string) => maskValues(text, secrets);
  const { request } = exchange;
  return {
    ...exchange,
    request: {
      ...request,
      url: mask(request.url),
      headers: request.headers.map(([name, value]) => [name, mask(value)]),
      body: request.body === undefined ? undefined : mask(request.body),
    },
    attempts: exchange.attempts.map((a) => ({ ...a, url: mask(a.url) })),
    error: exchange.error && { ...exchange.error, message: mask(exchange.error.message) },
    warnings: exchange.warnings.map(mask),
  };
}
