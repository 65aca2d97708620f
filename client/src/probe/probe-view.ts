/**
 * The probe's report card in the editor: a read-only Markdown document (scheme `etag-guard-probe`, one per probe
 * run: a new run is a new document, never stale text under an old name) opened in the Markdown preview beside the
 * request file.
 */
import * as vscode from 'vscode';

export const PROBE_SCHEME = 'etag-guard-probe';

export class ProbeView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PROBE_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'This report is no longer available: run "Check Server Precondition Support" again.';
  }

  /** Shows `markdown` as the report of `url` probed at `probedAt`; resolves to the document. */
  async show(url: string, probedAt: string, markdown: string): Promise<vscode.TextDocument> {
    const { host, pathname } = new URL(url);
    const uri = vscode.Uri.from({ scheme: PROBE_SCHEME, path: `/Preconditions ${host}${pathname.replace(/[/\\]/g, '∕')}.md`, query: probedAt });
    this.contents.set(uri.toString(), markdown);
    const document = await vscode.workspace.openTextDocument(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // No Markdown preview (the built-in extension disabled): the Markdown source is readable too.
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }
    return document;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
