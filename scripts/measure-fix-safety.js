#!/usr/bin/env node
// Fix safety over a folder of real client code (issue #14):
//   node scripts/measure-fix-safety.js FOLDER [-- extra lint options, e.g. --strict]
// Copies FOLDER's JS/TS/JSX/TSX/Python files to a temporary folder, runs the built CLI's `lint --fix` there
// twice, and counts files whose fixed text no longer parses (esbuild for JS/TS, Python's ast via python3),
// object literals / dicts / keyword arguments with a duplicated precondition header key (case-insensitive, as
// HTTP compares them), and files the second `--fix` still changes. Needs `node esbuild.js` first (dist/cli.js).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const args = process.argv.slice(2);
const split = args.indexOf('--');
const folder = split === -1 ? args[0] : args.slice(0, split)[0];
const extra = split === -1 ? [] : args.slice(split + 1);
if (!folder || !fs.existsSync(folder)) {
  console.error('usage: node scripts/measure-fix-safety.js FOLDER [-- lint options]');
  process.exit(2);
}
if (!fs.existsSync(cli)) {
  console.error(`${cli} is missing: run 'node esbuild.js' first.`);
  process.exit(2);
}

const LOADERS = { '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx' };
const PRECONDITION = /^(if-match|if-none-match|if-unmodified-since|if-modified-since)$/i;

// Python: parse, then look for a dict or a call's keywords naming the same precondition header twice.
const PY_CHECK = `
import ast, sys, json
src = open(sys.argv[1], encoding='utf-8').read()
try:
    tree = ast.parse(src)
except SyntaxError as e:
    print(json.dumps({'error': f'{e.msg} (line {e.lineno})'})); sys.exit(0)
dups = []
for node in ast.walk(tree):
    if isinstance(node, ast.Dict):
        seen = set()
        for k in node.keys:
            if isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.lower().startswith('if-'):
                if k.value.lower() in seen: dups.append(f'{k.value} (line {k.lineno})')
                seen.add(k.value.lower())
print(json.dumps({'duplicates': dups}))
`;

function files(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (LOADERS[path.extname(e.name)] || e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

/** Parse problems and duplicated precondition keys of one file; `error` when it does not parse. */
function inspect(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.py')) {
    const r = spawnSync('python3', ['-c', PY_CHECK, file], { encoding: 'utf8' });
    if (r.status !== 0) return { error: `python3 failed: ${r.stderr.trim()}` };
    return JSON.parse(r.stdout);
  }
  const loader = LOADERS[path.extname(file)];
  try {
    esbuild.transformSync(text, { loader, logLevel: 'silent' });
  } catch (err) {
    return { error: (err.errors?.[0]?.text ?? String(err)).split('\n')[0] };
  }
  const kind = loader === 'tsx' || loader === 'jsx' ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const duplicates = [];
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const seen = new Set();
      for (const p of node.properties) {
        const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text.toLowerCase() : undefined;
        if (!name || !PRECONDITION.test(name)) continue;
        if (seen.has(name)) duplicates.push(`${p.name.text} (line ${source.getLineAndCharacterOfPosition(p.getStart()).line + 1})`);
        seen.add(name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { duplicates };
}

function lintFix(dir) {
  const r = spawnSync(process.execPath, [cli, 'lint', '--fix', ...extra, '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status === 2) throw new Error(`lint --fix failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fix-safety-'));
const all = files(path.resolve(folder));
for (const f of all) {
  const to = path.join(work, path.relative(path.resolve(folder), f));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(f, to);
}
const copies = files(work);
const before = new Map(copies.map((f) => [f, fs.readFileSync(f, 'utf8')]));
const parsedBefore = new Map(copies.map((f) => [f, !inspect(f).error]));
const t0 = Date.now();
const firstRun = lintFix(work);
const seconds = (Date.now() - t0) / 1000;
const afterFirst = new Map(copies.map((f) => [f, fs.readFileSync(f, 'utf8')]));
lintFix(work);

const figures = { files: copies.length, unparsableBefore: 0, changed: 0, brokenByFix: [], duplicated: [], notIdempotent: [], findingsLeft: 0, fixableLeft: 0 };
for (const f of copies) {
  const rel = path.relative(work, f);
  if (!parsedBefore.get(f)) figures.unparsableBefore++;
  if (afterFirst.get(f) !== before.get(f)) figures.changed++;
  const after = inspect(f);
  if (after.error && parsedBefore.get(f)) figures.brokenByFix.push(`${rel}: ${after.error}`);
  for (const d of after.duplicates ?? []) figures.duplicated.push(`${rel}: ${d}`);
  if (fs.readFileSync(f, 'utf8') !== afterFirst.get(f)) figures.notIdempotent.push(rel);
}
for (const r of firstRun) {
  figures.findingsLeft += r.messages.length;
  figures.fixableLeft += r.messages.filter((m) => m.fix).length;
}
fs.rmSync(work, { recursive: true, force: true });

console.log(`files: ${figures.files} (${figures.unparsableBefore} did not parse before any fix and are not counted as broken)`);
console.log(`changed by --fix: ${figures.changed} files, in ${seconds.toFixed(1)} s`);
console.log(`problems left after --fix: ${figures.findingsLeft} (with a checked fix still offered: ${figures.fixableLeft})`);
console.log(`fixed files that no longer parse: ${figures.brokenByFix.length}`);
for (const b of figures.brokenByFix) console.log(`  ${b}`);
console.log(`duplicated precondition header keys: ${figures.duplicated.length}`);
for (const d of figures.duplicated) console.log(`  ${d}`);
console.log(`files a second --fix changes: ${figures.notIdempotent.length}`);
for (const n of figures.notIdempotent) console.log(`  ${n}`);
process.exitCode = figures.brokenByFix.length + figures.duplicated.length + figures.notIdempotent.length > 0 ? 1 : 0;
