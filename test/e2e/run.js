#!/usr/bin/env node
// `npm run test:e2e`: etag-guard's integration suite in a real VS Code (code-server 1.139.1, offline) plus a
// UI smoke test of the packaged .vsix. Ends with one line `N passed, N failed`; exits non-zero on any failure,
// on zero tests, or when VS Code cannot be started. Flags: --suite-only, --ui-only, --no-build (use dist/ as is), --keep, --grep=<regex>.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { E2E, ROOT, SUITE_OUT, WORKSPACE } = require('./paths');

const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const grep = (argv.find((a) => a.startsWith('--grep=')) || '').slice('--grep='.length);
const T0 = Date.now();
const secs = (t = T0) => `${((Date.now() - t) / 1000).toFixed(1)}s`;
const log = (s) => console.log(s);
const results = [];

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: opts.capture ? 'pipe' : 'inherit', ...opts });
  if (r.error) throw r.error;
  return r;
}

async function main() {
  let t = Date.now();
  if (sh('bash', [path.join(E2E, 'setup.sh')]).status !== 0) throw new Error('test/e2e/setup.sh failed');
  log(`[e2e] toolchain ready (${secs(t)})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-e2e-'));
  log(`[e2e] state under ${tmp}`);
  const keep = flag('--keep') || !!process.env.ETAG_E2E_KEEP;
  const cleanup = () => {
    if (keep) return;
    try { fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }); } catch (e) { log(`[e2e] could not remove ${tmp}: ${e.message}`); }
  };
  process.on('exit', cleanup); // also on Ctrl-C (code-server.js exits the process after killing its group)
  try {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    // ETAG_E2E_VSIX=<file> smoke-tests a .vsix built elsewhere instead of running `npm run package`
    const vsix = process.env.ETAG_E2E_VSIX ? path.resolve(process.env.ETAG_E2E_VSIX) : path.join(tmp, `etag-guard-${version}.vsix`);
    if (!flag('--suite-only') && !process.env.ETAG_E2E_VSIX) {
      t = Date.now();
      // `npm run package` = production build + vsce; `-o` keeps the .vsix out of the working tree.
      const r = sh('npm', ['run', 'package', '--', '-o', vsix], { capture: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const ok = r.status === 0 && fs.existsSync(vsix);
      results.push({ name: 'ui: npm run package produces the .vsix', ok, error: ok ? undefined : `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n') });
      log(`TEST ${ok ? 'PASS' : 'FAIL'} ui: npm run package produces the .vsix (${secs(t)})${ok ? '' : '\n' + results.at(-1).error}`);
      if (ok) {
        const docs = require('./vsix-contents').checkRuleDocs(vsix, ROOT);
        results.push({ name: 'ui: the .vsix carries every rule\'s documentation (docs/rules/*.md)', ok: docs.ok, error: docs.error });
        log(`TEST ${docs.ok ? 'PASS' : 'FAIL'} ui: the .vsix carries every rule's documentation${docs.ok ? '' : '\n' + docs.error}`);
        const bundles = require('./vsix-contents').checkExtensionBundles(vsix, ROOT);
        results.push({ name: 'ui: the .vsix carries every extension bundle (dist/extension*.js)', ok: bundles.ok, error: bundles.error });
        log(`TEST ${bundles.ok ? 'PASS' : 'FAIL'} ui: the .vsix carries every extension bundle${bundles.ok ? '' : '\n' + bundles.error}`);
      }
    }
    t = Date.now();
    if (!flag('--no-build')) {
      if (sh('node', ['esbuild.js']).status !== 0) throw new Error('extension build (node esbuild.js) failed');
      log(`[e2e] extension built into dist/ (${secs(t)})`);
    }

    if (!flag('--ui-only')) {
      const { buildSuite } = require('./build-suite');
      const built = await buildSuite();
      const apache = await startApacheFor('suite');
      try {
        await suitePass({ tmp, label: 'suite', built, env: apache ? { ETAG_E2E_APACHE_URL: apache.url } : {} });
      } finally {
        await apache?.stop();
      }
      // the second pass runs the untrustedTest()s in restricted mode: trust enabled, no startup prompt
      await suitePass({ tmp, label: 'untrusted', built, trust: false, env: { ETAG_E2E_UNTRUSTED: '1' },
        settings: { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } });
    }

    if (!flag('--suite-only')) {
      t = Date.now();
      // Screenshots go to an ignored folder: a test run never rewrites tracked files. Refreshing the README's
      // pictures is a deliberate copy from here into docs/images (test/e2e/README.md).
      const shotsDir = path.join(E2E, '.cache', 'screenshots');
      fs.mkdirSync(shotsDir, { recursive: true });
      const demo = process.env.ETAG_E2E_DEMO || path.join(E2E, 'demo');
      const folder = path.join(tmp, 'demo');
      fs.cpSync(demo, folder, { recursive: true });
      const { uiSmoke } = require('./ui-smoke');
      const ui = await uiSmoke({ dir: path.join(tmp, 'ui'), vsix, folder, file: process.env.ETAG_E2E_DEMO_FILE || 'items.http', shotsDir, log });
      results.push(...ui);
      log(`[e2e] UI smoke: ${ui.filter((r) => r.ok).length}/${ui.length} (${secs(t)}); screenshots in ${path.relative(ROOT, shotsDir)}/`);
    }
  } finally {
    if (keep) log(`[e2e] kept ${tmp}`);
    cleanup();
  }
}

