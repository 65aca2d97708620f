// Bundles test/e2e/suite/*.test.ts (+ harness) into one CommonJS file the extension host loads as
// `extensionTestsPath`. `vscode` stays external; every *.test.ts is picked up without a hand-kept list.
const fs = require('fs');
const path = require('path');
const { ROOT, SUITE_OUT } = require('./paths');

async function buildSuite() {
  const esbuild = require(require.resolve('esbuild', { paths: [ROOT] }));
  const dir = path.join(__dirname, 'suite');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort();
  if (!files.length) throw new Error(`no *.test.ts files in ${dir}`);
  const entry = files.map((f) => `import './${f.replace(/\.ts$/, '')}';`).join('\n') + "\nexport { run } from './index';\n";
  await esbuild.build({
    stdin: { contents: entry, resolveDir: dir, sourcefile: 'suite-entry.ts', loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    outfile: SUITE_OUT, sourcemap: 'inline', logLevel: 'warning',
  });
  return { outfile: SUITE_OUT, files };
}

module.exports = { buildSuite };
if (require.main === module) buildSuite().then((r) => console.log(`built ${r.outfile} from ${r.files.length} test files`), (e) => { console.error(e); process.exit(1); });
