#!/usr/bin/env node
// The one test command (`npm test`): builds the bundles, compiles the TypeScript tests, runs every
// `*.test.js` under out/ with node's test runner, then the real-VS-Code suite (test/e2e), and prints one
// combined `N passed, N failed` line. `--unit` stops after node's tests; any failure or zero tests exits 1.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// TEST_OUT_DIR (a sibling of out/, e.g. out-mine) lets parallel local runs compile into separate folders
// instead of wiping each other's out/; tests find the repository two levels above their compiled folder.
const outDir = path.resolve(root, process.env.TEST_OUT_DIR || 'out');
const unitOnly = process.argv.includes('--unit');
const filter = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function testFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'e2e') out.push(...testFiles(p));
    } else if (e.name.endsWith('.test.js') && (filter.length === 0 || filter.some((f) => p.includes(f)))) {
      out.push(p);
    }
  }
  return out;
}

function counts(text) {
  const pass = /^# pass (\d+)$/m.exec(text);
  const fail = /^# fail (\d+)$/m.exec(text);
  return { passed: pass ? Number(pass[1]) : 0, failed: fail ? Number(fail[1]) : 0 };
}

fs.rmSync(outDir, { recursive: true, force: true });
if (run(process.execPath, ['esbuild.js']) !== 0) process.exit(1);
if (run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.', '--outDir', outDir]) !== 0) process.exit(1);

const files = testFiles(outDir);
const tap = path.join(outDir, 'unit.tap');
const unitStatus = run(process.execPath, [
  '--test', '--test-concurrency=2',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...files,
]);
const unit = counts(fs.readFileSync(tap, 'utf8'));
let passed = unit.passed;
let failed = unit.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0);
console.log(`unit and integration: ${unit.passed} passed, ${unit.failed} failed`);

if (!unitOnly) {
  const e2e = spawnSync('npm', ['run', '--silent', 'test:e2e'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(e2e.stdout ?? '');
  const m = /^(\d+) passed, (\d+) failed$/m.exec(e2e.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (e2e.status !== 0 && (!m || Number(m[2]) === 0)) failed += 1; // the launcher itself failed
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
