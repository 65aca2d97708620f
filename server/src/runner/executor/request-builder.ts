/**
 * Turns a parsed request into what goes on the wire: variables substituted in the URL, headers and body,
 * `< file` bodies read, and the URL completed the way the dialects allow (`/path` + `Host:` header, or no
 * scheme → `http://`).
 */
import { maskUrl } from './mask';
import type { HttpRequest } from '../../engine';
import { readBodyFile, type BodyFilePolicy } from './body-file';
import { RunnerError } from './errors';
import { substitute, type ResolveScope } from './variables';

/** A request ready to send (one hop; redirects derive new ones). */
export interface PreparedRequest {
  method: string;
  url: URL;
  /** Headers from the file, in order, without the cookie jar's cookies (added per hop). */
  headers: [string, string][];
  body?: string | Buffer;
}

/** Builds the request; throws `RunnerError` for undefined variables, bad URLs and unreadable body files. */
export async function prepareRequest(request: HttpRequest, scope: ResolveScope, files: BodyFilePolicy): Promise<PreparedRequest> {
  const headers: [string, string][] = [];
  for (const h of request.headers) headers.push([await substitute(h.name, scope), await substitute(h.value, scope)]);
  const url = completeUrl(await substitute(request.requestLine.url.trim(), scope), headers);
  let body: string | Buffer | undefined;
  const fileBody = request.body?.file;
  if (fileBody) {
    const bytes = readBodyFile(await substitute(fileBody.path.value, scope), files);
    body = fileBody.substitute ? await substitute(bytes.toString('utf8'), scope) : bytes;
  } else if (request.body && request.body.text !== '') {
    body = await substitute(request.body.text, scope);
  }
  return { method: request.requestLine.method.toUpperCase(), url, headers, body };
}

function completeUrl(raw: string, headers: [string, string][]): URL {
  let text = raw;
  if (text.startsWith('/')) {
    const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
    if (!host) throw new RunnerError('invalid-url', `The URL ${maskUrl(raw)} has no host: write the full URL or add a Host header.`);
    text = `http://${host.trim()}${text}`;
  } else if (!/^[a-z][a-z\d+.-]*:\/\//i.test(text)) {
    text = `http://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RunnerError('invalid-url', `${maskUrl(raw)} is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RunnerError('invalid-url', `Only http and https URLs can be sent, not ${url.protocol}.`);
  }
  return url;
}
