/**
 * The environment picker's way to an environment file: "Create http-client.env.json" writes a starter file
 * next to the request file (where the runner's search finds it first) and opens it; when one is already
 * visible, "Open http-client.env.json" opens it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ENV_FILE } from '../../../server/src/runner/executor';

/** `$shared` for values every environment uses, one environment to rename and fill in. */
const STARTER = {
  $shared: {},
  dev: { baseUrl: 'http://localhost:8080' },
};

export interface EnvironmentFileItem extends vscode.QuickPickItem {
  file: string;
  exists: boolean;
}

/** The picker item for `requestFile`: open the visible `http-client.env.json` (`files`), or create one. */
export function environmentFileItem(requestFile: string, files: readonly string[]): EnvironmentFileItem {
  const existing = files.find((f) => path.basename(f) === ENV_FILE);
  const file = existing ?? path.join(path.dirname(requestFile), ENV_FILE);
  return existing
    ? { label: `$(edit) Open ${ENV_FILE}`, description: vscode.workspace.asRelativePath(existing), file, exists: true }
    : { label: `$(new-file) Create ${ENV_FILE}`, description: `next to ${path.basename(requestFile)}`, file, exists: false };
}

/** Writes the starter file unless it exists (never overwrites), then opens it. */
export async function openEnvironmentFile(item: EnvironmentFileItem): Promise<vscode.TextEditor> {
  if (!item.exists && !fs.existsSync(item.file)) fs.writeFileSync(item.file, `${JSON.stringify(STARTER, null, 2)}\n`, { flag: 'wx' });
  return vscode.window.showTextDocument(vscode.Uri.file(item.file));
}
