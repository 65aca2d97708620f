/**
 * "Show diff" in the refresh-and-retry confirmation: VS Code's diff editor between the JSON the server has now
 * and the JSON it will hold after the write, as two read-only virtual documents (scheme `etag-guard-diff`).
 */
import * as vscode from 'vscode';
import type { WrittenVersion } from '../../../server/src/runner/retry/refresh-and-retry';

export const DIFF_SCHEME = 'etag-guard-diff';

export class BodyDiffs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** Only the latest pair: a diff is looked at once, while deciding. */
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this);
  private shown = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'This diff is no longer available.';
  }

  /** Opens the diff of `written` for the request `label` (e.g. `PUT /items/1`). */
  async show(written: WrittenVersion, label: string): Promise<void> {
    // A fresh pair of URIs each time, so VS Code never shows a cached older version.
    const n = ++this.shown;
    const before = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${n}/server now.json` });
    const after = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${n}/after your write.json` });
    this.contents.clear();
    this.contents.set(before.toString(), `${JSON.stringify(written.before, null, 2)}\n`);
    this.contents.set(after.toString(), `${JSON.stringify(written.after, null, 2)}\n`);
    await vscode.commands.executeCommand('vscode.diff', before, after, `${label}: server now ↔ after your write`, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.contents.clear();
  }
}
