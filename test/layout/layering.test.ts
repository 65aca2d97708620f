// The layering of server/src and client/src (docs/design.md), checked on the import statements themselves:
// the engine is pure; the runner, the host ports and the CLI run without VS Code; nothing on the server side
// reaches into the extension; client/src is VS Code code only; no source file grows past 400 lines.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EDITOR = /^(vscode|vscode-languageserver.*|vscode-languageclient.*)$/;
const IO = /^(node:)?(fs|fs\/promises|net|http|https|http2|tls|dns|child_process|worker_threads)$|^undici$/;

function sources(dir: string, withTests = false): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(p, withTests);
    return e.name.endsWith('.ts') && (withTests || !e.name.endsWith('.test.ts')) ? [p] : [];
  });
}

/** Every module specifier `file` imports, resolved to a repository-relative path when it is relative. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) =>
    m[1].startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(file), m[1])) : m[1]);
}

/** `file imports x` for each import of the files under `dir` that `bad` matches. */
function offenders(dir: string, bad: (specifier: string) => boolean): string[] {
  const files = sources(path.join(ROOT, dir));
  assert.ok(files.length > 3, `the scan found the sources under ${dir}`);
  return files.flatMap((f) => importsOf(f).filter(bad).map((s) => `${path.relative(ROOT, f)} imports ${s}`));
}

const under = (folder: string) => (s: string) => s === folder || s.startsWith(folder + path.sep);

describe('layering', () => {
  it('server/src/engine imports no editor API, LSP library or I/O module, and no other layer', () => {
    assert.deepEqual(offenders('server/src/engine', (s) => EDITOR.test(s) || IO.test(s) || (s.startsWith('server') && !under('server/src/engine')(s)) || under('client')(s)), []);
  });

  it('server/src/runner and server/src/host run without VS Code or the LSP libraries', () => {
    for (const dir of ['server/src/runner', 'server/src/host']) {
      assert.deepEqual(offenders(dir, (s) => EDITOR.test(s) || under('client')(s) || under('server/src/lsp')(s) || under('server/src/cli')(s)), []);
    }
  });

  it('the CLI imports only the engine, the runner and the host ports', () => {
    assert.deepEqual(offenders('server/src/cli', (s) => EDITOR.test(s) || under('client')(s) || under('server/src/lsp')(s)), []);
  });

  it('nothing under server/src imports client/src', () => {
    assert.deepEqual(offenders('server/src', under('client')), []);
  });

  it('every file under client/src is VS Code code', () => {
    const files = sources(path.join(ROOT, 'client', 'src'));
    const plain = files.filter((f) => !importsOf(f).some((s) => EDITOR.test(s))).map((f) => path.relative(ROOT, f));
    assert.deepEqual(plain, [], 'VS Code-free code belongs under server/src/runner');
  });

  it('no two folders of the runner or of client/src import each other', () => {
    const edges = new Set<string>();
    for (const dir of ['server/src/runner', 'client/src']) {
      for (const f of sources(path.join(ROOT, dir))) {
        const from = path.relative(ROOT, path.dirname(f));
        for (const s of importsOf(f)) {
          if (!s.startsWith('server') && !s.startsWith('client')) continue;
          const to = fs.existsSync(path.join(ROOT, s)) && fs.statSync(path.join(ROOT, s)).isDirectory() ? s : path.dirname(s);
          if (to !== from) edges.add(`${from} → ${to}`);
        }
      }
    }
    const circles = [...edges].filter((e) => { const [a, b] = e.split(' → '); return a < b && edges.has(`${b} → ${a}`); });
    assert.deepEqual(circles, []);
  });

  it('no source file is over 400 lines', () => {
    const long = ['server/src', 'client/src'].flatMap((d) => sources(path.join(ROOT, d), true))
      .map((f) => ({ f: path.relative(ROOT, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 400);
    assert.deepEqual(long, []);
  });
});
