#!/usr/bin/env node
// Precision and recall of the precondition warnings on a folder of real `.http` / `.rest` files judged by hand.
//
//   node scripts/measure-http-precision.js FOLDER [--strict] [--verbose]
//
// FOLDER holds a MANIFEST.jsonl with one line per write request of the files it names (paths relative to FOLDER):
//   { "file": "files/a.http", "line": 12, "end": 18, "method": "PUT", "verdict": "wanted" | "unwanted" | "unsure", "why": "…" }
// `line` is the request line (1-based) and `end` the request's last line. The script lints those files with the
// built CLI (`npm run build` first) in default mode unless --strict, and files each printed warning of a
// precondition rule under the judged request whose lines hold it. A warning on no judged request counts as
// unwanted. Two figures: `missing-precondition` alone, and with the stale-precondition rules (a pasted or
// borrowed validator). Precision = wanted warnings / warnings (unsure ones shown apart); recall = wanted requests
// warned / wanted requests. Documented in docs/precision.md.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const MISSING = ['missing-precondition'];
const STALE = ['hardcoded-etag', 'stale-etag', 'etag-from-other-resource'];

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
if (!folder) {
  console.error('Usage: node scripts/measure-http-precision.js FOLDER [--strict] [--verbose]');
  process.exit(2);
}
const manifestFile = path.join(folder, 'MANIFEST.jsonl');
if (!fs.existsSync(manifestFile)) {
  console.error(`No MANIFEST.jsonl in ${folder}.`);
  process.exit(2);
}
const judged = fs.readFileSync(manifestFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const files = [...new Set(judged.map((e) => e.file))];
const strict = args.includes('--strict');
const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', ...(strict ? ['--strict'] : []), ...files.map((f) => path.join(folder, f))],
  { encoding: 'utf8', maxBuffer: 64 << 20 });
if (run.status !== 0 && run.status !== 1) {
  console.error(run.stderr || `etag-guard exited with ${run.status}`);
  process.exit(2);
}

/** The judged request of `file` whose lines hold `line`. */
const requestAt = (file, line) => judged.find((e) => e.file === file && e.line <= line && line <= (e.end ?? e.line));

/** Tallies the warnings of `rules`: verdict counts, the wanted requests they reached, one line per warning. */
function tally(rules) {
  const t = { wanted: 0, unwanted: 0, unsure: 0, unlisted: 0, reached: new Set(), lines: [] };
  for (const report of JSON.parse(run.stdout)) {
    const file = path.relative(folder, report.filePath);
    for (const m of report.messages) {
      if (!rules.includes(m.ruleId)) continue;
      const e = requestAt(file, m.line);
      const verdict = e ? e.verdict : 'unlisted';
      t[verdict]++;
      if (e?.verdict === 'wanted') t.reached.add(e);
      t.lines.push(`${verdict.padEnd(8)} ${file}:${m.line} ${m.ruleId}: ${m.message.slice(0, 120)}`);
    }
  }
  return t;
}

const wanted = judged.filter((e) => e.verdict === 'wanted');
const pct = (a, b) => (b === 0 ? 'n/a' : `${Math.round((100 * a) / b)}%`);
console.log(`${folder}: ${files.length} files, ${judged.length} judged write requests (${wanted.length} wanted), mode ${strict ? 'strict' : 'default'}`);
for (const [name, rules] of [['missing-precondition', MISSING], ['missing + stale preconditions', [...MISSING, ...STALE]]]) {
  const t = tally(rules);
  const warnings = t.wanted + t.unwanted + t.unsure + t.unlisted;
  if (args.includes('--verbose')) {
    for (const l of t.lines) console.log(`  ${l}`);
    for (const e of wanted) if (!t.reached.has(e)) console.log(`  MISSED   ${e.file}:${e.line} ${(e.why ?? '').slice(0, 120)}`);
  }
  console.log(`${name}: ${warnings} warnings (wanted ${t.wanted}, unsure ${t.unsure}, unwanted ${t.unwanted}, on no judged request ${t.unlisted}); ` +
    `precision ${pct(t.wanted, warnings)} (${t.wanted}/${warnings}), without unsure ${pct(t.wanted, warnings - t.unsure)}; ` +
    `recall ${pct(t.reached.size, wanted.length)} (${t.reached.size}/${wanted.length})`);
}
