/**
 * Amazon DynamoDB read as the requests its SDKs send (the rows; sdks.ts registers them and says what each field
 * means): boto3's resource (`boto3.resource('dynamodb').Table(name)`) and client (`boto3.client('dynamodb')`, table
 * named by `TableName=`), the AWS SDK for JavaScript v2 (`new AWS.DynamoDB.DocumentClient()`, `new AWS.DynamoDB()`)
 * and v3 (`@aws-sdk/client-dynamodb` commands, `@aws-sdk/lib-dynamodb`'s document client and commands).
 *
 * An item is named by its table and its primary key (`Key`: the key attributes and their values, written out in the
 * call). DynamoDB keeps no version of an item, but every write takes a condition the service checks against the
 * stored item before writing — `ConditionExpression` (the legacy `Expected`) — and refuses the write when it fails:
 * that is its precondition (optimistic locking compares a version attribute there), and `attribute_not_exists(pk)`
 * is its create-only form (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html).
 * So a value read with GetItem and written back with PutItem / UpdateItem without a condition loses what another
 * writer stored in between (a visitor counter read, incremented and put back). An update the service computes from
 * what is stored (`ADD visits :one`, `SET v = v + :one`) sends nothing read: after a read it is a partial update that
 * writes back nothing of it (sdk-read-results.ts). A PutItem sends a whole item and names no key of its own: it names
 * the object of a read whose key it carries (`namedByKey`), or is the item that read returned (`namedByRead`); an item
 * made fresh names nothing the file reads and is left alone. Transactions (`TransactWriteItems`) are not read as
 * writes of one object. There is no HTTP base a catalogue service claims: only the file's own read of the item is
 * evidence, as for Firebase's databases.
 */
