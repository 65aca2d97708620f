/**
 * An SDK upload of a local file (`blob.upload_from_filename(path)`, `blockBlob.uploadFile(path)`) sends what this
 * machine produced: a report, an export, a model, a job's output. Unless a download of the same object filled that very
 * file (`download_to_filename(p)` … `upload_from_filename(p)`), or a read of the object sits in the same function
 * (its content may have been written into the file there), nothing read from the object flows into the upload: it
 * replaces the object by design and is a hint saying so (lesson from real code: a job store's `upload_file(local_path,
 * dest_path)` beside a `download_document(source_path, local_dest)` of another path, warned as if it wrote back what
 * the download read).
 */
import type { RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';

const REASON = 'it uploads a local file the code produced, and no download of the object fills that file: nothing read from it flows into the upload';

/** Marks each such upload's `sdk.noLostUpdate` (a hint: rules/code-catalogue-only.ts). */
export function markLocalFileUploads(requests: readonly RequestModel[], calls: readonly HttpCall[], ctx: CodeContext): void {
  requests.forEach((req, i) => {
    const file = calls[i]?.sdk?.localFile;
    if (req.method !== 'PUT' || !req.sdk || req.sdk.noLostUpdate || file === undefined || req.target === undefined) return;
    const fn = ctx.scopes.functionOf(calls[i].call);
    const fills = requests.some((r) => (r.method === 'GET' || r.method === 'HEAD') && r.target === req.target && calls[r.index] !== undefined
      && (ctx.scopes.functionOf(calls[r.index].call).id === fn.id || calls[r.index].sdk?.localFile === file));
    if (!fills) req.sdk.noLostUpdate = REASON;
  });
}
