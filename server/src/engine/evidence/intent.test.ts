import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseHttp } from '../http/parser';
import { buildHttpModel } from '../model/http-model';
import { annotatedTest, CreatedEarlier, createdEarlier, declaresCreate, expectsFailure } from './intent';
import type { RequestModel } from '../model/types';
import { startLineOf } from '../text/span';

const withNotes = (notes: string) => ({ notes }) as RequestModel;

describe('what a file says about a write\'s purpose', () => {
  it('reads the author\'s notes: the ### title and the comments above the request line, not metadata', () => {
    const model = buildHttpModel(parseHttp('### Reset the stock\n# @name reset\n# back to zero, should succeed\n// twice\nPUT https://s.dev/stock/1\n# not a note\n'));
    assert.equal(model.requests[0].notes, 'Reset the stock\nback to zero, should succeed\ntwice');
  });

  it('knows a negative test by what its author expects', () => {
    for (const notes of ['Delete (Should Fail - 403)', 'This should result in an error.', 'Expect: 409 DUPLICATE', 'should be rejected', 'expected 428']) {
      assert.ok(expectsFailure(withNotes(notes)), notes);
    }
    for (const notes of ['Expected: 202, empty body', 'Should Succeed', 'Fails over to the replica']) assert.equal(expectsFailure(withNotes(notes)), undefined, notes);
  });

  it('takes a create word before any update word as a declared create', () => {
    for (const notes of ['Seed 1: create the sample patient', 'Create a patient that we will update.', 'Crie um índice', '创建索引', '新增用户', 'ユーザーを作成', '新規登録', 'สร้างผู้ใช้']) assert.ok(declaresCreate(withNotes(notes)), notes);
    for (const notes of ['Update the patient created above', 'Create or update the index', 'upsert the item', 'Rename it']) assert.ok(!declaresCreate(withNotes(notes)), notes);
  });

  it('reads "index a document" as Elasticsearch\'s word for storing a new one, not "index settings" or a reindex', () => {
    for (const notes of ['Index a document with Id', 'Indexing a new doc', 'index documents']) assert.ok(declaresCreate(withNotes(notes)), notes);
    for (const notes of ['Update the index settings', 'Reindex the documents', 'Replace the document in the index']) assert.ok(!declaresCreate(withNotes(notes)), notes);
  });

  it('knows a request annotated with its expected outcome', () => {
    assert.ok(annotatedTest(withNotes('Admin deletes (Should Succeed)')));
    assert.ok(annotatedTest(withNotes('Expected: 204')));
    assert.ok(!annotatedTest(withNotes('Delete the old plant')));
  });

  it('finds writes to what the file created: same path or below a PUT, below a setup request, named by a POST response', () => {
    const model = buildHttpModel(parseHttp([
      'PUT http://es:9200/plants', '###', 'PUT http://es:9200/plants/_doc/1', '###', 'PUT http://es:9200/plantsx/_doc/1',
      '### Setup test data', 'POST https://fhir.dev', '', '{}', '###', 'DELETE fhir.dev/Organization/o', '###', 'DELETE https://other.dev/Organization/o',
      '###', '# @name p', 'POST https://shop.dev/items', '', '{}', '###', 'PATCH https://shop.dev/items/{{p.response.body.id}}',
    ].join('\n')));
    const made = createdEarlier(model.requests);
    const at = (line: number) => made.get(model.requests.find((r) => startLineOf(r.anchor) === line)!);
    assert.equal(at(2), 'PUT http://es:9200/plants');
    assert.equal(at(4), undefined, 'plantsx is not below plants');
    assert.equal(at(10), 'the setup request https://fhir.dev');
    assert.equal(at(12), undefined, 'another origin');
    assert.equal(at(19), 'the POST https://shop.dev/items returned it');
  });

  it('works out an editor\'s answers at the first question, for the version it is at; from then on reports what an edit changed', () => {
    const requests = (text: string) => buildHttpModel(parseHttp(text)).requests;
    const books = requests('PUT http://es:9200/books\n###\nPUT http://es:9200/shelf/_doc/1\n');
    const shelf = requests('PUT http://es:9200/shelf\n')[0];
    const onShelf = [shelf, books[1]];
    const made = new CreatedEarlier();
    // Nobody asked yet: no judgement read an answer, so none is reported changed (and none is worked out).
    assert.deepStrictEqual(made.update(books, [], books), []);
    assert.deepStrictEqual(made.update(onShelf, [books[0]], [shelf]), []);
    assert.equal(made.get(books[1]), 'PUT http://es:9200/shelf', 'answered for the version it is at: the PUT above made the shelf');
    // Asked once: the PUT above now makes the books index, so the write's answer went, and the edit says so.
    assert.deepStrictEqual(made.update(books, [shelf], [books[0]]), [books[1]]);
    assert.equal(made.get(books[1]), undefined);
  });
});
