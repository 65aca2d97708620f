// What the language server and the CLI load at start-up, whatever document or command they are given: its bundle is parsed and its modules run
// before the first request, and what V8 compiles stays in its malloc heap. The runner's HTTP client (undici, 0.5 MB)
// and cookie jar came in through one barrel import; the client-code engine and tree-sitter are a bundle of their own,
// loaded on the first code document, and so is the YAML parser, loaded on the first OpenAPI document; and one character above U+00FF anywhere in a bundle makes V8 keep its whole
// source at two bytes a character (docs/performance.md, "Issue 16, fifteenth session" and "sixteenth session"). The
// CLI's `run` and `probe` (HTTP client, cookie jar, runner) are a bundle of their own, and it shares the server's YAML
// bundle: `lint` and `--version` compile neither ("eighteenth session").
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { common, bundles } = require(path.join(ROOT, 'esbuild.js')) as { common: esbuild.BuildOptions; bundles: esbuild.BuildOptions[] };

type Built = esbuild.BuildResult & { metafile: esbuild.Metafile; outputFiles: esbuild.OutputFile[] };

/** A bundle as `node esbuild.js --production` makes it, in memory. */
async function production(name: string): Promise<Built> {
  const options = bundles.find((b) => Object.keys(b.entryPoints as Record<string, string>).includes(name))!;
  return await esbuild.build({ ...common, ...options, absWorkingDir: ROOT, minify: true, sourcemap: false, write: false, metafile: true, logLevel: 'silent' }) as Built;
}

describe('the language server bundles', () => {
  let server: Built;
  let serverCode: Built;
  let serverYaml: Built;
  before(async () => {
    server = await production('server');
    serverCode = await production('server-code');
    serverYaml = await production('server-yaml');
  });

  it('start without the runner, its HTTP client and cookie jar, or the client-code engine and tree-sitter', () => {
    const inputs = Object.keys(server.metafile.inputs);
    assert.ok(inputs.some((i) => i.startsWith('server/src/engine/http/')), 'the metafile lists the bundle\'s inputs');
    const heavy = inputs.filter((i) => /^node_modules\/(undici|tough-cookie|tldts|web-tree-sitter)\//.test(i) ||
      /^server\/src\/(runner\/executor\/(session|run|dispatcher)|engine\/code\/incremental-code|host\/code-parsers)\.ts$/.test(i));
    assert.deepEqual(heavy, []);
    // The engine's barrel names the client-code modules, so the metafile lists them as read: none of their code may be
    // in the output (an explain command importing the code model once brought 74 of them back, 431 -> 549 KB).
    const output = Object.values(server.metafile.outputs).find((o) => o.entryPoint)!;
    const codeKept = Object.entries(output.inputs)
      .filter(([input, used]) => /^server\/src\/engine\/code\/(code-model|explain-code|read-modify-write)\.ts$/.test(input) && used.bytesInOutput > 0)
      .map(([input]) => input);
    assert.deepEqual(codeKept, []);
    assert.ok(server.outputFiles[0].text.includes('require("./server-code.js")'), 'client code is required from the bundle beside it');
  });

  it('start without the YAML parser, which the bundle loaded on the first OpenAPI document carries', () => {
    assert.deepEqual(Object.keys(server.metafile.inputs).filter((i) => i.startsWith('node_modules/yaml/')), []);
    assert.ok(server.outputFiles[0].text.includes('require("./server-yaml.js")'), 'the parser is required from the bundle beside it');
    assert.ok(Object.keys(serverYaml.metafile.inputs).some((i) => i.startsWith('node_modules/yaml/')));
  });

  it('give client code its engine and tree-sitter in the bundle loaded on the first code document', () => {
    const inputs = Object.keys(serverCode.metafile.inputs);
    for (const wanted of ['server/src/engine/code/incremental-code.ts', 'server/src/host/code-parsers.ts']) assert.ok(inputs.includes(wanted), wanted);
    assert.ok(inputs.some((i) => i.startsWith('node_modules/web-tree-sitter/')));
  });

  it('are one byte per character to V8 (nothing above U+00FF)', () => {
    for (const built of [server, serverCode, serverYaml]) {
      const text = built.outputFiles[0].text;
      const wide = [...text.matchAll(/[^\u0000-\u00ff]+/g)].map((m) => text.slice(Math.max(0, m.index! - 30), m.index! + 10));
      assert.deepEqual(wide, []);
    }
  });
});

describe('the CLI bundles', () => {
  let cli: Built;
  let cliRun: Built;
  before(async () => {
    cli = await production('cli');
    cliRun = await production('cli-run');
  });

  it('start without the runner, its HTTP client and cookie jar, or the YAML parser', () => {
    const inputs = Object.keys(cli.metafile.inputs);
    assert.ok(inputs.some((i) => i.startsWith('server/src/engine/http/')), 'the metafile lists the bundle\'s inputs');
    const heavy = inputs.filter((i) => /^node_modules\/(undici|tough-cookie|tldts|yaml)\//.test(i) ||
      /^server\/src\/(runner\/executor\/(session|run|dispatcher)|cli\/(run|probe)-command)\.ts$/.test(i));
    assert.deepEqual(heavy, []);
    assert.ok(cli.outputFiles[0].text.includes('require("./cli-run.js")'), '`run` and `probe` are required from the bundle beside it');
    assert.ok(cli.outputFiles[0].text.includes('require("./server-yaml.js")'), 'the YAML parser is the language server\'s bundle beside it');
  });

  it('give `run` and `probe` the runner and its HTTP client in the bundle they load', () => {
    const inputs = Object.keys(cliRun.metafile.inputs);
    for (const wanted of ['server/src/cli/run-command.ts', 'server/src/cli/probe-command.ts']) assert.ok(inputs.includes(wanted), wanted);
    assert.ok(inputs.some((i) => i.startsWith('node_modules/undici/')));
  });
});
