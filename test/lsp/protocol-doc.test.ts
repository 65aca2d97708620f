import { it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, MESSAGES } from '../../server/src/lsp/protocol';

it('docs/protocol.md lists exactly the commands declared in server/src/lsp/protocol.ts', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'protocol.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `(etagGuard\.[\w]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(documented, [...COMMANDS].sort());
});

it('docs/protocol.md lists exactly the messages declared in server/src/lsp/protocol.ts', () => {
  const doc = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'protocol.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `(etagGuard\/[\w]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(documented, [...MESSAGES].sort());
});
