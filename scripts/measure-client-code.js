#!/usr/bin/env node
// Precision and recall of `missing-precondition` on a folder of real client code judged by hand.
//
//   node scripts/measure-client-code.js FOLDER [--strict] [--verbose]
//
// FOLDER holds the source files and a MANIFEST.jsonl with one line per write call:
//   { "file": "name.ts", "line": 12, "method_line"?: 14, "verdict": "wanted" | "unwanted" | "unsure", … }
// The script lints FOLDER with the built CLI (`npm run build` first), in default mode unless --strict, and
// matches each printed missing-precondition finding to the judged call on its line (or up to 3 lines below
// it: the callee of a chain split over lines starts above the `.put(`). A finding on no judged call counts as
// unwanted. Precision = wanted warnings / warnings; recall = wanted calls warned / wanted calls. Unsure calls
// are reported apart and count against precision in the strict figure only.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
if (!folder) {
  console.error('Usage: node scripts/measure-client-code.js FOLDER [--strict] [--verbose]');
  process.exit(2);
}
const strict = args.includes('--strict');
const verbose = args.includes('--verbose');
const manifestPath = path.join(folder, 'MANIFEST.jsonl');
if (!fs.existsSync(manifestPath)) {
  console.error(`No MANIFEST.jsonl in ${folder}.`);
  process.exit(2);
}
const manifest = fs.readFileSync(manifestPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const files = [...new Set(manifest.map((e) => e.file))].map((f) => path.join(folder, f)).filter((f) => fs.existsSync(f));
const lint = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', ...(strict ? ['--strict'] : []), ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
if (lint.status !== 0 && lint.status !== 1) {
  console.error(lint.stderr || `etag-guard exited with ${lint.status}`);
  process.exit(2);
}
const reports = JSON.parse(lint.stdout);

const byFile = new Map();
for (const e of manifest) {
  const list = byFile.get(e.file) ?? [];
  list.push(e);
  byFile.set(e.file, list);
}

/** The judged call a finding on `line` of `file` is about: the nearest at or below it, within 3 lines. */
function callAt(file, line) {
  let best;
  for (const e of byFile.get(file) ?? []) {
    for (const l of [e.line, e.method_line].filter((x) => typeof x === 'number')) {
      const d = l - line;
      if (d >= 0 && d <= 3 && (!best || d < best.d)) best = { e, d };
    }
  }
  return best?.e;
}

const warned = new Set();
const counts = { wanted: 0, unwanted: 0, unsure: 0, unlisted: 0 };
const lines = [];
for (const r of reports) {
  const file = path.basename(r.filePath);
  for (const m of r.messages) {
    if (m.ruleId !== 'missing-precondition') continue;
    const e = callAt(file, m.line);
    const verdict = e ? e.verdict : 'unlisted';
    counts[verdict] = (counts[verdict] ?? 0) + 1;
    if (e) warned.add(e);
    lines.push(`${verdict.padEnd(8)} ${file}:${m.line}  ${m.message.slice(0, 140)}`);
  }
}
const wantedCalls = manifest.filter((e) => e.verdict === 'wanted');
const found = wantedCalls.filter((e) => warned.has(e));
const warnings = counts.wanted + counts.unwanted + counts.unsure + counts.unlisted;
const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(0)}%`);

if (verbose) {
  for (const l of lines) console.log(l);
  for (const e of wantedCalls) if (!warned.has(e)) console.log(`MISSED   ${e.file}:${e.line}  ${e.why ?? ''}`.slice(0, 200));
  console.log('');
}
console.log(`${folder}: ${files.length} files, ${manifest.length} judged write calls (${wantedCalls.length} wanted), mode ${strict ? 'strict' : 'default'}`);
console.log(`missing-precondition warnings: ${warnings} (wanted ${counts.wanted}, unsure ${counts.unsure}, unwanted ${counts.unwanted}, on no judged call ${counts.unlisted})`);
console.log(`precision: ${pct(counts.wanted, warnings)} (${counts.wanted}/${warnings}); unsure left out: ${pct(counts.wanted, warnings - counts.unsure)} (${counts.wanted}/${warnings - counts.unsure})`);
console.log(`recall: ${pct(found.length, wantedCalls.length)} (${found.length}/${wantedCalls.length})`);
