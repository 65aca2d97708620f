/**
 * The JavaScript clients of Elasticsearch and OpenSearch read as the requests they send (the rows; sdks.ts registers
 * them and says what each field means): `@elastic/elasticsearch`, `@opensearch-project/opensearch` and the legacy
 * `elasticsearch` package, all `new Client({ node })` with one options object per call
 * (https://www.elastic.co/guide/en/elasticsearch/client/javascript-api/current/api-reference.html).
 *
 * A document is named by its index and id: `get({ index, id })` reads it, `update({ index, id, doc })` merges a partial
 * document into it (a PATCH; `body: { doc }` before version 8, or a `script` the server runs on what is stored),
 * `index({ index, id, document })` replaces it (without an id it creates a new one: no object named). The guard is the
 * pair `if_seq_no` + `if_primary_term` from the document read (or an external `version`); `op_type: 'create'` creates
 * only. Elasticsearch answers 409 when the document changed since.
 */
import type { ArgRef, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

export const ES_JS_SERVICES: Readonly<Record<string, SdkService>> = {
  'Elasticsearch (JavaScript client)': {
    base: 'http://localhost:9200',
    advice: "Pass if_seq_no and if_primary_term from the document you read (its _seq_no and _primary_term), or op_type: 'create' to create only: Elasticsearch answers 409 once it changed.",
  },
};

const document: readonly ArgRef[] = [{ key: 'index' }, { literal: '_doc' }, { key: 'id' }];
// Before version 8 the client also took camelCase names (`ifSeqNo`).
const seqNo: SdkGuards = {
  values: [
    { ref: { key: 'if_seq_no' }, header: 'If-Match' },
    { ref: { key: 'ifSeqNo' }, header: 'If-Match' },
    { ref: { key: 'version' }, header: 'If-Match' },
  ],
  createWhen: { ref: { key: 'op_type' }, equals: 'create' },
};
// A client made in another module (`const es = require('../elasticsearch')`) is told by the options that name a
// document: `index` and `id` together, which no other client's `get` / `update` takes.
const byDocument = ['index', 'id'];

const ES_JS: SdkRows = {
  modules: ['@elastic/elasticsearch', '@opensearch-project/opensearch', 'elasticsearch'],
  factories: { Client: { makes: 'EsJs' } },
  prefix: 'EsJs',
  calls: {
    get: { method: 'GET', names: document, optionsObject: true, shape: byDocument },
    update: {
      method: 'PATCH', names: document, partial: true, body: { key: 'doc', or: { key: 'body', or: { key: 'script' } } },
      guards: seqNo, optionsObject: true, shape: byDocument,
    },
    index: { method: 'PUT', names: document, needs: ['id'], body: { key: 'document', or: { key: 'body' } }, guards: seqNo, optionsObject: true, shape: byDocument },
    delete: { method: 'DELETE', names: document, guards: seqNo, optionsObject: true, shape: byDocument },
  },
  sdk: 'Elasticsearch (JavaScript client)',
};

export const ES_JS_ROWS: readonly SdkRows[] = [ES_JS];
