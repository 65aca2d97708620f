// server/src/engine is pure: the CLI and the language server share it, so it may not import an editor API,
// the LSP library, or anything that does I/O.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const FORBIDDEN = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|node:fs|fs\/promises|node:fs\/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process|undici)$/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

it('nothing under server/src/engine imports vscode, the LSP libraries or I/O modules', () => {
  const engine = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'engine');
  const offenders: string[] = [];
  for (const file of sources(engine)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)) {
      if (FORBIDDEN.test(m[1])) offenders.push(`${path.relative(engine, file)} imports ${m[1]}`);
    }
  }
  assert.ok(sources(engine).length > 50, 'the scan found the engine sources');
  assert.deepEqual(offenders, []);
});
