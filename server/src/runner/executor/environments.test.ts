import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadDotenv, loadEnvironments, parseDotenv } from './environments';

describe('environments', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-env-'));
  const sub = path.join(root, 'api', 'items');
  fs.mkdirSync(sub, { recursive: true });
  fs.writeFileSync(path.join(root, 'api', 'http-client.env.json'), JSON.stringify({ $shared: { a: 'shared', port: 80 }, dev: { a: 'dev', b: 'dev' }, prod: {} }));
  fs.writeFileSync(path.join(root, 'api', 'http-client.private.env.json'), JSON.stringify({ dev: { b: 'private' } }));
  fs.writeFileSync(path.join(root, '.env'), 'export TOKEN="x y"\nPLAIN=1 # comment\n');
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the files above the request file and layers setting < file < private, env over $shared', () => {
    const envs = loadEnvironments(sub, root, { dev: { a: 'setting', c: 'setting' }, staging: {} });
    assert.deepEqual(envs.names, ['dev', 'prod', 'staging']);
    assert.deepEqual(envs.variables('dev'), { a: 'dev', port: '80', b: 'private', c: 'setting' });
    assert.deepEqual(envs.variables(), { a: 'shared', port: '80' });
  });

  it('says which layer and which environment a value comes from (settings layers by their label)', () => {
    const envs = loadEnvironments(sub, root, [{ label: 'rest-client.environmentVariables', document: { dev: { c: 'rc' } } }, { label: 'etagGuard.environments', document: { $shared: { d: 'eg' } } }]);
    assert.deepEqual(envs.originOf('b', 'dev'), { source: 'http-client.private.env.json', environment: 'dev' });
    assert.deepEqual(envs.originOf('a', 'dev'), { source: 'http-client.env.json', environment: 'dev' });
    assert.deepEqual(envs.originOf('port', 'dev'), { source: 'http-client.env.json', environment: '$shared' });
    assert.deepEqual(envs.originOf('c', 'dev'), { source: 'rest-client.environmentVariables', environment: 'dev' });
    assert.deepEqual(envs.originOf('d'), { source: 'etagGuard.environments', environment: '$shared' });
    assert.equal(envs.originOf('nope', 'dev'), undefined);
  });

  it('does not look above the workspace root', () => {
    assert.deepEqual(loadEnvironments(sub, sub).names, []);
  });

  it('reports a broken env file in one line', () => {
    const broken = path.join(root, 'broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'http-client.env.json'), '{ nope');
    assert.throws(() => loadEnvironments(broken, root), /^RunnerError: http-client.env.json is not valid JSON/);
  });

  it('reads env files with comments and trailing commas, as VS Code writes JSON', () => {
    const commented = path.join(root, 'commented');
    fs.mkdirSync(commented);
    fs.writeFileSync(path.join(commented, 'http-client.env.json'), '{\n  // local\n  "dev": { "host": "localhost", /* port */ "port": 8080, },\n}\n');
    assert.deepEqual(loadEnvironments(commented, root).variables('dev'), { host: 'localhost', port: '8080' });
  });

  it('reads .env files', () => {
    assert.deepEqual([...loadDotenv(sub, root)], [['TOKEN', 'x y'], ['PLAIN', '1']]);
    assert.deepEqual([...parseDotenv("A='q'\n# c\nB=\n")], [['A', 'q'], ['B', '']]);
  });
});
