/**
 * Terminal injection (issue #19, attack 8): escape sequences in a response (window title, clear screen) are
 * escaped before they reach a terminal; file names are escaped in stylish output; SARIF URIs are proper
 * percent-encoded URIs.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startLocalServer, type LocalServer } from '../../runner/helpers';
import { cli, tempFolder } from './helpers';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const C1 = '\u009b31m';

describe('terminal control sequences', () => {
  let server: LocalServer;
  before(async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Title': 'ok' }).end(`before${TITLE}${CLEAR}${C1}after\u0008\u0008`);
    });
  });
  after(() => server.close());

  it('a response body is printed with its control characters escaped', async () => {
    const dir = tempFolder({ 'r.http': `GET ${server.url}/\n` });
    const r = await cli(['run', path.join(dir, 'r.http'), '--trace'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'a raw control character reached the terminal');
    assert.match(r.stdout, /before\\u001b\]0;pwned/);
  });

  it('stylish escapes a file name with a newline and an escape sequence', async () => {
    const name = 'evil\n\u001b[2Jname.http';
    const dir = tempFolder({ [name]: 'PUT https://x.test/a\nIf-Match: nope\n' });
    const r = await cli(['lint', dir], { cwd: dir });
    assert.doesNotMatch(r.stdout, /\u001b|evil\n/);
    assert.match(r.stdout, /evil\\n\\u001b\[2Jname\.http/);
  });

  it('SARIF artifact URIs are percent-encoded', async () => {
    const dir = tempFolder({ 'my dir/a#1%.http': 'PUT https://x.test/a\nIf-Match: nope\n' });
    const r = await cli(['lint', '--format', 'sarif', dir], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    const uri: string = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'my%20dir/a%231%25.http');
    assert.ok(fs.existsSync(path.join(dir, decodeURIComponent(uri))));
  });
});
