/**
 * Body files leave the workspace (issue #19, attack 3): the CLI took the current directory as the workspace,
 * so from `/` or `$HOME` a request file could send `< ../../../../etc/passwd` or `< ~/.bashrc`. The root is now
 * the nearest folder holding project markers (never `/` or $HOME), else the request file's own folder.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '../../../server/src/host/workspace-root';
import { startLocalServer, type LocalServer } from '../../runner/helpers';
import { cli, tempFolder } from './helpers';

describe('the workspace root for body files', () => {
  let server: LocalServer;
  const bodies: string[] = [];
  before(async () => {
    server = await startLocalServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        bodies.push(body);
        res.end('ok');
      });
    });
  });
  after(() => server.close());

  it('refuses < ../../../../etc/passwd when run from /', async () => {
    const dir = tempFolder({ 'notes/r.http': `POST ${server.url}/\n\n< ../../../../../../../../etc/passwd\n` });
    bodies.length = 0;
    const r = await cli(['run', path.join(dir, 'notes', 'r.http')], { cwd: '/' });
    assert.equal(r.hung, false);
    assert.ok(!bodies.some((b) => b.includes('root:')), '/etc/passwd was sent');
    assert.match(r.stdout + r.stderr, /outside the workspace/);
  });

  it('refuses < ~/.bashrc when run from $HOME', async () => {
    const home = tempFolder({ '.bashrc': 'export SECRET_TOKEN=from-bashrc\n', 'notes/r.http': `POST ${server.url}/\n\n< ~/.bashrc\n` });
    fs.mkdirSync(path.join(home, '.vscode'));
    bodies.length = 0;
    const r = await cli(['run', path.join(home, 'notes', 'r.http')], { cwd: home, env: { HOME: home } });
    assert.equal(r.hung, false);
    assert.ok(!bodies.some((b) => b.includes('from-bashrc')), '~/.bashrc was sent');
    assert.match(r.stdout + r.stderr, /outside the workspace/);
  });

  it('refuses a symlink inside the project that points outside it', async () => {
    const outside = tempFolder({ 'secret.txt': 'outside-secret' });
    const project = tempFolder({ 'package.json': '{}', 'api/r.http': `POST ${server.url}/\n\n< ./link.txt\n` });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(project, 'api', 'link.txt'));
    bodies.length = 0;
    const r = await cli(['run', path.join(project, 'api', 'r.http')], { cwd: '/' });
    assert.ok(!bodies.some((b) => b.includes('outside-secret')), 'the symlink target was sent');
    assert.match(r.stdout + r.stderr, /outside the workspace/);
  });

  it('is the nearest folder with a project marker, else the file\'s own folder', () => {
    const project = tempFolder({ '.git/HEAD': 'ref: refs/heads/main\n', 'api/v1/r.http': 'GET http://x.test/\n' });
    assert.equal(findWorkspaceRoot(path.join(project, 'api', 'v1', 'r.http')), project);
    const loose = tempFolder({ 'a/b/r.http': 'GET http://x.test/\n' });
    assert.equal(findWorkspaceRoot(path.join(loose, 'a', 'b', 'r.http')), path.join(loose, 'a', 'b'));
  });

  it('allows a body file inside the project, run from anywhere', async () => {
    const project = tempFolder({ 'http-client.env.json': '{}', 'payload.json': '{"inside":true}', 'api/r.http': `POST ${server.url}/\n\n< ../payload.json\n` });
    bodies.length = 0;
    const r = await cli(['run', path.join(project, 'api', 'r.http')], { cwd: '/' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(bodies, ['{"inside":true}']);
  });
});
