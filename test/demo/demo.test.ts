// The README's first command must work: `npm run demo` tells the whole story and exits 0.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

it('npm run demo lints, runs, and shows a 412 explained and fixed', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  // What the runner remembers goes to its workspace's `.etag-guard/`: the demo must not leave it in the checkout.
  const store = path.join(root, '.etag-guard', 'observations.json');
  const storeBefore = fs.existsSync(store) ? fs.readFileSync(store, 'utf8') : undefined;
  const demo = spawnSync(process.execPath, [path.join(root, 'scripts', 'demo.js')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(demo.status, 0, demo.stderr + demo.stdout);
  assert.match(demo.stdout, /stale-etag/);
  assert.match(demo.stdout, /412 {2}PUT {4}\/items\/1 +stale/);
  assert.match(demo.stdout, /Alice's PATCH got 412: If-Match failed \(cause: changed\)/);
  assert.match(demo.stdout, /~ \/name: "Widget" → "Widget Pro"/);
  assert.match(demo.stdout, /attempts 412 → 200/);
  assert.match(demo.stdout, /\+If-Match: \{\{resourceBefore5\.response\.headers\.ETag\}\}/);
  assert.match(demo.stdout, /lints clean now/);
  assert.equal(fs.existsSync(store) ? fs.readFileSync(store, 'utf8') : undefined, storeBefore, 'the demo wrote into the checkout');
});
