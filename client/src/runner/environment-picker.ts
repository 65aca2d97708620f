/**
 * The environment selector in the status bar (shown for .http/.rest files). The choice is remembered per
 * workspace; `etagGuard.environment` is the default. Environment files are read only in trusted workspaces.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadEnvironments } from '../../../server/src/runner/executor';
import { readRunnerSettings } from './settings';

const KEY = 'etagGuard.selectedEnvironment';
const NONE = '(no environment)';

export class EnvironmentPicker implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('etagGuard.environment', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly state: vscode.Memento, command: string) {
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

  /** Lists the environments visible from the active request file and stores the choice. */
  async pick(): Promise<void> {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const settings = readRunnerSettings(uri);
    let names = Object.keys(settings.environments).filter((n) => n !== '$shared');
    if (uri?.scheme === 'file' && vscode.workspace.isTrusted) {
      const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
      try {
        names = loadEnvironments(path.dirname(uri.fsPath), root, settings.environments).names;
      } catch (err) {
        void vscode.window.showWarningMessage(`etag-guard: ${(err as Error).message}`);
      }
    } else if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage('etag-guard: environment files are not read in an untrusted workspace; only the etagGuard.environments setting is listed.');
    }
    const choice = await vscode.window.showQuickPick([NONE, ...names], { title: 'etag-guard: environment for sending requests', placeHolder: this.selected(uri) ?? NONE });
    if (choice === undefined) return;
    await this.state.update(KEY, choice);
    this.refresh();
  }

  private refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !(document.languageId === 'http' || /\.(http|rest)$/.test(document.fileName))) {
      this.item.hide();
      return;
    }
    this.item.text = `$(server-environment) ${this.selected(document.uri) ?? 'no env'}`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
