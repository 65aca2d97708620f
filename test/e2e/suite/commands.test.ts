// The one command table (client/src/commands.ts) and package.json agree: every contributed command is
// registered once the extension is active, and every registered etagGuard.* command is contributed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { test } from './harness';
import { EXT_ID } from './util';

test('every contributed command is registered and every registered etagGuard command is contributed', async () => {
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `${EXT_ID} is not installed`);
  await ext.activate();
  const contributed = ((ext.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command).sort();
  assert.ok(contributed.length >= 10, `package.json contributes ${contributed.length} commands`);
  const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('etagGuard.')).sort();
  assert.deepStrictEqual(contributed.filter((id) => !registered.includes(id)), [], 'contributed but not registered');
  assert.deepStrictEqual(registered.filter((id) => !contributed.includes(id)), [], 'registered but not contributed');
});
