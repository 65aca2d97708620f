/**
 * Section 5 — size and start-up: shipped bundle and grammar sizes, the .vsix (`npm run package`), language
 * server start-up (spawn → initialize response), CLI start-up (`--version`) and the extension bundle's load time.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { LspSession } = require('../lib/lsp-session');
const { runProcess } = require('../lib/proc');
const { median, sample } = require('../lib/stats');
const { printTable, verdict } = require('../lib/table');
const { ROOT } = require('../lib/engine');

const VSIX_TARGET_MB = 1.5;
const EXTENSION_LOAD_TARGET_MS = 60;
const ACTIVATION_TARGET_MS = 150;
/** Written by the real-VS-Code run (test/e2e, test `issue 15 #11`); this benchmark cannot start VS Code. */
const E2E_ACTIVATION = path.join(ROOT, 'bench', 'results', 'e2e-activation.json');

/** The last real-VS-Code activation figures, if that run wrote them. */
function e2eActivation() {
  try {
    return JSON.parse(fs.readFileSync(E2E_ACTIVATION, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The floor under the entry bundle's load: the language client library alone, bundled and minified the same way
 * (an extension that starts a language server cannot load less). Written to bench/.cache.
 */
async function languageClientFloor() {
  const out = path.join(ROOT, 'bench', '.cache', 'language-client-floor.js');
  await require('esbuild').build({
    stdin: { contents: "module.exports = require('vscode-languageclient/node');", resolveDir: ROOT, loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, external: ['vscode'], outfile: out, logLevel: 'warning',
  });
  return out;
}
const kb = (file) => fs.statSync(file).size / 1024;

/** Builds the .vsix with the project's own script; returns its path, or the reason it could not. */
async function packageVsix() {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `etag-guard-${version}.vsix`);
  const r = await runProcess('npm', ['run', 'package'], { cwd: ROOT, timeoutMs: 180000 });
  if (r.code !== 0 || !fs.existsSync(vsix)) return { error: `npm run package failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}` };
  return { vsix };
}

async function sizeStartupSection({ serverJs, cli }) {
  const dist = path.join(ROOT, 'dist');
  const files = [
    ...fs.readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, f)),
    ...(fs.existsSync(path.join(dist, 'grammars')) ? fs.readdirSync(path.join(dist, 'grammars')).map((f) => path.join(dist, 'grammars', f)) : []),
  ];
  const sizes = files.map((f) => ({ file: path.relative(ROOT, f), kb: kb(f) }));
  const packaged = await packageVsix();
  const vsixMB = packaged.vsix ? fs.statSync(packaged.vsix).size / 1024 / 1024 : undefined;

  const serverStart = await sample(async () => {
    const session = new LspSession(serverJs);
    try {
      await session.initialize();
    } finally {
      await session.close();
    }
  }, { runs: 7, warmup: 1, budgetMs: 20000 });
  const cliStart = await sample(async () => {
    const r = await runProcess(process.execPath, [cli, '--version']);
    if (r.code !== 0) throw new Error(`etag-guard --version failed: ${r.stderr}`);
  }, { runs: 10, warmup: 1, budgetMs: 20000 });
  // Interleaved with the floor, so a burst of load hits both.
  const floor = await languageClientFloor();
  const loader = path.join(__dirname, '..', 'lib', 'load-extension.js');
  const loads = [];
  const floorLoads = [];
  for (let i = 0; i < 7; i++) {
    loads.push(Number((await runProcess(process.execPath, [loader, path.join(dist, 'extension.js')])).stdout));
    floorLoads.push(Number((await runProcess(process.execPath, [loader, floor])).stdout));
  }

  const result = {
    sizes, vsixMB, vsixError: packaged.error,
    serverStartMs: median(serverStart), cliStartMs: median(cliStart), extensionLoadMs: median(loads), languageClientLoadMs: median(floorLoads),
    activation: e2eActivation(),
  };
  const act = result.activation;
  const activationRows = act ? [
    [`real VS Code ${act.vscode} (${act.at}): activate() call (ms)`, act.activateMs, `< ${ACTIVATION_TARGET_MS}: ${verdict(act.activateMs, ACTIVATION_TARGET_MS)}`],
    ['real VS Code: its own activation time, code loading + activate() until resolved (ms)', act.vscodeActivationMs, `< ${ACTIVATION_TARGET_MS}: ${verdict(act.vscodeActivationMs, ACTIVATION_TARGET_MS)}`],
    ['real VS Code: of which loading the entry bundle / the activate() call (ms)', `${act.vscodeCodeLoadingMs} / ${act.vscodeActivateCallMs}`, ''],
    ['real VS Code: its wait for the extension context, not counted (ms)', act.vscodeContextWaitMs, ''],
  ] : [['real VS Code activation', `not measured: run npm run test:e2e -- --suite-only "--grep=issue 15 #11" first`, `< ${ACTIVATION_TARGET_MS}`]];
  printTable('5. Size and start-up', ['measure', 'value', 'target'], [
    ...sizes.map((s) => [`${s.file} (KB)`, s.kb, '']),
    ['.vsix (MB)', vsixMB ?? packaged.error, `< ${VSIX_TARGET_MB}: ${verdict(vsixMB, VSIX_TARGET_MB)}`],
    ['server: spawn → initialize response (ms)', result.serverStartMs, ''],
    ['CLI: etag-guard --version, whole process (ms)', result.cliStartMs, ''],
    ['extension entry bundle require() with a stub vscode (ms)', result.extensionLoadMs, `< ${EXTENSION_LOAD_TARGET_MS}: ${verdict(result.extensionLoadMs, EXTENSION_LOAD_TARGET_MS)}`],
    ['language client library alone, loaded after activation (ms)', result.languageClientLoadMs, `entry / client ${(result.extensionLoadMs / result.languageClientLoadMs).toFixed(2)}`],
    ...activationRows,
  ]);
  return { ...result, targets: { vsixMB: VSIX_TARGET_MB, extensionLoadMs: EXTENSION_LOAD_TARGET_MS, activationMs: ACTIVATION_TARGET_MS } };
}

module.exports = { sizeStartupSection };
