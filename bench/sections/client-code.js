/**
 * Section 4 — client code: 5,000-line TypeScript and Python files, typical (one HTTP function in ten) and dense
 * (nearly all HTTP calls, the worst case), linted in-process (`lintCode` with the tree-sitter grammars from
 * dist/grammars) and through the CLI.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { typescriptFile, pythonFile } = require('../lib/generate');
const { typicalTypescriptFile, typicalPythonFile } = require('../lib/generate-typical');
const { runProcess } = require('../lib/proc');
const { median, sample } = require('../lib/stats');
const { printTable } = require('../lib/table');

const LINES = 5000;
const NOT_YET = 'not available yet';

/** Findings the CLI reported for one file (ESLint JSON), or throws on a usage/I/O failure. */
function cliFindings(result) {
  if (result.code === 2) throw new Error(`CLI lint failed: ${result.stderr}`);
  return JSON.parse(result.stdout).reduce((n, f) => n + f.messages.length, 0);
}

async function clientCodeSection({ engine, cli, tmp }) {
  const inputs = [
    { kind: 'typical', language: 'typescript', file: 'typical-5000.ts', text: typicalTypescriptFile(LINES) },
    { kind: 'typical', language: 'python', file: 'typical-5000.py', text: typicalPythonFile(LINES) },
    { kind: 'dense', language: 'typescript', file: 'client-5000.ts', text: typescriptFile(LINES) },
    { kind: 'dense', language: 'python', file: 'client-5000.py', text: pythonFile(LINES) },
  ];
  const available = typeof engine.lintCode === 'function' && typeof engine.loadCodeParsers === 'function';
  const parsers = available ? await engine.loadCodeParsers(undefined, (m) => console.error(m)) : undefined;
  const rows = [];
  for (const input of inputs) {
    const file = path.join(tmp, input.file);
    fs.writeFileSync(file, input.text);
    const row = { kind: input.kind, language: input.language, lines: LINES, bytes: Buffer.byteLength(input.text) };
    if (available) {
      let findings = 0;
      row.inProcessMs = median(await sample(() => {
        findings = engine.lintCode(input.text, input.language, engine.DEFAULT_CONFIG, parsers).findings.length;
      }, { runs: 10, warmup: 2, budgetMs: 20000 }));
      row.findings = findings;
    }
    let cliCount = 0;
    row.cliMs = median(await sample(async () => {
      cliCount = cliFindings(await runProcess(process.execPath, [cli, 'lint', '--format', 'json', file]));
    }, { runs: 5, warmup: 1, budgetMs: 30000 }));
    row.cliFindings = cliCount;
    rows.push(row);
  }
  printTable(`4. Client code (${LINES.toLocaleString('en-US')}-line files; target < 150 ms)`,
    ['file', 'KB', 'findings (engine / CLI)', 'engine ms', 'CLI ms'],
    rows.map((r) => [`${r.kind} ${r.language}`, r.bytes / 1024, `${r.findings ?? NOT_YET} / ${r.cliFindings}`, r.inProcessMs ?? NOT_YET, r.cliMs]));
  if (rows.some((r) => r.cliFindings === 0)) console.log('(the CLI reported no findings for client code: code linting is not wired into it yet)');
  return { available, rows };
}

module.exports = { clientCodeSection };
