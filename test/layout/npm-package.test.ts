// What `npm install -g etag-guard` gets: the CLI bundles (`run` and `probe` in one of their own) and the language-server bundles with the grammars beside them, the
// readme, changelog and licence — not the sources, tests, source maps or the extension's bundles (6.3 MB packed
// before `files` was set) — and no run-time dependencies to install: every bundle carries what it uses, and the
// tree-sitter packages would otherwise build native code on the user's machine. The list is .npmignore, not
// package.json's `files`: vsce (`npm run package`) refuses a manifest with both `files` and a .vscodeignore.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the npm package', () => {
  it('ships the CLI, the language server and every grammar, and nothing else but the readme, changelog and licence', () => {
    // --ignore-scripts: list what is on disk (the unit run's bundles) without the production build of `prepack`.
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout)[0].files as Array<{ path: string }>).map((f) => f.path).sort();
    const grammars = fs.readdirSync(path.join(ROOT, 'dist', 'grammars')).filter((f) => f.endsWith('.wasm')).map((f) => `dist/grammars/${f}`);
    assert.ok(grammars.length >= 5, grammars.join(' '));
    assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/cli-run.js', ...grammars, 'dist/server-code.js', 'dist/server-yaml.js', 'dist/server.js', 'package.json'].sort());
  });

  it('keeps its list in .npmignore, so the .vsix keeps its own (.vscodeignore): vsce refuses both', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.files, undefined);
    assert.ok(fs.existsSync(path.join(ROOT, '.vscodeignore')));
  });

  it('has no run-time dependencies: the bundles carry them', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.bin['etag-guard'], 'dist/cli.js');
    assert.match(fs.readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
  });
});
