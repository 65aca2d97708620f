// Restricted mode (the launcher's second pass, workspace trust on and the folder not trusted): linting works,
// sending requests does not — nothing reaches the server.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { demoApi } from './demo-api';
import { untrustedTest } from './harness';
import { RESPONSE_SCHEME, send } from './runner-util';
import { EXT_ID, hasCode, openWithDiagnostics } from './util';

untrustedTest('untrusted: the workspace is in restricted mode and the extension still lints', async () => {
  assert.strictEqual(vscode.workspace.isTrusted, false, 'the untrusted pass runs in a trusted workspace: the launcher did not enable workspace trust');
  const { diags } = await openWithDiagnostics('requests.http', hasCode('missing-precondition'));
  assert.ok(diags.length > 0);
  assert.ok(vscode.extensions.getExtension(EXT_ID)?.isActive, 'the extension is not active in restricted mode');
});

untrustedTest('untrusted: "Send request" is refused and nothing reaches the server', async () => {
  const base = await demoApi();
  const { exchanges } = await send('untrusted.http', /^PUT /);
  assert.deepStrictEqual(exchanges, []);
  const item = (await (await fetch(`${base}/items/3`)).json()) as { name: string };
  assert.strictEqual(item.name, 'Gizmo', 'the PUT reached the server from an untrusted workspace');
  assert.deepStrictEqual(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === RESPONSE_SCHEME).map((d) => d.uri.path), []);
});
