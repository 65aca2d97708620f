/**
 * What the runner has seen, remembered as linter evidence: after each run, a response that tells whether the
 * API versions the resource (ETag / Last-Modified, 412 / 428) goes to `<workspace>/.etag-guard/observations.json`
 * and the language server is told (`etagGuard/evidenceChanged`), so a hint on a write to that route turns into a
 * warning without reopening the file. "Show Remembered Evidence" and "Forget Remembered Evidence" make the store
 * visible and clearable.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { clearObservations, observationOf, recordObservation } from '../../../server/src/host/evidence/observation-store';
import type { Exchange } from '../../../server/src/runner/executor/types';
import { EVIDENCE_CHANGED, EXPLAIN_EVIDENCE } from '../../../server/src/lsp/protocol';

export class RememberedEvidence {
  private client: LanguageClient | undefined;

  /** The language client starts after the parts are built. */
  attach(client: LanguageClient): void {
    this.client = client;
  }

  /** Records what `exchange` tells about its API, and tells the server when the store changed. */
  record(uri: vscode.Uri, exchange: Exchange): void {
    const o = observationOf(exchange);
    if (!o || uri.scheme !== 'file') return;
    const root = rootOf(uri);
    try {
      if (recordObservation(root, o)) void this.client?.sendNotification(EVIDENCE_CHANGED, { root });
    } catch (err) {
      // A read-only workspace: the run itself is unaffected.
      void vscode.window.showWarningMessage(`etag-guard: cannot remember evidence in ${root}: ${(err as Error).message}`);
    }
  }

  /** Opens what is known about each API of the file's workspace, and how each write of the file is judged. */
  async show(target?: vscode.Uri): Promise<string | undefined> {
    const uri = target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri || !this.client) return undefined;
    const text = await this.client.sendRequest<string>(EXPLAIN_EVIDENCE, { uri: uri.toString() });
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: true });
    return text;
  }

  /** Forgets what the runner has seen in every workspace folder (the probe store is the probe's). */
  forget(): number {
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    let cleared = 0;
    for (const root of roots) {
      if (clearObservations(root)) cleared++;
      void this.client?.sendNotification(EVIDENCE_CHANGED, { root });
    }
    void vscode.window.showInformationMessage(cleared ? 'etag-guard: remembered evidence forgotten.' : 'etag-guard: nothing was remembered.');
    return cleared;
  }
}

function rootOf(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
}
