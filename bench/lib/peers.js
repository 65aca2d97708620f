/**
 * The peer runners the benchmark compares with live in bench/node_modules (bench/package.json and its own
 * lockfile), never in the extension's dependencies: installed on first use with `npm ci`.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const BENCH = path.resolve(__dirname, '..');
const HTTPYAC = path.join(BENCH, 'node_modules', 'httpyac', 'bin', 'httpyac.js');

/** Path of httpyac's CLI, installing it if missing; undefined (with a printed reason) when that fails. */
function ensureHttpyac() {
  if (!fs.existsSync(HTTPYAC)) {
    console.log('Installing the peer runner httpyac into bench/node_modules (npm ci, once)…');
    try {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH, stdio: 'inherit', timeout: 180000 });
    } catch (err) {
      console.log(`httpyac could not be installed (${err.message.split('\n')[0]}): the runner section compares without it.`);
      return undefined;
    }
  }
  return HTTPYAC;
}

module.exports = { ensureHttpyac };
