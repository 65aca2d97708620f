import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DEFAULT_CONFIG } from '../config/config';
import type { RequestModel } from '../model/types';
import { hasWritePrecondition } from '../rules/vocabulary';
import { IncrementalHttpAnalysis } from './http-analysis';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const TEXT = ['### Update the item', 'GET https://x.test/items/1', '', '###', 'PUT https://x.test/items/1', 'If-Match: "a1"', '', '{"a": 1}', ''].join('\n');

/**
 * Analyses two versions (the second through the rule cache), then lets `after` read the last version's requests as
 * the editor's features do after a lint (a lens, a fix, Show Remembered Evidence), and drops the analysis: weak
 * references to what it made.
 */
function analyseAndDrop(after: (requests: readonly RequestModel[]) => void): Array<WeakRef<object>> {
  const analysis = new IncrementalHttpAnalysis(DEFAULT_CONFIG);
  analysis.analyze(TEXT);
  analysis.prime();
  const { file, model } = analysis.analyze(TEXT.replace('"a1"', '"a2"'));
  after(model.requests);
  return [new WeakRef(file), ...model.requests.map((r) => new WeakRef(r))];
}

/** True when the syntax tree or a request model of a dropped analysis is still reachable. */
async function versionOutlivesItsAnalysis(after: (requests: readonly RequestModel[]) => void = () => {}): Promise<boolean> {
  const kept = analyseAndDrop(after);
  // A WeakRef keeps its target until the job that made it ends.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return kept.some((ref) => ref.deref() !== undefined);
}

describe('an editor analysis let go', () => {
  it('keeps no syntax tree or request model alive once the editor drops it (the rules\' per-request facts slot is emptied)', async () => {
    assert.equal(await versionOutlivesItsAnalysis(), false);
  });

  it('nor once a feature asked about a request after the lint (the slot lasts one synchronous job)', async () => {
    assert.equal(await versionOutlivesItsAnalysis((requests) => requests.forEach((r) => hasWritePrecondition(r, DEFAULT_CONFIG))), false);
  });
});
