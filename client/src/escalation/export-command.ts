/**
 * "Export 412 report" in the editor: every 412/428 of the file's recent runs as a Markdown incident report,
 * built from what happened — the explanation recorded when the 412 arrived, its re-read, the retry or resend —
 * never from a request made at export time (the server has moved on by then) — saved where the user picks, or
 * opened as an untitled document when the save dialog is dismissed. The workspace's stored probe of the failing
 * server, if any, is appended. Tests pass a target path and get the Markdown back.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProbeEvidence } from '../../../server/src/engine/probe/evidence';
import { maskValues } from '../../../server/src/runner/executor';
import { readProbeStore } from '../../../server/src/runner/probe/store';
import { VERSION } from '../../../server/src/host/version';
import type { RunStore } from '../../../server/src/runner/report/run-store';

/** Exports the report of `uri` (default: the active editor); resolves to the Markdown, or undefined when there is no 412. */
export async function exportReport(runs: RunStore, uri?: string | vscode.Uri, targetPath?: string): Promise<string | undefined> {
  const documentUri = uri === undefined ? vscode.window.activeTextEditor?.document.uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const recorder = documentUri && runs.recorder(documentUri.toString());
  const incidents = recorder?.incidents() ?? [];
  if (!documentUri || !recorder || incidents.length === 0) {
    void vscode.window.showInformationMessage('etag-guard: no 412 or 428 in this file\'s recent runs: send the failing request first.');
    return undefined;
  }
  // The recorder keeps requests as sent (Copy as cURL, Resend need them): the export masks substituted secrets.
  const markdown = maskValues(recorder.report({
    file: vscode.workspace.asRelativePath(documentUri), generatedAt: Date.now(), tool: `etag-guard ${VERSION} (VS Code ${vscode.version})`,
    platform: `Node ${process.version} on ${process.platform}`, probes: storedProbes(documentUri),
  }), recorder.secrets);
  const target = targetPath !== undefined ? vscode.Uri.file(targetPath) : await vscode.window.showSaveDialog({
    title: 'etag-guard: save the 412 incident report', filters: { Markdown: ['md'] },
    defaultUri: vscode.Uri.joinPath(documentUri, '..', '412-report.md'),
  });
  if (target) {
    await vscode.workspace.fs.writeFile(target, Buffer.from(markdown, 'utf8'));
    void vscode.window.showInformationMessage(`etag-guard: 412 report saved to ${vscode.workspace.asRelativePath(target)}.`);
  } else {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown }));
  }
  return markdown;
}

/** The workspace's stored probe results (`.etag-guard/probes.json`), for the report's appendix. */
function storedProbes(document: vscode.Uri): ProbeEvidence[] {
  if (document.scheme !== 'file') return [];
  try {
    return readProbeStore(vscode.workspace.getWorkspaceFolder(document)?.uri.fsPath ?? path.dirname(document.fsPath));
  } catch (err) {
    void vscode.window.showWarningMessage(`etag-guard: ${(err as Error).message} The report has no probe appendix.`);
    return [];
  }
}