import type { ArgRef, SdkCall, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

/**
 * The stand-in header for a condition on the write: a service-specific precondition (rules/request-facts.ts
 * SERVICE_HEADERS), so the write counts as guarded and no ETag rule reads the expression as an entity-tag.
 */
export const CONDITION_HEADER = 'x-amz-condition-expression';

export const DYNAMODB_SERVICES: Readonly<Record<string, SdkService>> = {
  'DynamoDB (boto3)': {
    base: 'dynamodb://tables',
    ownReadOnly: true,
    advice: "Let DynamoDB compute the new value (update_item with UpdateExpression='ADD visits :one' or 'SET v = v + :one'), or write with a ConditionExpression on what you read (a version attribute: 'version = :read'); ConditionExpression='attribute_not_exists(pk)' only creates.",
  },
  'DynamoDB (AWS SDK for JavaScript)': {
    base: 'dynamodb://tables',
    ownReadOnly: true,
    advice: "Let DynamoDB compute the new value (an update with UpdateExpression: 'ADD visits :one' or 'SET v = v + :one'), or write with a ConditionExpression on what you read (a version attribute: 'version = :read'); ConditionExpression: 'attribute_not_exists(pk)' only creates.",
  },
};

/** `ConditionExpression` (and the legacy `Expected`): any condition guards the write, `attribute_not_exists` only creates. */
const condition: SdkGuards = { conditions: [{ key: 'ConditionExpression' }, { key: 'Expected' }] };
const key: ArgRef = { key: 'Key', entries: true };
const item: ArgRef = { key: 'Item' };
const table: ArgRef = { key: 'TableName' };
/** What an update sends: the values its expression sets (or the legacy `AttributeUpdates`). */
const updateValues: ArgRef = { key: 'ExpressionAttributeValues', or: { key: 'AttributeUpdates' } };

/** The four item calls, the table named by the client (`names` empty) or by `TableName` (`[table]`). */
function itemCalls(names: readonly ArgRef[], optionsObject: boolean): Readonly<Record<'get' | 'put' | 'update' | 'delete', Omit<SdkCall, 'sdk'>>> {
  const o = optionsObject ? { optionsObject: true } : {};
  return {
    get: { method: 'GET', names: [...names, key], ...o },
    put: { method: 'PUT', names, namedByRead: { ref: item }, namedByKey: item, body: item, guards: condition, ...o },
    update: { method: 'PATCH', names: [...names, key], partial: true, placeholders: true, body: updateValues, guards: condition, ...o },
    delete: { method: 'DELETE', names: [...names, key], guards: condition, ...o },
  };
}

/** Python names (`get_item`), JavaScript low-level names (`getItem`), document-client names (`get`). */
const snake = (c: ReturnType<typeof itemCalls>) => ({ get_item: c.get, put_item: c.put, update_item: c.update, delete_item: c.delete });
const camel = (c: ReturnType<typeof itemCalls>) => ({ getItem: c.get, putItem: c.put, updateItem: c.update, deleteItem: c.delete });
const plain = (c: ReturnType<typeof itemCalls>) => ({ get: c.get, put: c.put, update: c.update, delete: c.delete });
/** v3 commands: `GetItemCommand` (client-dynamodb), `GetCommand` (lib-dynamodb). */
const commands = (c: ReturnType<typeof itemCalls>, item: string) =>
  ({ [`Get${item}Command`]: c.get, [`Put${item}Command`]: c.put, [`Update${item}Command`]: c.update, [`Delete${item}Command`]: c.delete });

// boto3: the factories make the client of the service their first argument names (sdks.ts `service`), so
// `boto3.resource('dynamodb')` is DynamoDB's and `boto3.resource('s3')` S3's. A table the analysis cannot follow
// (`self.table` set elsewhere, a table handed in) is told by DynamoDB's own option names (`shape`): `Key=` on a
// `get_item`, `Item=` on a `put_item`, `Key=` and `UpdateExpression=` on an `update_item`.
const tableCalls = snake(itemCalls([], false));
const BOTO3_TABLE: SdkRows = {
  modules: ['boto3'],
  factories: {
    'resource#dynamodb': { makes: 'DdbResource' },
    'Boto3Session.resource#dynamodb': { makes: 'DdbResource' },
    'DdbResource.Table': { makes: 'DdbTable', names: [{ arg: 0, key: 'name' }] },
  },
  prefix: 'DdbTable',
  calls: {
    get_item: { ...tableCalls.get_item, shape: ['Key'] },
    put_item: { ...tableCalls.put_item, shape: ['Item'] },
    update_item: { ...tableCalls.update_item, shape: ['Key', 'UpdateExpression'] },
    delete_item: tableCalls.delete_item,
  },
  sdk: 'DynamoDB (boto3)',
};
const BOTO3_CLIENT: SdkRows = {
  modules: ['boto3'],
  factories: { 'client#dynamodb': { makes: 'DdbClient' }, 'Boto3Session.client#dynamodb': { makes: 'DdbClient' } },
  prefix: 'DdbClient',
  calls: snake(itemCalls([table], false)),
  sdk: 'DynamoDB (boto3)',
};

// AWS SDK for JavaScript v2: `new AWS.DynamoDB.DocumentClient()` (plain values) and `new AWS.DynamoDB()` (typed
// attribute values), each call given one params object (`.promise()` or a callback after it). A document client
// made elsewhere is told by DynamoDB's option names (`….get({ TableName, Key })`).
const v2 = ['aws-sdk', 'aws-sdk/clients/dynamodb'];
const docCalls = plain(itemCalls([table], true));
const JS_V2_DOC: SdkRows = {
  modules: v2,
  factories: { 'DynamoDB.DocumentClient': { makes: 'DdbDocJs' }, DocumentClient: { makes: 'DdbDocJs' } },
  prefix: 'DdbDocJs',
  calls: {
    get: { ...docCalls.get, shape: ['TableName', 'Key'] },
    put: { ...docCalls.put, shape: ['TableName', 'Item'] },
    update: { ...docCalls.update, shape: ['TableName', 'Key', 'UpdateExpression'] },
    delete: docCalls.delete,
  },
  sdk: 'DynamoDB (AWS SDK for JavaScript)',
};
const JS_V2_LOW: SdkRows = {
  modules: v2,
  factories: { DynamoDB: { makes: 'DdbLowJs' } },
  prefix: 'DdbLowJs',
  calls: camel(itemCalls([table], true)),
  sdk: 'DynamoDB (AWS SDK for JavaScript)',
};
/** `const DynamoDB = require('aws-sdk/clients/dynamodb')`: the module is the low-level client's class. */
const JS_V2_CLASS: SdkRows = { modules: ['aws-sdk/clients/dynamodb'], factories: { '': { makes: 'DdbLowJs' } }, sdk: 'DynamoDB (AWS SDK for JavaScript)' };

// AWS SDK for JavaScript v3: `new DynamoDBClient()` sends `GetItemCommand` …; `DynamoDBDocumentClient.from(client)`
// sends lib-dynamodb's `GetCommand` …; the aggregated clients (`new DynamoDB()`, `DynamoDBDocument.from(client)`)
// have the calls as methods taking the same params.
const v3Calls = itemCalls([table], true);
const JS_V3: SdkRows = {
  modules: ['@aws-sdk/client-dynamodb'],
  factories: { DynamoDBClient: { makes: 'DdbJsV3' }, DynamoDB: { makes: 'DdbJsV3' } },
  prefix: 'DdbJsV3',
  calls: { ...camel(v3Calls), send: { method: 'GET', names: [], command: true } },
  commands: commands(v3Calls, 'Item'),
  sdk: 'DynamoDB (AWS SDK for JavaScript)',
};
const JS_V3_DOC: SdkRows = {
  modules: ['@aws-sdk/lib-dynamodb'],
  factories: { 'DynamoDBDocumentClient.from': { makes: 'DdbDocJsV3' }, 'DynamoDBDocument.from': { makes: 'DdbDocJsV3' } },
  prefix: 'DdbDocJsV3',
  calls: { ...plain(v3Calls), send: { method: 'GET', names: [], command: true } },
  commands: commands(v3Calls, ''),
  sdk: 'DynamoDB (AWS SDK for JavaScript)',
};

export const DYNAMODB_ROWS: readonly SdkRows[] = [BOTO3_TABLE, BOTO3_CLIENT, JS_V2_DOC, JS_V2_LOW, JS_V2_CLASS, JS_V3, JS_V3_DOC];
