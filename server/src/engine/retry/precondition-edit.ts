/**
 * The file edit refresh-and-retry makes, as one undoable change: a literal validator is replaced by the
 * current one; a validator that comes from a reference gets a refreshing named read inserted before the write
 * (so the file stays correct for the next run); a missing precondition (428) is added the same way.
 */
import type { HttpFile } from '../http/ast';
import { buildHttpModel } from '../model/http-model';
import { findHeaders } from '../model/types';
import { changesResource } from '../rules/vocabulary';
import { readHeadersOf } from '../services/recognise';
import type { TextEdit } from '../text/types';
import { rangeOf } from '../text/span';

export interface PreconditionEdit {
  edits: TextEdit[];
  /** What the edit does, for the confirmation and the log. */
  description: string;
  /** The precondition and the fresh value it was made for, so a host can recompute it on newer text. */
  header: 'If-Match' | 'If-Unmodified-Since';
  value: string;
  /**
   * Set when the file is left alone because the precondition reads a capture of the named request just before
   * the write: after a successful resend the host updates that captured response instead.
   */
  refreshes?: string;
}

/** The response header a precondition's value is read from. */
const SOURCE_HEADER: Record<string, string> = { 'if-match': 'ETag', 'if-unmodified-since': 'Last-Modified' };

export function preconditionEdit(file: HttpFile, requestIndex: number, header: 'If-Match' | 'If-Unmodified-Since', current: string): PreconditionEdit {
  // The value comes from the server: written into the file, a `{{…}}` in it would be expanded on the next run
  // (`{{$processEnv SECRET}}` sends a secret back), and a control character would break the file.
  if (/\{\{|\}\}|[\u0000-\u001f\u007f]/.test(current)) {
    return {
      edits: [], header, value: current,
      description: `Refused to write the server's ${SOURCE_HEADER[header.toLowerCase()]} into the file: it holds template braces or ` +
        'control characters, which the next run would expand or misread. Check the server.',
    };
  }
  return { ...editsFor(file, requestIndex, header, current), header, value: current };
}

function editsFor(file: HttpFile, requestIndex: number, header: 'If-Match' | 'If-Unmodified-Since', current: string): Pick<PreconditionEdit, 'edits' | 'description' | 'refreshes'> {
  const model = buildHttpModel(file);
  const req = model.requests[requestIndex];
  if (!req) return { edits: [], description: 'The request is no longer in the file: nothing to edit.' };
  const existing = findHeaders(req, header)[0];
  if (existing && existing.value !== undefined && !existing.value.includes('{{')) {
    return { edits: [{ range: rangeOf(existing.valueRange), newText: current }], description: `${header}: ${existing.value} → ${current}` };
  }
  if (existing && existing.source.kind === 'capture') {
    const from = model.requests[existing.source.request];
    const writesBetween = model.requests.slice(from.index + 1, requestIndex)
      .some((w) => w.target === req.target && changesResource(w));
    if (!writesBetween && from.target === req.target) {
      return {
        edits: [], refreshes: from.name,
        description: `${header} already comes from ${from.name ?? 'the read'} just before this write: its captured response now holds the fresh value.`,
      };
    }
  }
  const read = req.editor.insertReadBefore?.(readHeadersOf(req));
  if (!read) return { edits: [], description: 'No edit: the request cannot be given a refreshing read.' };
  const expression = read.etagExpression.replace('.headers.ETag}}', `.headers.${SOURCE_HEADER[header.toLowerCase()]}}}`);
  const headerEdits = existing
    ? [{ range: rangeOf(existing.valueRange), newText: expression }]
    : req.editor.addHeader(header, expression);
  return {
    edits: [...read.edits, ...headerEdits],
    description: existing ? `Inserted a read before this write and pointed ${header} at it (${expression}).`
      : `Inserted a read before this write and added ${header}: ${expression}.`,
  };
}
