/**
 * How a response body is shown: JSON pretty-printed, XML/HTML/text as text, anything binary described by
 * type and size (never dumped), and a note when the size cap cut it short. Shared by the CLI and the view.
 */
import type { RunResponse } from './types';

const TEXT_TYPE = /^text\/|[+/](json|xml|javascript|ecmascript|x-www-form-urlencoded|yaml|csv|graphql)\b|^application\/(problem\+)?json/i;

/** True when the body is text a person can read. */
export function isTextual(contentType: string, body: Buffer): boolean {
  if (TEXT_TYPE.test(contentType)) return true;
  if (contentType !== '') return false;
  // No type: sniff for NUL and invalid UTF-8 in the first kilobytes.
  const head = body.subarray(0, 4096);
  return !head.includes(0) && !head.toString('utf8').includes('\uFFFD');
}

/** `1.5 MB`, `320 B`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The body as display text. */
export function formatBody(response: RunResponse): string {
  const type = response.contentType.split(';')[0].trim().toLowerCase();
  if (response.body.length === 0 && !response.truncated) return '';
  if (!isTextual(type, response.body)) {
    const shown = response.truncated ? `at least ${formatBytes(response.size)}` : formatBytes(response.size);
    return `<binary body: ${type || 'unknown type'}, ${shown}>`;
  }
  let text = response.body.toString('utf8');
  if (/json/.test(type) && !response.truncated) {
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not valid JSON after all: show it as the server sent it.
    }
  }
  if (response.truncated) text += `\n\n<truncated: showing the first ${formatBytes(response.body.length)} of at least ${formatBytes(response.size)}>`;
  return text;
}
