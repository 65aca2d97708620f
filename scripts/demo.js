#!/usr/bin/env node
// `npm run demo` (after the build): starts the bundled demo API on 127.0.0.1, lints the examples, runs a
// session against the API, then shows a lost update stopped by a 412 and fixed by refresh-and-retry on a
// scratch copy of examples/lost-update.http. Exits non-zero if the story does not happen as told.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (color ? `\u001b[1m${s}\u001b[0m` : s);
const dim = (s) => (color ? `\u001b[2m${s}\u001b[0m` : s);

function heading(n, text) {
  console.log(`\n${bold(`${n}. ${text}`)}\n`);
}

function etagGuard(args, options = {}) {
  console.log(dim(`$ etag-guard ${args.join(' ')}`));
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', ...options });
}

/** Starts dist/demo-server.js on a free port and resolves with its URL once it says it is listening. */
function startDemoApi() {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'demo-server.js'), '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => child.kill());
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`the demo API exited (${code}) before listening`)));
  });
}

function fail(message) {
  console.error(`\ndemo: ${message}`);
  process.exit(1);
}

async function main() {
  heading(1, 'Start the bundled demo API (examples/server): strong ETags, RFC 9110 preconditions, 412 and 428');
  const api = await startDemoApi();
  console.log(`demo API listening on ${api.url}`);

  heading(2, 'Lint the example request files');
  const lint = etagGuard(['lint', 'examples/items.http', 'examples/lost-update.http']);
  process.stdout.write(lint.stdout);
  if (!/stale-etag/.test(lint.stdout)) fail('expected the linter to flag the stale ETag in the examples');

  // The runs below work on scratch copies: a run remembers what the API answered in its workspace's
  // `.etag-guard/observations.json`, and the demo (also run by the tests) must leave the checkout as it found it.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'etag-guard-demo-'));
  for (const f of ['items.http', 'http-client.env.json']) fs.copyFileSync(path.join(root, 'examples', f), path.join(scratch, f));

  heading(3, 'Run examples/items.http (a scratch copy) against the API (the 412s and the 428 in it are deliberate)');
  const run = etagGuard(['run', path.join(scratch, 'items.http'), '--var', `base=${api.url}`, '--var', 'itemId=1', '--format', 'json']);
  const { results } = JSON.parse(run.stdout);
  for (const r of results) console.log(`  ${String(r.status).padEnd(4)} ${r.method.padEnd(6)} ${new URL(r.url).pathname.padEnd(22)} ${r.name ?? ''}`);

  heading(4, 'A lost update stopped by a 412, explained, and fixed with one refresh-and-retry');
  const story = path.join(scratch, 'lost-update.http');
  fs.copyFileSync(path.join(root, 'examples', 'lost-update.http'), story);
  const before = fs.readFileSync(story, 'utf8');
  const retry = etagGuard(['run', story, '--var', `base=${api.url}`, '--refresh-and-retry', '--write', '--format', 'json']);
  const last = JSON.parse(retry.stdout).results.at(-1);
  const d = last.diagnosis;
  console.log(`  Alice's PATCH got ${last.attempts[0].status}: ${d.failed} failed (cause: ${d.cause})`);
  console.log(`    sent    ${d.sent}\n    current ${d.current}`);
  for (const step of d.steps) console.log(`    ${step}`);
  console.log(`  advice: ${d.advice}`);
  console.log(`  what Alice's write changes on the server now (Bob's price stays): ${d.changes.join('; ')}`);
  console.log(`  refresh-and-retry: attempts ${last.attempts.map((a) => a.status).join(' → ')}`);
  if (last.attempts.map((a) => a.status).join() !== '412,200') fail(`expected 412 → 200, got ${last.attempts.map((a) => a.status).join(' → ')}`);
  console.log('\n  The request file now re-reads before the write, so the next run is correct too:');
  const after = fs.readFileSync(story, 'utf8');
  const diff = spawnSync('diff', ['-u', '--label', 'before', '--label', 'after', '-', story], { input: before, encoding: 'utf8' });
  process.stdout.write((diff.stdout || after).replace(/^/gm, '    '));
  const relint = etagGuard(['lint', story]);
  console.log(relint.status === 0 ? '  …and it lints clean now.' : relint.stdout);
  fs.rmSync(scratch, { recursive: true, force: true });

  api.stop();
  console.log(`\n${bold('Next:')} open this folder in VS Code with the extension (npm run package → install the .vsix),`);
  console.log('open examples/items.http, and use the "Send request" lenses and the quick fixes.');
}

main().catch((err) => fail(err.message));
