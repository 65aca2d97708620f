import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import type { RequestEvidence } from '../model/http-evidence';
import { buildHttpModel } from '../model/http-model';
import type { DocumentModel } from '../model/types';
import { SameFileEvidence } from './same-file';
import { targetOf } from './targets';

/** Three writes to one route, each sending If-Match: `first` is the first one's tag. */
function writes(first: string): string {
  return [1, 2, 3].map((n) => `###\nPUT https://api.test/items/${n}\nIf-Match: "${n === 1 ? first : `t${n}`}"\n`).join('\n');
}

function lowered(text: string): { model: DocumentModel; evidence: RequestEvidence[] } {
  const model = buildHttpModel(parseHttp(text));
  return { model, evidence: model.requests.map((r) => (model.byRequest?.[r.index] ?? { uses: [], evidence: [] }) as RequestEvidence) };
}

describe('same-file evidence kept up to date by an editor', () => {
  it('puts a re-contributed request\'s pieces back in file order, before the pieces of the requests below it', () => {
    const before = lowered(writes('a1'));
    const index = new SameFileEvidence();
    index.update(before.model.requests, [], before.model.requests, before.evidence);
    // The first write is edited: its pieces are withdrawn and appended again, after those of the other two.
    const after = lowered(writes('a2'));
    const edited = after.model.requests[0];
    index.update([edited, ...before.model.requests.slice(1)], [before.model.requests[0]], [edited], [after.evidence[0]]);
    const target = targetOf(edited)!;
    const fresh = SameFileEvidence.of(after.model).lookup(target);
    assert.ok(fresh.length > 0);
    assert.deepStrictEqual(index.lookup(target).map((e) => [e.sentence, e.line]), fresh.map((e) => [e.sentence, e.line]));
  });
});
