// The extension loads from the working tree and activates on .rest and .http files.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { test } from './harness';
import { EXT_ID, hasCode, openWithDiagnostics } from './util';

test('extension is present, loaded from the working tree', () => {
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `${EXT_ID} is not installed; extensions seen: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  const expected = process.env.ETAG_E2E_EXTENSION_PATH;
  if (expected) assert.strictEqual(path.resolve(ext.extensionUri.fsPath), path.resolve(expected));
  console.log(`extension at ${ext.extensionUri.toString()}; VS Code ${vscode.version}; remoteName=${vscode.env.remoteName ?? 'none'}`);
});

test('manifest contributes the http language for .http and .rest', () => {
  const pkg = vscode.extensions.getExtension(EXT_ID)?.packageJSON as {
    contributes?: { languages?: { id: string; extensions?: string[] }[] }; activationEvents?: string[]; main?: string;
  };
  const http = pkg.contributes?.languages?.find((l) => l.id === 'http');
  assert.ok(http, 'no contributes.languages entry with id "http"');
  for (const ext of ['.http', '.rest']) assert.ok(http.extensions?.includes(ext), `language http does not claim ${ext}`);
  assert.ok(!(pkg.activationEvents ?? []).includes('*'), 'activates on "*" (startup) instead of on demand');
});

test('opening a .rest file activates the extension and lints it', async () => {
  const { doc, diags } = await openWithDiagnostics('legacy.rest', hasCode('missing-precondition'));
  assert.strictEqual(doc.languageId, 'http');
  assert.ok(vscode.extensions.getExtension(EXT_ID)?.isActive, 'diagnostics arrived but the extension is not active');
  assert.strictEqual(diags.length, 1, `expected exactly the missing-precondition diagnostic`);
});

test('.http files get the http language', async () => {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'requests.http'));
  assert.strictEqual(doc.languageId, 'http');
  assert.ok(vscode.extensions.getExtension(EXT_ID)?.isActive);
});
