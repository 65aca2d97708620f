/**
 * The environment selector in the status bar (shown for .http/.rest files). The choice is remembered per
 * workspace; `etagGuard.environment` is the default. Environment files are read only in trusted workspaces.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadEnvironments } from '../../../server/src/runner/executor';
import { findEnvironmentFiles } from '../../../server/src/host/environment-files';
import { environmentFileItem, openEnvironmentFile, type EnvironmentFileItem } from './environment-file';
import { readRunnerSettings } from './settings';

const KEY = 'etagGuard.selectedEnvironment';
const NONE = '(no environment)';

export class EnvironmentPicker implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('etagGuard.environment', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  /** `report` hears the environment of the active request file whenever it may have changed. */
  constructor(private readonly state: vscode.Memento, command: string, private readonly report: (name: string | undefined) => void = () => undefined) {
    this.item.name = 'etag-guard environment';
    this.item.command = command;
    this.item.tooltip = 'etag-guard: environment for sending requests (click to change)';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('etagGuard.environment') && this.refresh()),
    ];
    this.refresh();
  }

  /** The environment to use for `uri`: the picked one, else the setting. */
  selected(uri?: vscode.Uri): string | undefined {
    const picked = this.state.get<string>(KEY);
    return picked === NONE ? undefined : picked ?? readRunnerSettings(uri).environment;
  }

  /**
   * Lists the environments visible from the active request file and stores the choice; the last item creates
   * (or opens) the request file's `http-client.env.json`.
   */
  async pick(): Promise<void> {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const settings = readRunnerSettings(uri);
    let names = Object.keys(settings.environments).filter((n) => n !== '$shared');
    let fileItem: EnvironmentFileItem | undefined;
    if (uri?.scheme === 'file' && vscode.workspace.isTrusted) {
      const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
      const dir = path.dirname(uri.fsPath);
      try {
        names = loadEnvironments(dir, root, settings.environments).names;
      } catch (err) {
        void vscode.window.showWarningMessage(`etag-guard: ${(err as Error).message}`);
      }
      fileItem = environmentFileItem(uri.fsPath, findEnvironmentFiles(dir, root).httpClient);
    } else if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage('etag-guard: environment files are not read in an untrusted workspace; only the etagGuard.environments setting is listed.');
    }
    const items: vscode.QuickPickItem[] = [NONE, ...names].map((label) => ({ label }));
    if (fileItem) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, fileItem);
    const choice = await vscode.window.showQuickPick(items, { title: 'etag-guard: environment for sending requests', placeHolder: this.selected(uri) ?? NONE });
    if (choice === undefined) return;
    if (choice === fileItem) {
      await openEnvironmentFile(fileItem);
      return;
    }
    await this.state.update(KEY, choice.label);
    this.refresh();
  }

  private refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !(document.languageId === 'http' || /\.(http|rest)$/.test(document.fileName))) {
      this.item.hide();
      return;
    }
    const selected = this.selected(document.uri);
    this.report(selected);
    this.item.text = `$(server-environment) ${selected ?? 'no env'}`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
