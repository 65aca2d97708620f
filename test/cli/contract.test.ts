// The CLI contract of issue #2, through the bundled dist/cli.js as users and CI call it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { cliPath, runCli } from '../runner/cli';

describe('etag-guard lint contract', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-cli-'));
    fs.writeFileSync(path.join(dir, 'empty.http'), '');
    fs.writeFileSync(path.join(dir, 'bad.http'), 'PUT https://api.example.com/items/1\nIf-Match: abc\n');
    fs.mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'dep', 'x.http'), 'DELETE https://x.test/a\n');
    fs.mkdirSync(path.join(dir, 'ignored'));
    fs.writeFileSync(path.join(dir, 'ignored', 'y.http'), 'DELETE https://x.test/a\n');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one ESLint-shaped entry with no messages for an empty file, exit 0', async () => {
    const r = await runCli(['lint', '--format', 'json', 'empty.http'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [{
      filePath: path.join(dir, 'empty.http'), messages: [], suppressedMessages: [], errorCount: 0, fatalErrorCount: 0,
      warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [],
    }]);
  });

  it('exits 2 with one line for a missing path', async () => {
    const r = await runCli(['lint', 'nope.http'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(r.stderr.trim().split('\n'), ['etag-guard: No such file or directory: nope.http']);
  });

  it('reports 1-based positions with severity 2 for errors, and exits 1', async () => {
    const r = await runCli(['lint', '--format', 'json', 'bad.http'], dir);
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.stdout);
    const invalid = result.messages.find((m: { ruleId: string }) => m.ruleId === 'invalid-etag');
    assert.deepEqual({ ...invalid, message: undefined }, {
      ruleId: 'invalid-etag', severity: 2, message: undefined, line: 2, column: 11, endLine: 2, endColumn: 14,
      // ESLint's fix shape: UTF-16 offsets into the file's text and the replacement.
      fix: { range: [46, 49], text: '"abc"' },
    });
    assert.equal(result.errorCount, 1);
  });

  it('writes SARIF 2.1.0 with the rule list, help URIs and levels', async () => {
    const r = await runCli(['lint', '--format', 'sarif', 'bad.http'], dir);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const rules = sarif.runs[0].tool.driver.rules;
    assert.ok(rules.length >= 12);
    const invalid = rules.find((x: { id: string }) => x.id === 'invalid-etag');
    assert.match(invalid.helpUri, /docs\/rules\/invalid-etag\.md$/);
    assert.equal(invalid.defaultConfiguration.level, 'error');
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'invalid-etag');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 2);
  });

  it('recurses into folders, honouring .gitignore and skipping node_modules', async () => {
    const r = await runCli(['lint', '--format', 'json', '.'], dir);
    const files = JSON.parse(r.stdout).map((x: { filePath: string }) => path.basename(x.filePath)).sort();
    assert.deepEqual(files, ['bad.http', 'empty.http']);
  });

  it('expands globs and fails --max-warnings when exceeded', async () => {
    fs.writeFileSync(path.join(dir, 'warn.http'), 'DELETE https://x.test/a\n');
    const ok = await runCli(['lint', '--strict', '--format', 'json', '--max-warnings', '1', 'w*.http'], dir);
    assert.equal(ok.code, 0);
    assert.equal(JSON.parse(ok.stdout).length, 1);
    const strict = await runCli(['lint', '--strict', '--max-warnings', '0', 'w*.http'], dir);
    assert.equal(strict.code, 1);
    fs.rmSync(path.join(dir, 'warn.http'));
  });

  it('lints without loading the runner: no HTTP or TLS module and not its bundle, which `run` needs (start-up cost, issue #16)', () => {
    // Node's own list of the built-in modules a process loaded, and the files it required, printed as it exits.
    const hook = path.join(dir, 'loaded-modules.js');
    fs.writeFileSync(hook, "process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + JSON.stringify([...process.moduleLoadList, ...Object.keys(require.cache).map((f) => require('path').basename(f))])));\n");
    const loaded = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', hook, cliPath(), ...args], { cwd: dir, encoding: 'utf8' });
      return JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('\nLOADED ') + 8)) as string[];
    };
    const lint = loaded('lint', '--format', 'json', 'bad.http');
    assert.ok(!lint.includes('NativeModule http') && !lint.includes('NativeModule tls') && !lint.includes('cli-run.js'), lint.join(' '));
    const version = loaded('--version');
    assert.ok(!version.includes('NativeModule http') && !version.includes('cli-run.js'));
    // The check sees them when they load.
    const run = loaded('run', '--help');
    assert.ok(run.includes('NativeModule http') && run.includes('NativeModule tls') && run.includes('cli-run.js'));
  });

  it('reports a mistake in a `run` or `probe` call as one line, not as an internal error (their bundle has its own error classes)', async () => {
    const run = await runCli(['run', '--no-such-option', 'bad.http'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^etag-guard: Unknown option '--no-such-option'/);
    const probe = await runCli(['probe'], dir);
    assert.equal(probe.code, 2);
    assert.match(probe.stderr, /^etag-guard: probe takes exactly one URL/);
  });

  it('ends once its output is written, not when the work left in flight is done (exit time, issue #16)', () => {
    // A timer stands in for what V8 leaves running after a lint (compilations, a marking): a process that waits for
    // it would be killed by the time-out below.
    const hook = path.join(dir, 'work-in-flight.js');
    fs.writeFileSync(hook, 'setTimeout(() => {}, 60000);\n');
    const started = spawnSync(process.execPath, ['-r', hook, cliPath(), 'lint', '--format', 'json', 'bad.http'], { cwd: dir, encoding: 'utf8', timeout: 20000 });
    assert.equal(started.signal, null, 'killed by the time-out: the lint waited for the timer');
    assert.equal(started.status, 1);
    assert.equal(JSON.parse(started.stdout)[0].errorCount, 1);
    const version = spawnSync(process.execPath, ['-r', hook, cliPath(), '--version'], { cwd: dir, encoding: 'utf8', timeout: 20000 });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
