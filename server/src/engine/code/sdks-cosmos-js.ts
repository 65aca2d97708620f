/**
 * Azure Cosmos DB for JavaScript (`@azure/cosmos`, https://learn.microsoft.com/javascript/api/@azure/cosmos) read as
 * the requests it sends (the rows; sdks.ts registers them and says what each field means): client → database →
 * container → item. Every item carries an `_etag`; `item.replace`, `item.delete` and `items.upsert` honour it through
 * their options' `accessCondition: { type: 'IfMatch', condition }`, and overwrite without one.
 * - `item(id, partitionKey).read()` reads one item; `items.query(spec)` and `items.readAll()` read the container,
 *   and their QueryIterator's `fetchAll()` hands on `{ resources }`, the items read (read-values.ts).
 * - `items.upsert(body, options)` replaces the item whose `id` the body carries: it is judged where its body is an
 *   item a read returned (`resources[0]`), or spells the `id` of an item its function read first (a counter read with
 *   `item(id).read()` and upserted as `{ id, count: n + 1 }`); `items.create` only creates and is not listed.
 * - A container made in another module (`import { getContainer } from '@/lib/cosmos'`) is told by `items.query` /
 *   `items.upsert`, the dotted names the SDK gives these calls.
 */
import type { ArgRef, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

export const COSMOS_JS_SERVICES: Readonly<Record<string, SdkService>> = {
  'Azure Cosmos DB (JavaScript)': {
    base: 'https://{{account}}.documents.azure.com/dbs',
    advice: "Pass { accessCondition: { type: 'IfMatch', condition: resource._etag } } with the _etag of the item you read.",
  },
};

const MODULES = ['@azure/cosmos'];
const SDK = 'Azure Cosmos DB (JavaScript)';
const accessCondition = (at: number): SdkGuards => ({
  values: [{ ref: { arg: at, path: ['accessCondition', 'condition'] }, header: 'If-Match' }],
});
const body: ArgRef = { arg: 0 };

const CLIENTS: SdkRows = {
  modules: MODULES,
  factories: {
    CosmosClient: { makes: 'CosmosClient' },
    'CosmosClient.database': { makes: 'CosmosDatabase', names: [{ arg: 0 }] },
    'CosmosDatabase.container': { makes: 'CosmosContainer', names: [{ arg: 0 }] },
    'CosmosContainer.item': { makes: 'CosmosItem', names: [{ arg: 0 }] },
  },
  prefix: 'CosmosItem',
  calls: {
    read: { method: 'GET', names: [] },
    replace: { method: 'PUT', names: [], body, guards: accessCondition(1) },
    delete: { method: 'DELETE', names: [], guards: accessCondition(0) },
  },
  sdk: SDK,
};

const ITEMS: SdkRows = {
  modules: MODULES,
  prefix: 'CosmosContainer',
  calls: {
    'items.query': { method: 'GET', names: [], collection: true, shape: [] },
    'items.readAll': { method: 'GET', names: [], collection: true },
    'items.upsert': { method: 'PUT', names: [], namedByRead: { ref: body, required: true, idKey: 'id' }, body, guards: accessCondition(1), shape: [] },
  },
  sdk: SDK,
};

export const COSMOS_JS_ROWS: readonly SdkRows[] = [CLIENTS, ITEMS];
