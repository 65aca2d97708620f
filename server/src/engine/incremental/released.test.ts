import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DEFAULT_CONFIG } from '../config/config';
import { IncrementalHttpAnalysis } from './http-analysis';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const TEXT = ['### Update the item', 'GET https://x.test/items/1', '', '###', 'PUT https://x.test/items/1', 'If-Match: "a1"', '', '{"a": 1}', ''].join('\n');

/** Analyses two versions (the second through the rule cache) and drops the analysis: weak references to what it made. */
function analyseAndDrop(): Array<WeakRef<object>> {
  const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
  analysis.analyze(TEXT);
  analysis.prime();
  const { file, model } = analysis.analyze(TEXT.replace('"a1"', '"a2"'));
  return [new WeakRef(file), ...model.requests.map((r) => new WeakRef(r))];
}

/** True when the syntax tree or a request model of a dropped analysis is still reachable. */
async function versionOutlivesItsAnalysis(): Promise<boolean> {
  const kept = analyseAndDrop();
  // A WeakRef keeps its target until the job that made it ends.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return kept.some((ref) => ref.deref() !== undefined);
}

describe('an editor analysis let go', () => {
  it('keeps no syntax tree or request model alive once the editor drops it (the rules\' per-request facts slot is emptied)', async () => {
    assert.equal(await versionOutlivesItsAnalysis(), false);
  });
});
