/**
 * Azure Table storage read as the requests it sends (the rows; sdks.ts registers them): from Python azure-data-tables
 * (`TableServiceClient` → `get_table_client(name)`, `TableClient.from_connection_string`, and their `aio` twins) and
 * the older azure-cosmosdb-table / azure-storage `TableService`, whose calls name the table themselves; from
 * JavaScript `@azure/data-tables` (`new TableClient(url, table, credential)`, `TableClient.fromConnectionString(conn,
 * table)`). An entity is named by its table, PartitionKey and RowKey; a write names it by the entity it sends, either
 * the one `get_entity` / `getEntity` returned or an object that spells both keys.
 *
 * The service keeps an ETag on every entity and honours If-Match on Update / Merge / Delete Entity; Insert Or Replace
 * and Insert Or Merge (`upsert_entity`, `insert_or_replace_entity`) take none, so an upsert after a read can only be
 * made safe by writing with `update_entity` and the ETag read
 * (https://learn.microsoft.com/rest/api/storageservices/update-entity2).
 */
import type { ArgRef, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

export const TABLES_SERVICES: Readonly<Record<string, SdkService>> = {
  'Azure Tables (Python)': {
    base: 'https://{{account}}.table.core.windows.net',
    advice: "Write the entity you read with update_entity(entity, mode=…, etag=entity.metadata['etag'], match_condition=MatchConditions.IfNotModified): Azure Tables answers 412 once it changed (upsert_entity takes no ETag; create_entity only creates).",
  },
  'Azure Tables (TableService)': {
    base: 'https://{{account}}.table.core.windows.net',
    advice: "Pass if_match= with the etag of the entity you read (entity.etag) to update_entity or merge_entity (insert_or_replace_entity takes none): TableService sends If-Match: * by default, which overwrites whatever changed.",
  },
  'Azure Tables (JavaScript)': {
    base: 'https://{{account}}.table.core.windows.net',
    advice: 'Pass the etag of the entity you read: updateEntity(entity, mode, { etag: entity.etag }). Without it the SDK sends If-Match: *, which overwrites whatever changed; Azure Tables answers 412 once the entity changed (upsertEntity takes no ETag; createEntity only creates).',
  },
};

/** The keys of the entity a write sends, when it is a dict that spells them (`{'PartitionKey': pk, 'RowKey': rk, …}`). */
const keysOf = (entity: ArgRef): readonly ArgRef[] => [{ ...entity, path: ['PartitionKey'] }, { ...entity, path: ['RowKey'] }];

// azure-data-tables: service → table client → entities. `update_entity` merges by default and replaces with
// mode=UpdateMode.REPLACE; either way it sends the whole entity it is given, and an entity that carries nothing the
// read before it returned (`{'PartitionKey': pk, 'RowKey': rk, 'status': 'done'}`) sets what it names whatever was
// there (`partial`: a hint, sdk-read-results.ts). A client handed in from elsewhere
// (`write_to_table(table_client, …)`) is told by the method and the SDK's own option names (`mode=` on a write).
const entity: ArgRef = { arg: 0, key: 'entity' };
const etag: SdkGuards = { values: [{ ref: { key: 'etag' }, header: 'If-Match' }] };
const keys: readonly ArgRef[] = [{ arg: 0, key: 'partition_key' }, { arg: 1, key: 'row_key' }];
const TABLES_PY: SdkRows = {
  modules: ['azure.data.tables', 'azure.data.tables.aio'],
  factories: {
    TableServiceClient: { makes: 'TablesPyService' },
    'TableServiceClient.from_connection_string': { makes: 'TablesPyService' },
    'TablesPyService.get_table_client': { makes: 'TablesPyTable', names: [{ arg: 0, key: 'table_name' }] },
    'TablesPyService.create_table_if_not_exists': { makes: 'TablesPyTable', names: [{ arg: 0, key: 'table_name' }] },
    'TablesPyService.create_table': { makes: 'TablesPyTable', names: [{ arg: 0, key: 'table_name' }] },
    TableClient: { makes: 'TablesPyTable', names: [{ arg: 1, key: 'table_name' }] },
    'TableClient.from_connection_string': { makes: 'TablesPyTable', names: [{ arg: 1, key: 'table_name' }] },
  },
  prefix: 'TablesPyTable',
  calls: {
    // A read alone warns of nothing: any `get_entity` of a client handed in is one, keys given by position or name.
    get_entity: { method: 'GET', names: keys, shape: [] },
    // Queries read the table: the entities they yield are entities read (`for e in table.query_entities(f)`).
    query_entities: { method: 'GET', names: [], collection: true, shape: [] },
    list_entities: { method: 'GET', names: [], collection: true, shape: [] },
    update_entity: { method: 'PUT', names: keysOf(entity), namedByRead: { ref: entity }, body: entity, guards: etag, shape: ['mode'], partial: true },
    upsert_entity: { method: 'PUT', names: keysOf(entity), namedByRead: { ref: entity }, body: entity, guards: {}, shape: ['mode'], partial: true },
    delete_entity: { method: 'DELETE', names: keys, guards: etag, shape: ['partition_key', 'row_key'] },
  },
  sdk: 'Azure Tables (Python)',
};

// azure-cosmosdb-table / azure-storage-table: one `TableService` whose calls take the table name first. Its
// update_entity and merge_entity send `if_match='*'` unless given the entity's etag: an unconditional overwrite.
const legacyEntity: ArgRef = { arg: 1, key: 'entity' };
const ifMatch: SdkGuards = { values: [{ ref: { key: 'if_match' }, header: 'If-Match' }] };
const table: ArgRef = { arg: 0, key: 'table_name' };
const legacyWrite = (method: 'PUT' | 'PATCH', guards: SdkGuards) =>
  ({ method, names: [table, ...keysOf(legacyEntity)], namedByRead: { ref: legacyEntity }, body: legacyEntity, guards, partial: true });
const TABLES_LEGACY: SdkRows = {
  modules: ['azure.cosmosdb.table', 'azure.cosmosdb.table.tableservice', 'azure.storage.table', 'azure.storage.table.tableservice'],
  factories: { TableService: { makes: 'TablesPyLegacy' } },
  prefix: 'TablesPyLegacy',
  calls: {
    get_entity: { method: 'GET', names: [table, { arg: 1, key: 'partition_key' }, { arg: 2, key: 'row_key' }] },
    update_entity: legacyWrite('PUT', ifMatch),
    merge_entity: legacyWrite('PATCH', ifMatch),
    insert_or_replace_entity: legacyWrite('PUT', {}),
    insert_or_merge_entity: legacyWrite('PATCH', {}),
    delete_entity: { method: 'DELETE', names: [table, { arg: 1, key: 'partition_key' }, { arg: 2, key: 'row_key' }], guards: ifMatch },
  },
  sdk: 'Azure Tables (TableService)',
};

// @azure/data-tables for JavaScript (https://learn.microsoft.com/javascript/api/@azure/data-tables/tableclient):
// getEntity(partitionKey, rowKey), updateEntity(entity, mode, { etag }) and deleteEntity(pk, rk, { etag }); the
// entity spells its keys `partitionKey` / `rowKey`. upsertEntity(entity, mode) takes no ETag.
const jsEntity: ArgRef = { arg: 0 };
const jsEtag = (at: number): SdkGuards => ({ values: [{ ref: { arg: at, path: ['etag'] }, header: 'If-Match' }] });
const jsKeys: readonly ArgRef[] = [{ arg: 0 }, { arg: 1 }];
const jsWrite = (guards: SdkGuards) => ({
  method: 'PUT' as const, names: [{ ...jsEntity, path: ['partitionKey'] }, { ...jsEntity, path: ['rowKey'] }],
  namedByRead: { ref: jsEntity }, body: jsEntity, guards, partial: true,
});
const TABLES_JS: SdkRows = {
  modules: ['@azure/data-tables'],
  factories: {
    TableClient: { makes: 'TablesJsTable', names: [{ arg: 1 }] },
    'TableClient.fromConnectionString': { makes: 'TablesJsTable', names: [{ arg: 1 }] },
  },
  prefix: 'TablesJsTable',
  calls: {
    getEntity: { method: 'GET', names: jsKeys },
    // `for await (const e of table.listEntities({ queryOptions: { filter } }))`: each entity is one read.
    listEntities: { method: 'GET', names: [], collection: true },
    updateEntity: jsWrite(jsEtag(2)),
    upsertEntity: jsWrite({}),
    deleteEntity: { method: 'DELETE', names: jsKeys, guards: jsEtag(2) },
  },
  sdk: 'Azure Tables (JavaScript)',
};

export const TABLES_ROWS: readonly SdkRows[] = [TABLES_PY, TABLES_LEGACY, TABLES_JS];
