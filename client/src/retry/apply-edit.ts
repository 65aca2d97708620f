/**
 * The applyEdit port of refresh-and-retry in VS Code: the precondition edit as ONE WorkspaceEdit, so a single
 * Undo takes it back. The edit was computed on the text the retry started from; if the document changed
 * meanwhile (typing during the confirmation), it is recomputed on the current text.
 */
import * as vscode from 'vscode';
import { parseHttp, preconditionEdit, type PreconditionEdit, type TextEdit } from '../../../server/src/engine';
import { requestAtLine } from '../../../server/src/runner/executor';
import { lineAfterEdits } from '../../../server/src/runner/retry/line-shift';
import { startLineOf } from '../../../server/src/engine/text/span';

export interface EditTarget {
  document: vscode.TextDocument;
  /** The document version `edit` was computed on. */
  version: number;
  /** Where the request line is now (it follows edits). */
  line(): number;
}

/** Applies `edit`; returns the request line afterwards (a read inserted above the write moves it down). */
export async function applyPreconditionEdit(target: EditTarget, edit: PreconditionEdit): Promise<number> {
  const { document } = target;
  let edits: readonly TextEdit[] = edit.edits;
  const line = target.line();
  if (document.version !== target.version) {
    const file = parseHttp(document.getText());
    const request = requestAtLine(file, line);
    if (!request || startLineOf(request.requestLine.range) !== line) throw new Error('The request moved or was removed while you were deciding: nothing was edited or resent.');
    edits = preconditionEdit(file, request.index, edit.header, edit.value).edits;
  }
  if (edits.length === 0) return line;
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    workspaceEdit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) throw new Error('VS Code did not apply the edit: nothing was resent.');
  return lineAfterEdits(line, edits) ?? line;
}
