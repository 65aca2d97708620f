/**
 * A proxy for the module part of extension activation: times `require('dist/extension.js')` with a stub `vscode`
 * module (every property a no-op), in a fresh process. Prints the milliseconds. It does not call activate():
 * that needs a real VS Code (test/e2e), which this benchmark leaves to the e2e harness.
 *   node bench/lib/load-extension.js path/to/dist/extension.js
 */
'use strict';
const Module = require('node:module');

const stub = new Proxy(function vscodeStub() {}, { get: (_t, key) => (key === '__esModule' ? true : stub), apply: () => stub, construct: () => stub });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };

const start = process.hrtime.bigint();
require(process.argv[2]);
console.log(Number(process.hrtime.bigint() - start) / 1e6);
