/**
 * FIFOs and odd files (issue #19, attack 5): only regular files are read. A FIFO named like a file etag-guard
 * reads (x.http, .env, .gitignore, http-client.env.json, .etagguardrc.json), in the folder or a parent, is
 * skipped with a note instead of blocking lint, run or the language server; a directory where a file is
 * expected is reported, not thrown; one unwritable file does not stop `lint --fix` on the others.
 */
import { describe, it, mock } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import nodeFs = require('node:fs');
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintCommand } from '../../../server/src/cli/lint-command';
import { LspTestClient } from '../../lsp/lsp-client';
import { cli, makeFifo, tempFolder } from './helpers';

/** A finding every configuration reports (a malformed entity-tag), so "the file was linted" shows. */
const FLAWED = 'PUT https://x.test/a\nIf-Match: nope\n';
const ODD_NAMES = ['.env', '.gitignore', 'http-client.env.json', '.etagguardrc.json'];

/** A project whose parent folder holds FIFOs under every name etag-guard reads, and a FIFO x.http inside. */
function fifoProject(): { root: string; project: string } {
  const root = tempFolder({ 'project/a.http': FLAWED });
  for (const name of ODD_NAMES) makeFifo(path.join(root, name));
  for (const name of ODD_NAMES) makeFifo(path.join(root, 'project', name));
  makeFifo(path.join(root, 'project', 'x.http'));
  return { root, project: path.join(root, 'project') };
}

describe('only regular files are read', () => {
  it('lint skips FIFOs with a note and lints the rest', async () => {
    const { project } = fifoProject();
    const r = await cli(['lint', '--format', 'json', project]);
    assert.equal(r.hung, false, 'lint blocked on a FIFO');
    const reports = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.deepEqual(reports.find((x) => x.filePath.endsWith('a.http'))?.messages.map((m) => m.ruleId), ['invalid-etag']);
    assert.match(r.stderr, /not a regular file/);
  });

  it('lint of a FIFO given by name says so and goes on', async () => {
    const { project } = fifoProject();
    const r = await cli(['lint', path.join(project, 'x.http'), path.join(project, 'a.http')]);
    assert.equal(r.hung, false, 'lint blocked on a FIFO');
    assert.match(r.stdout + r.stderr, /x\.http.*not a regular file/s);
    assert.match(r.stdout, /invalid-etag/);
  });

  it('run skips FIFO .env and environment files', async () => {
    const { project } = fifoProject();
    fs.writeFileSync(path.join(project, 'r.http'), 'GET http://127.0.0.1:9/\n');
    fs.mkdirSync(path.join(project, '.vscode'));
    makeFifo(path.join(project, '.vscode', 'settings.json'));
    const r = await cli(['run', path.join(project, 'r.http')]);
    assert.equal(r.hung, false, 'run blocked on a FIFO');
    assert.doesNotMatch(r.stderr, /internal error|cannot be read/);
    assert.match(r.stderr, /settings\.json is not a regular file/);
  });

  it('run of a FIFO request file says so', async () => {
    const { project } = fifoProject();
    const r = await cli(['run', path.join(project, 'x.http')]);
    assert.equal(r.hung, false, 'run blocked on a FIFO');
    assert.match(r.stderr, /not a regular file/);
  });

  it('the language server lints a document next to FIFOs and keeps serving', { timeout: 30_000 }, async () => {
    const { project } = fifoProject();
    const client = new LspTestClient();
    await client.initialize();
    try {
      const uri = pathToFileURL(path.join(project, 'a.http')).href;
      await client.open(uri, FLAWED);
      const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, 10_000);
      assert.equal(diagnostics[0].code, 'invalid-etag');
    } finally {
      client.kill();
    }
  });

  it('a directory named .gitignore is reported, not thrown', async () => {
    const dir = tempFolder({ 'a.http': FLAWED, '.gitignore/keep': '' });
    const r = await cli(['lint', dir]);
    assert.doesNotMatch(r.stderr, /internal error|EISDIR/);
    assert.match(r.stdout, /invalid-etag/);
    assert.match(r.stderr, /\.gitignore.*not a regular file/);
  });

  it('lint --fix reports an unwritable file and fixes the others', () => {
    const dir = tempFolder({ 'a.http': 'PUT https://x.test/a\nIf-Match: W/"1"\n', 'b.http': 'PUT https://x.test/b\nIf-Match: W/"1"\n' });
    const locked = path.join(dir, 'a.http');
    const write = nodeFs.writeFileSync;
    // Root ignores file modes, so the refusal is injected where the CLI writes.
    const spy = mock.method(nodeFs, 'writeFileSync', (file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (file === locked) throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES' });
      return (write as (...a: unknown[]) => void)(file, ...rest);
    });
    const out: string[] = [];
    const err: string[] = [];
    try {
      lintCommand(['--fix', dir], { cwd: dir, stdout: (s) => out.push(s), stderr: (s) => err.push(s), color: false });
    } finally {
      spy.mock.restore();
    }
    assert.match(err.join('\n') + out.join('\n'), /a\.http.*(cannot write|EACCES)/s);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'b.http'), 'utf8'), /W\//, 'b.http was not fixed');
  });
});
