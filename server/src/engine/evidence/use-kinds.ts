/** What a response use is to the same-file evidence (same-file.ts): a validator's name, a read, a write. */
import type { RequestModel } from '../model/types';

/** `ETag` / `Last-Modified`, in any case. */
export function isValidatorName(path: string): boolean {
  return (path.length === 4 || path.length === 13) && /^(etag|last-modified)$/i.test(path);
}

/** A GET or HEAD: what a read-modify-write reads. */
export function isRead(r: RequestModel): boolean {
  return r.method === 'GET' || r.method === 'HEAD';
}

/** A method whose request may send back what it read (POST too: a read-modify-write of a collection). */
export function isWriteMethod(method: string | undefined): boolean {
  return method === 'PUT' || method === 'PATCH' || method === 'DELETE' || method === 'POST';
}