/**
 * The private Apache httpd (mod_dav) the suite's "against Apache" tests send to. A failure to start it is a
 * failed result (those tests then fail too, saying the URL is missing), never a skip.
 */
async function startApacheFor(label) {
  try {
    const apache = await require('./apache').startApache();
    log(`[e2e] ${label}: Apache httpd (mod_dav) on ${apache.url}`);
    return apache;
  } catch (e) {
    results.push({ name: `${label}: private Apache httpd (mod_dav) starts`, ok: false, error: e.message });
    log(`TEST FAIL ${label}: private Apache httpd (mod_dav) starts\n${e.message}`);
    return undefined;
  }
}

/**
 * One run of the compiled suite in a fresh code-server on a fresh copy of the fixture workspace (tests edit
 * files). `trust: false` starts it with workspace trust enabled, so the folder opens in restricted mode.
 */
async function suitePass({ tmp, label, built, trust = true, env = {}, settings }) {
  const t = Date.now();
  const dir = path.join(tmp, label);
  const folder = path.join(dir, 'workspace');
  fs.cpSync(WORKSPACE, folder, { recursive: true });
  const resultsFile = path.join(dir, 'suite-results.json');
  const codeServer = require('./code-server');
  const server = await codeServer.start(path.join(dir, 'code-server'), {
    trust, settings,
    extraEnv: { ETAG_E2E_RESULTS: resultsFile, ETAG_E2E_EXTENSION_PATH: ROOT, ...(grep ? { ETAG_E2E_GREP: grep } : {}), ...env },
  });
  log(`[e2e] ${label}: code-server ${server.url} (pgid ${server.pid}); suite ${path.relative(ROOT, SUITE_OUT)} from ${built.files.join(', ')}`);
  let run;
  try {
    run = await require('./run-suite').runSuite(server, { dir: path.join(dir, 'code-server'), folder, devPath: ROOT, testsPath: SUITE_OUT, resultsFile, log });
  } finally {
    await server.stop();
  }
  results.push(...run.results);
  const failedInSuite = run.results.filter((r) => !r.ok).length;
  if (run.exitCode !== 0 && failedInSuite === 0) {
    results.push({ name: `${label}: extension host run ends with exit code 0`, ok: false, error: `codeAutomationExit(${run.exitCode}); see ${server.logFile}` });
    log(`TEST FAIL ${label}: extension host exit code ${run.exitCode} (code-server log: ${server.logFile})`);
  }
  log(`[e2e] ${label}: ${run.results.length} tests, exit code ${run.exitCode} (${secs(t)})`);
}

function summary(fatal) {
  if (fatal) {
    console.error(`[e2e] FATAL: ${fatal.stack || fatal}`);
    results.push({ name: 'launcher', ok: false, error: String(fatal) });
  }
  const failed = results.filter((r) => !r.ok);
  const passed = results.length - failed.length;
  if (failed.length) log(`[e2e] failed:\n${failed.map((r) => `  - ${r.name}`).join('\n')}`);
  if (results.length === 0) log('[e2e] no tests ran');
  log(`[e2e] total ${secs()}`);
  log(`${passed} passed, ${failed.length} failed`);
  process.exitCode = failed.length === 0 && passed > 0 ? 0 : 1;
}

main().then(() => summary(), (e) => summary(e));
