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

describe('same-file evidence of a whole file', () => {
  it('finds routes by route key as an editor\'s index finds them by place (sent preconditions and validators read)', () => {
    // Validators read and sent back to the same item, to another item of the route, to a sub-resource, from a POST,
    // from a collection, with ids that are not digits; preconditions sent to routes told apart only by their ids' form.
    const text = [
      '# @name c', 'POST https://api.test/items', '', '###', '# @name a7', 'GET https://api.test/items/7', '',
      '###', 'PUT https://api.test/items/7', 'If-Match: {{a7.response.headers.ETag}}', '',
      '###', 'PATCH https://api.test/items/8/notes', 'If-Match: {{a7.response.headers.etag}}', '',
      '###', 'DELETE https://api.test/items/9', 'If-Match: {{c.response.headers.ETag}}', '',
      '###', '# @name list', 'GET https://API.test/items', '',
      '###', 'PUT https://api.test/items/10', 'If-Unmodified-Since: {{list.response.headers.Last-Modified}}', '',
      '###', '# @name u', 'GET https://api.test/items/3f2b1c9e-1111-4222-8333-944445555666', '',
      '###', 'PUT https://api.test/items/3f2b1c9e-1111-4222-8333-944445555666', 'If-Match: {{u.response.headers.ETag}}', '',
      '###', 'PUT https://other.test/v1/7?x=1', 'If-Match: "t"', '',
      '###', 'PUT https://other.test/v2/8#top', 'If-Match: "t"', '',
      '###', '# @name p5', 'POST https://api.test/boxes/5', '', '###', 'PUT https://api.test/boxes/6', 'If-Match: {{p5.response.headers.ETag}}', '',
    ].join('\n');
    const { model, evidence } = lowered(text);
    const editor = new SameFileEvidence();
    editor.update(model.requests, [], model.requests, evidence);
    const whole = SameFileEvidence.of(model);
    const probes = ['PUT https://api.test/items/1', 'PUT https://api.test/items/1/notes', 'PUT https://api.test/items',
      'PUT https://api.test/items/x-y', 'PUT https://other.test/v1/2', 'PUT https://other.test/v2/2', 'PUT https://other.test/v3/2',
      'PUT https://api.test/boxes/1', 'PUT https://api.test/boxes/1/2'];
    let found = 0;
    for (const probe of probes) {
      const target = targetOf(lowered(probe).model.requests[0])!;
      const want = editor.lookup(target).map((e) => [e.sentence, e.line]);
      assert.deepStrictEqual(whole.lookup(target).map((e) => [e.sentence, e.line]), want, probe);
      found += want.length;
    }
    assert.ok(found >= 6, `${found} pieces of evidence found`);
  });
});
