/**
 * The start of a request body for a trace, with secret-looking fields masked: JSON members and form fields
 * whose names say token/secret/password/key (the same names `executor/mask.ts` masks in headers).
 */
import { MASK } from '../executor/mask';

export const PREVIEW_CHARS = 1024;

const JSON_SECRET = /("[^"]*(?:token|secret|password|passwd|key|session|credential)[^"]*"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/gi;
const FORM_SECRET = /((?:^|&)[^=&]*(?:token|secret|password|passwd|key|session|credential)[^=&]*=)([^&]*)/gi;
/** What the executor records instead of a binary body. */
const BINARY = /^<(\d+) bytes of binary data>$/;

/** The size of a binary body the executor described instead of keeping (its bytes are not available), else undefined. */
export function binaryBodySize(body: string | undefined): number | undefined {
  const m = body === undefined ? null : BINARY.exec(body);
  return m ? Number(m[1]) : undefined;
}

/** Body size in bytes and a masked preview (undefined for binary bodies, which the executor does not keep). */
export function bodyPreview(body: string | undefined): { size: number; preview?: string; truncated: boolean } {
  if (body === undefined) return { size: 0, truncated: false };
  const binary = binaryBodySize(body);
  if (binary !== undefined) return { size: binary, truncated: false };
  const masked = body.replace(JSON_SECRET, `$1"${MASK}"`).replace(FORM_SECRET, `$1${MASK}`);
  return { size: Buffer.byteLength(body, 'utf8'), preview: masked.slice(0, PREVIEW_CHARS), truncated: masked.length > PREVIEW_CHARS };
}
