/**
 * Python SDKs of document and app services read as the requests they send (the rows; sdks.ts registers them and says
 * what each field means): azure-cosmos (and its `aio` client), elasticsearch-py / opensearch-py, Google's generated
 * clients (`googleapiclient`: Drive files, Calendar events) and boto3's S3 resource API. Each SDK's own guard counts
 * as the precondition it sends, and the advice names it:
 * - Cosmos: `etag=` with `match_condition=MatchConditions.IfNotModified` on `replace_item` / `upsert_item`;
 * - Elasticsearch: `if_seq_no=` (with `if_primary_term=`) or an external `version=`; `op_type='create'` only creates;
 * - googleapiclient: the request object's headers (`request.headers['If-Match'] = etag` before `execute()`);
 * - S3 resource: `IfMatch=` / `IfNoneMatch='*'` on `Object.put`, as on the client's `put_object`.
 * googleapiclient services are built from a discovery document (`build('drive', 'v3')`), so their calls are named by
 * their dotted name and the API's own option names (`shape`): `….files().update(fileId=…, media_body=…)`.
 */
import type { ArgRef, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';
import { TABLES_ROWS, TABLES_SERVICES } from './sdks-azure-tables';
import { VAULT_ROWS, VAULT_SERVICES } from './sdks-vault';

export const PYTHON_SERVICES: Readonly<Record<string, SdkService>> = {
  ...TABLES_SERVICES,
  ...VAULT_SERVICES,
  'Azure Cosmos DB (Python)': {
    base: 'https://{{account}}.documents.azure.com/dbs',
    advice: "Pass etag=item['_etag'] and match_condition=MatchConditions.IfNotModified (azure.core) with the item you read: Cosmos DB then refuses the write once the item changed.",
  },
  'Elasticsearch (Python client)': {
    base: 'http://localhost:9200',
    advice: "Pass if_seq_no=doc['_seq_no'] and if_primary_term=doc['_primary_term'] from the document you read (or op_type='create' to create only): Elasticsearch answers 409 once it changed.",
  },
  'Google Drive API (googleapiclient)': {
    base: 'https://www.googleapis.com/drive/v3/files',
    advice: "Keep the request and set request.headers['If-Match'] to the ETag of the file you downloaded before request.execute(), or compare the file's version right before the update.",
  },
  'Google Calendar API (googleapiclient)': {
    base: 'https://www.googleapis.com/calendar/v3/calendars',
    advice: "Keep the request and set request.headers['If-Match'] = event['etag'] (the event you read) before request.execute(): Calendar answers 412 when the event changed.",
  },
  'PyGithub (GitHub contents)': {
    base: 'https://api.github.com/repos',
    advice: 'Pass update_file the sha of the ContentFile your data came from (the get_contents that read it): a sha fetched right before the write protects nothing, while the one read with the data makes GitHub answer 409 once the file changed.',
  },
  'boto3 S3 (resource)': {
    base: 'https://s3.amazonaws.com',
    advice: "Pass IfMatch= with the ETag Object.get() returned (obj.e_tag), or IfNoneMatch='*' to create only.",
  },
};

// azure-cosmos: client → database → container; items by id. `create_item` makes a new item (not listed: no write of
// one read object). An upsert names no id: it writes the item it was given, which names its object only when it is
// what a read returned (`user = container.read_item(…)` … `container.upsert_item(user)`), or when the `id` its dict
// spells is of an item its function read first (`read_item(item='visits', …)`, then `upsert_item({'id': 'visits', …})`);
// an upsert of fresh data is left alone. A container the analysis cannot follow (returned by a function of another module) is told by the
// method and the option names (`read_item(item=…, partition_key=…)`, `replace_item(item=…, body=…)`): those
// names are Cosmos's; an upsert is judged only where its item is what such a read returned.
const etag: SdkGuards = { values: [{ ref: { key: 'etag' }, header: 'If-Match' }] };
const itemId: ArgRef = { arg: 0, key: 'item' };
const COSMOS_PY: SdkRows = {
  modules: ['azure.cosmos', 'azure.cosmos.aio', 'azure.cosmos.cosmos_client'],
  factories: {
    CosmosClient: { makes: 'CosmosPyClient' },
    'CosmosClient.from_connection_string': { makes: 'CosmosPyClient' },
    'CosmosPyClient.get_database_client': { makes: 'CosmosPyDatabase', names: [{ arg: 0, key: 'database' }] },
    'CosmosPyClient.create_database_if_not_exists': { makes: 'CosmosPyDatabase', names: [{ arg: 0, key: 'id' }] },
    'CosmosPyDatabase.get_container_client': { makes: 'CosmosPyContainer', names: [{ arg: 0, key: 'container' }] },
    'CosmosPyDatabase.create_container_if_not_exists': { makes: 'CosmosPyContainer', names: [{ arg: 0, key: 'id' }] },
  },
  prefix: 'CosmosPyContainer',
  calls: {
    read_item: { method: 'GET', names: [itemId], shape: ['item', 'partition_key'] },
    // A query reads the container: its results (`for item in …`, `list(…)[0]`) are items read (read-values.ts).
    query_items: { method: 'GET', names: [], collection: true, shape: [] },
    read_all_items: { method: 'GET', names: [], collection: true, shape: [] },
    replace_item: { method: 'PUT', names: [itemId], namedByRead: { ref: itemId }, body: { arg: 1, key: 'body' }, guards: etag, shape: ['item', 'body'] },
    upsert_item: { method: 'PUT', names: [], namedByRead: { ref: { arg: 0, key: 'body' }, required: true, idKey: 'id' }, body: { arg: 0, key: 'body' }, guards: etag, shape: [] },
    delete_item: { method: 'DELETE', names: [itemId], guards: etag, shape: ['item', 'partition_key'] },
  },
  sdk: 'Azure Cosmos DB (Python)',
};

// elasticsearch-py / opensearch-py: documents by index and id. `update` merges a partial document (a PATCH of the
// document `get` reads); `index` with an id replaces it (without one it creates: no object named); `create` creates.
const index: ArgRef = { arg: 0, key: 'index' };
const doc: readonly ArgRef[] = [index, { literal: '_doc' }, { arg: 1, key: 'id' }];
const seqNo: SdkGuards = {
  values: [{ ref: { key: 'if_seq_no' }, header: 'If-Match' }, { ref: { key: 'version' }, header: 'If-Match' }],
  createWhen: { ref: { key: 'op_type' }, equals: 'create' },
};
const ES_PY: SdkRows = {
  modules: ['elasticsearch', 'elasticsearch7', 'elasticsearch8', 'opensearchpy'],
  factories: { Elasticsearch: { makes: 'EsPy' }, AsyncElasticsearch: { makes: 'EsPy' }, OpenSearch: { makes: 'EsPy' }, AsyncOpenSearch: { makes: 'EsPy' } },
  prefix: 'EsPy',
  calls: {
    get: { method: 'GET', names: doc },
    get_source: { method: 'GET', names: doc },
    update: { method: 'PATCH', names: doc, partial: true, body: { key: 'doc', or: { arg: 2, key: 'body' } }, guards: seqNo },
    index: { method: 'PUT', names: [index, { literal: '_doc' }, { key: 'id' }], needs: ['id'], body: { key: 'document', or: { arg: 1, key: 'body' } }, guards: seqNo },
    delete: { method: 'DELETE', names: doc, guards: seqNo },
  },
  sdk: 'Elasticsearch (Python client)',
};

// googleapiclient: `service.files().get_media(fileId=…)` downloads a file's content, `service.files().update(fileId=…,
// media_body=…)` replaces it (an update without media_body renames or moves the file: no content written back);
// `service.events().get/update/patch(calendarId=…, eventId=…)`. The request object carries the headers.
const headerGuard: SdkGuards = { requestHeaders: ['If-Match'] };
const fileId: readonly ArgRef[] = [{ key: 'fileId' }];
const DRIVE_PY: SdkRows = {
  modules: ['googleapiclient'],
  prefix: 'GApiPy',
  calls: {
    'files().get_media': { method: 'GET', names: fileId, shape: ['fileId'] },
    'files().update': { method: 'PATCH', names: fileId, body: { key: 'media_body' }, guards: headerGuard, needs: ['media_body'], shape: ['fileId', 'media_body'] },
  },
  sdk: 'Google Drive API (googleapiclient)',
};
const event: readonly ArgRef[] = [{ key: 'calendarId' }, { literal: 'events' }, { key: 'eventId' }];
const eventShape = ['calendarId', 'eventId'];
const CALENDAR_PY: SdkRows = {
  modules: ['googleapiclient'],
  prefix: 'GApiPy',
  calls: {
    'events().get': { method: 'GET', names: event, shape: eventShape },
    'events().update': { method: 'PUT', names: event, body: { key: 'body' }, guards: headerGuard, shape: eventShape },
    'events().patch': { method: 'PATCH', names: event, body: { key: 'body' }, guards: headerGuard, shape: eventShape },
    'events().delete': { method: 'DELETE', names: event, guards: headerGuard, shape: eventShape },
  },
  sdk: 'Google Calendar API (googleapiclient)',
};

// boto3's resource API: `s3.Object(bucket, key)` or `s3.Bucket(bucket).Object(key)`; `get()` reads, `put(Body=…)`
// writes, with the same IfMatch / IfNoneMatch as the client's put_object. The URL is the client's, so a client read
// and a resource write of one object compare equal.
const ifMatch: SdkGuards = { values: [{ ref: { key: 'IfMatch' }, header: 'If-Match' }, { ref: { key: 'IfNoneMatch' }, header: 'If-None-Match' }] };
const S3_RESOURCE: SdkRows = {
  modules: ['boto3'],
  factories: {
    resource: { makes: 'S3Resource' },
    'Boto3Session.resource': { makes: 'S3Resource' },
    'S3Resource.Object': { makes: 'S3ResObject', names: [{ arg: 0, key: 'bucket_name' }, { arg: 1, key: 'key' }] },
    'S3Resource.Bucket': { makes: 'S3ResBucket', names: [{ arg: 0, key: 'name' }] },
    'S3ResBucket.Object': { makes: 'S3ResObject', names: [{ arg: 0, key: 'key' }] },
  },
  prefix: 'S3ResObject',
  calls: {
    get: { method: 'GET', names: [] },
    put: { method: 'PUT', names: [], body: { key: 'Body' }, guards: ifMatch },
    delete: { method: 'DELETE', names: [], guards: { values: [{ ref: { key: 'IfMatch' }, header: 'If-Match' }] } },
  },
  sdk: 'boto3 S3 (resource)',
};
const S3_RESOURCE_BUCKET: SdkRows = {
  modules: ['boto3'],
  prefix: 'S3ResBucket',
  calls: { put_object: { method: 'PUT', names: [{ key: 'Key' }], body: { key: 'Body' }, guards: ifMatch } },
  sdk: 'boto3 S3 (resource)',
};

// PyGithub: `Github(auth=…).get_repo('owner/name')` (or an organization's `get_repo(name)`) → the contents API.
// `update_file(path, message, content, sha, branch=…)` requires the blob sha of the file it replaces, and GitHub
// refuses a stale one (409); `create_file(path, message, content, branch=…)` sends none and only creates
// (https://docs.github.com/rest/repos/contents#create-or-update-file-contents). The sha is only a guard when it comes
// with the data (code/fetched-guard.ts). A repository object the analysis cannot follow is told by the option names,
// given as keywords (`….update_file(path=…, message=…, content=…, sha=…)`): a method named `update_file` is common.
const ghPath: ArgRef = { arg: 0, key: 'path' };
const ghSha: SdkGuards = { values: [{ ref: { arg: 3, key: 'sha' }, header: 'If-Match' }], absentMeansCreate: true };
const PYGITHUB: SdkRows = {
  modules: ['github'],
  factories: {
    Github: { makes: 'Github' },
    'Github.get_repo': { makes: 'GhRepo', names: [{ arg: 0, key: 'full_name_or_id' }] },
    'Github.get_organization': { makes: 'GhOrg', names: [{ arg: 0, key: 'login' }] },
    'GhOrg.get_repo': { makes: 'GhRepo', names: [{ arg: 0, key: 'name' }] },
  },
  prefix: 'GhRepo',
  calls: {
    get_contents: { method: 'GET', names: [{ literal: 'contents' }, ghPath], shape: ['path', 'ref'] },
    update_file: { method: 'PUT', names: [{ literal: 'contents' }, ghPath], body: { arg: 2, key: 'content' }, guards: ghSha, shape: ['path', 'message', 'content', 'sha'] },
    create_file: { method: 'PUT', names: [{ literal: 'contents' }, ghPath], body: { arg: 2, key: 'content' }, guards: { absentMeansCreate: true }, shape: ['path', 'message', 'content'] },
    delete_file: { method: 'DELETE', names: [{ literal: 'contents' }, ghPath], guards: { values: ghSha.values }, shape: ['path', 'message', 'sha'] },
  },
  sdk: 'PyGithub (GitHub contents)',
};

export const PYTHON_ROWS: readonly SdkRows[] = [COSMOS_PY, ES_PY, DRIVE_PY, CALENDAR_PY, S3_RESOURCE, S3_RESOURCE_BUCKET, ...TABLES_ROWS, ...VAULT_ROWS, PYGITHUB];
