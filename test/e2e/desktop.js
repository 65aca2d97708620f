#!/usr/bin/env node
// `npm run test:e2e:desktop`: the same compiled suite in desktop VS Code (Electron) through
// @vscode/test-electron, which DOWNLOADS VS Code — machines with internet only (not this sandbox or CI).
// Runs a pinned current release and the minimum version from `engines.vscode`. Ends with `N passed, N failed`.
// On Linux without a display it re-executes itself under `xvfb-run -a` (apt-get install xvfb).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { E2E, ROOT, SUITE_OUT, WORKSPACE } = require('./paths');

const PINNED = '1.139.1'; // the VS Code inside code-server 4.139.1, so both launchers test the same release

function minimumVersion() {
  const range = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.vscode;
  const m = /(\d+\.\d+\.\d+)/.exec(range);
  if (!m) throw new Error(`cannot read a minimum version from engines.vscode "${range}"`);
  return m[1];
}

async function main() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.ETAG_E2E_UNDER_XVFB) {
    const has = spawnSync('sh', ['-c', 'command -v xvfb-run']).status === 0;
    if (!has) throw new Error('no DISPLAY and no xvfb-run: apt-get install xvfb (desktop VS Code needs a display)');
    const r = spawnSync('xvfb-run', ['-a', process.execPath, __filename, ...process.argv.slice(2)],
      { stdio: 'inherit', env: { ...process.env, ETAG_E2E_UNDER_XVFB: '1' } });
    process.exit(r.status ?? 1);
  }
  if (spawnSync('bash', [path.join(E2E, 'setup.sh')], { stdio: 'inherit' }).status !== 0) throw new Error('test/e2e/setup.sh failed');
  if (spawnSync('node', ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('extension build failed');
  await require('./build-suite').buildSuite();
  const { runTests } = require('@vscode/test-electron');
  const versions = process.env.VSCODE_VERSIONS ? process.env.VSCODE_VERSIONS.split(',') : [PINNED, minimumVersion()];
  const results = [];
  // the suite's "against Apache" tests send to a private Apache httpd the launcher runs (test/e2e/apache.js)
  const apache = await require('./apache').startApache().catch((e) => {
    results.push({ name: 'private Apache httpd (mod_dav) starts', ok: false, error: e.message });
    return undefined;
  });
  try {
    await runVersions(versions, apache, results);
  } finally {
    await apache?.stop();
  }
  return results;
}

async function runVersions(versions, apache, results) {
  for (const version of versions) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `etag-guard-desktop-${version}-`));
    const folder = path.join(tmp, 'workspace');
    fs.cpSync(WORKSPACE, folder, { recursive: true });
    const resultsFile = path.join(tmp, 'results.json');
    console.log(`[desktop] VS Code ${version}`);
    let exitCode;
    try {
      exitCode = await runTests({
        version,
        cachePath: path.join(E2E, '.cache', 'vscode'),
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: SUITE_OUT,
        extensionTestsEnv: { ETAG_E2E_RESULTS: resultsFile, ETAG_E2E_EXTENSION_PATH: ROOT, ...(apache ? { ETAG_E2E_APACHE_URL: apache.url } : {}) },
        launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
          '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')],
      });
    } catch (e) {
      exitCode = `error: ${e && e.message || e}`;
    }
    const ran = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')).results : [];
    results.push(...ran.map((r) => ({ ...r, name: `[${version}] ${r.name}` })));
    if (exitCode !== 0 && !ran.some((r) => !r.ok)) results.push({ name: `[${version}] VS Code run`, ok: false, error: String(exitCode) });
    console.log(`[desktop] VS Code ${version}: ${ran.length} tests, exit ${exitCode}`);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((results) => report(results), (e) => report([{ name: 'launcher', ok: false, error: String(e) }], e));

function report(results, fatal) {
  if (fatal) console.error(`[desktop] FATAL: ${fatal.stack || fatal}`);
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) console.log(`[desktop] failed: ${r.name}${r.error ? ` — ${r.error.split('\n')[0]}` : ''}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length === 0 && results.length > 0 ? 0 : 1;
}
