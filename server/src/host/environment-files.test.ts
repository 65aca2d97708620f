// The runner and the linter find the same environment files: a name the linter accepts from
// http-client.env.json or .env is one the runner can resolve, and the other way round.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadDotenv, loadEnvironments } from '../runner/executor/environments';
import { environmentNamesFor, findEnvironmentFiles } from './environment-files';

describe('environment files: one search for the runner and the linter', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-envfiles-'));
  const api = path.join(root, 'api');
  fs.mkdirSync(path.join(api, 'env'), { recursive: true });
  fs.writeFileSync(path.join(root, 'http-client.env.json'), JSON.stringify({ dev: { outer: 'shadowed' } }));
  fs.writeFileSync(path.join(api, 'http-client.env.json'), JSON.stringify({ dev: { inner: '1' } }));
  fs.writeFileSync(path.join(api, 'http-client.private.env.json'), JSON.stringify({ dev: { secret: 's' } }));
  fs.writeFileSync(path.join(root, '.env'), 'OUTER_DOTENV=1\n');
  fs.writeFileSync(path.join(api, '.env'), 'TOKEN=x\n');
  fs.writeFileSync(path.join(root, 'staging.env.json'), JSON.stringify({ staging: { httpyacName: '1' } }));
  fs.writeFileSync(path.join(api, 'env', 'local.env'), 'LOCAL_NAME=1\n');
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const httpFile = path.join(api, 'items.http');

  it('finds the nearest http-client env files and .env, and other tools\' files all the way up', () => {
    const found = findEnvironmentFiles(api, root);
    assert.deepEqual(found.httpClient, [path.join(api, 'http-client.env.json'), path.join(api, 'http-client.private.env.json')]);
    assert.equal(found.dotenv, path.join(api, '.env'));
    assert.deepEqual(found.otherTools, [path.join(api, 'env', 'local.env'), path.join(root, 'staging.env.json')]);
  });

  it('the linter counts exactly the http-client and .env names the runner resolves, plus other tools\' names', () => {
    const runnerNames = [...Object.keys(loadEnvironments(api, root).variables('dev')), ...loadDotenv(api, root).keys()];
    const lintNames = environmentNamesFor(httpFile);
    for (const n of runnerNames) assert.ok(lintNames.includes(n), n);
    assert.deepEqual(runnerNames.sort(), ['TOKEN', 'inner', 'secret']);
    assert.ok(!lintNames.includes('outer') && !lintNames.includes('OUTER_DOTENV'), 'shadowed files define nothing for either');
    assert.ok(lintNames.includes('httpyacName') && lintNames.includes('LOCAL_NAME'));
  });

  it('stops at the root it is given', () => {
    assert.deepEqual(findEnvironmentFiles(path.join(api, 'env'), path.join(api, 'env')), { httpClient: [], otherTools: [path.join(api, 'env', 'local.env')] });
  });
});
