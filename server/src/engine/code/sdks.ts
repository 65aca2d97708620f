/**
 * Storage SDKs read as the HTTP requests they send, as data: which client objects their factories make, which
 * methods read, write or delete ONE object, where the call names that object, and which of the SDK's own parameters
 * carry its precondition (sdk-calls.ts reads calls with it). An SDK call is judged like a `fetch` of the same object:
 * a download and an upload of one file are a read-modify-write, an upload that names the rev / ETag / generation it
 * read is guarded, and the advice is the SDK's own form. Adding a method means adding a row here and a fixture in
 * sdk-calls.test.ts; docs/client-code-sdks.md lists what is recognised.
 */
import { APP_ROWS, APP_SERVICES } from './sdks-apps';
import { COSMOS_JS_ROWS, COSMOS_JS_SERVICES } from './sdks-cosmos-js';
import { ES_JS_ROWS, ES_JS_SERVICES } from './sdks-elasticsearch-js';
import { GRAPH_ROWS, GRAPH_SERVICES } from './sdks-graph';
import { FIREBASE_ROWS, FIREBASE_SERVICES } from './sdks-firebase';
import { PYTHON_ROWS, PYTHON_SERVICES } from './sdks-python';
import { DYNAMODB_ROWS, DYNAMODB_SERVICES } from './sdks-dynamodb';
import { NETLIFY_BLOBS_ROWS, NETLIFY_BLOBS_SERVICES } from './sdks-netlify-blobs';

export type { ArgRef, SdkCall, SdkFactory, SdkGuards, SdkService } from './sdk-types';
import type { ArgRef, SdkCall, SdkFactory, SdkGuards, SdkService } from './sdk-types';

export const SDK_SERVICES: Readonly<Record<string, SdkService>> = {
  ...APP_SERVICES,
  ...PYTHON_SERVICES,
  ...FIREBASE_SERVICES,
  ...ES_JS_SERVICES,
  ...COSMOS_JS_SERVICES,
  ...GRAPH_SERVICES,
  ...DYNAMODB_SERVICES,
  ...NETLIFY_BLOBS_SERVICES,
  'Dropbox (Python)': {
    base: 'https://content.dropboxapi.com/2/files',
    advice: 'Pass mode=WriteMode.update(rev) with the rev of the file you downloaded (files_download returns it), or keep the default mode add to create only.',
  },
  'Dropbox (JavaScript)': {
    base: 'https://content.dropboxapi.com/2/files',
    advice: "Pass mode: { '.tag': 'update', update: rev } with the rev of the file you downloaded, or keep the default mode add to create only.",
  },
  'boto3 S3': {
    base: 'https://s3.amazonaws.com',
    advice: "Pass IfMatch= with the ETag get_object returned (or IfNoneMatch='*' to create only).",
  },
  'Azure Storage Blob (Python)': {
    base: 'https://{{account}}.blob.core.windows.net',
    advice: 'Pass etag= with the ETag of the blob you read and match_condition=MatchConditions.IfNotModified (or leave out overwrite=True to create only).',
  },
  'AWS SDK for JavaScript v3 (S3)': {
    base: 'https://s3.amazonaws.com',
    advice: "Pass IfMatch: with the ETag GetObjectCommand returned (or IfNoneMatch: '*' to create only).",
  },
  'AWS SDK for JavaScript v2 (S3)': {
    base: 'https://s3.amazonaws.com',
    advice: "Pass IfMatch: with the ETag getObject returned (or IfNoneMatch: '*' to create only).",
  },
  'Azure Storage Blob (JavaScript)': {
    base: 'https://{{account}}.blob.core.windows.net',
    advice: 'Pass conditions: { ifMatch: etag } with the etag of the blob you downloaded (or conditions: { ifNoneMatch: \'*\' } to create only).',
  },
  'google-cloud-storage': {
    base: 'https://storage.googleapis.com',
    advice: 'Pass if_generation_match= with the generation of the blob you read (or if_generation_match=0 to create only).',
  },
};

const FACTORIES = new Map<string, SdkFactory>();
const CALLS = new Map<string, SdkCall>();

function factories(modules: readonly string[], entries: Readonly<Record<string, SdkFactory>>): void {
  for (const m of modules) for (const [path, f] of Object.entries(entries)) FACTORIES.set(`${m}:${path}`, f);
}

/** Calls listed under `prefix` are methods of its instances; without one, functions the modules export. */
function calls(modules: readonly string[], prefix: string | undefined, entries: Readonly<Record<string, Omit<SdkCall, 'sdk'>>>, sdk: string): void {
  for (const m of modules) for (const [name, c] of Object.entries(entries)) CALLS.set(`${m}:${prefix ? `${prefix}.` : ''}${name}`, { ...c, sdk });
}

// Dropbox, Python (`dropbox.Dropbox(token)`): files by path; `mode` is the precondition, `add` by default.
factories(['dropbox'], { Dropbox: { makes: 'Dropbox' } });
const dropboxPath: ArgRef = { arg: 0, key: 'path' };
calls(['dropbox'], 'Dropbox', {
  files_download: { method: 'GET', names: [dropboxPath] },
  files_get_metadata: { method: 'HEAD', names: [dropboxPath] },
  files_upload: { method: 'PUT', names: [{ arg: 1, key: 'path' }], body: { arg: 0, key: 'f' }, guards: { writeMode: { arg: 2, key: 'mode' } } },
  files_delete: { method: 'DELETE', names: [dropboxPath] },
  files_delete_v2: { method: 'DELETE', names: [dropboxPath] },
}, 'Dropbox (Python)');

// Dropbox, JavaScript (`new Dropbox({ accessToken })`): one options object per call.
const jsPath: ArgRef = { key: 'path' };
calls(['dropbox'], 'Dropbox', {
  filesDownload: { method: 'GET', names: [jsPath], optionsObject: true },
  filesGetMetadata: { method: 'HEAD', names: [jsPath], optionsObject: true },
  filesUpload: { method: 'PUT', names: [jsPath], body: { key: 'contents' }, guards: { writeMode: { key: 'mode' } }, optionsObject: true },
  filesDelete: { method: 'DELETE', names: [jsPath], optionsObject: true },
  filesDeleteV2: { method: 'DELETE', names: [jsPath], optionsObject: true },
}, 'Dropbox (JavaScript)');

// boto3 S3 (`boto3.client('s3')`, a session's client): objects by Bucket and Key; S3 honours IfMatch / IfNoneMatch.
// A client the analysis cannot follow (a project's wrapper keeps it in `self.storage.s3`, aioboto3 / aiobotocore hand it
// out from `async with session.client('s3') as s3`, which take the same calls) is told by S3's own option names
// (`shape`): `Bucket=` and `Key=` together are the S3 API's (DynamoDB names its tables `TableName=`).
factories(['boto3'], {
  client: { makes: 'S3' },
  Session: { makes: 'Boto3Session' },
  'session.Session': { makes: 'Boto3Session' },
  'Boto3Session.client': { makes: 'S3' },
});
const bucketKey: readonly ArgRef[] = [{ key: 'Bucket' }, { key: 'Key' }];
const s3Shape = ['Bucket', 'Key'];
calls(['boto3'], 'S3', {
  get_object: { method: 'GET', names: bucketKey, shape: s3Shape },
  head_object: { method: 'HEAD', names: bucketKey, shape: s3Shape },
  put_object: { method: 'PUT', names: bucketKey, body: { key: 'Body' }, guards: { values: [{ ref: { key: 'IfMatch' }, header: 'If-Match' }, { ref: { key: 'IfNoneMatch' }, header: 'If-None-Match' }] }, shape: s3Shape },
  delete_object: { method: 'DELETE', names: bucketKey, guards: { values: [{ ref: { key: 'IfMatch' }, header: 'If-Match' }] }, shape: s3Shape },
}, 'boto3 S3');

// AWS SDK for JavaScript v3: `client.send(new PutObjectCommand({ Bucket, Key, Body, IfMatch }))`. The command names
// the request; only `send` sends it (a command given to getSignedUrl is a presigned URL, not a write).
factories(['@aws-sdk/client-s3'], { S3Client: { makes: 'S3v3' } });
const COMMANDS = new Map<string, SdkCall>();
const v3Guards: SdkGuards = { values: [{ ref: { key: 'IfMatch' }, header: 'If-Match' }, { ref: { key: 'IfNoneMatch' }, header: 'If-None-Match' }] };
for (const [name, c] of Object.entries<Omit<SdkCall, 'sdk' | 'optionsObject'>>({
  GetObjectCommand: { method: 'GET', names: bucketKey },
  HeadObjectCommand: { method: 'HEAD', names: bucketKey },
  PutObjectCommand: { method: 'PUT', names: bucketKey, body: { key: 'Body' }, guards: v3Guards },
  DeleteObjectCommand: { method: 'DELETE', names: bucketKey, guards: { values: [{ ref: { key: 'IfMatch' }, header: 'If-Match' }] } },
})) COMMANDS.set(`@aws-sdk/client-s3:${name}`, { ...c, sdk: 'AWS SDK for JavaScript v3 (S3)', optionsObject: true });
CALLS.set('@aws-sdk/client-s3:S3v3.send', { sdk: 'AWS SDK for JavaScript v3 (S3)', method: 'GET', names: [], command: true });

// AWS SDK for JavaScript v2: `new AWS.S3()` (or the class `aws-sdk/clients/s3` exports), one params object per call
// with `.promise()` or a callback after it; `upload` is the managed upload of a whole object, as putObject.
const S3_V2 = ['aws-sdk', 'aws-sdk/clients/s3'];
factories(S3_V2, { S3: { makes: 'S3v2' } });
factories(['aws-sdk/clients/s3'], { '': { makes: 'S3v2' } });
// A client made in another module (`const { s3 } = require('./aws')`) is told by the params' `Bucket` and `Key`, as boto3's.
const s3v2Put: Omit<SdkCall, 'sdk'> = { method: 'PUT', names: bucketKey, body: { key: 'Body' }, guards: v3Guards, optionsObject: true, shape: s3Shape };
calls(S3_V2, 'S3v2', {
  getObject: { method: 'GET', names: bucketKey, optionsObject: true, shape: s3Shape },
  headObject: { method: 'HEAD', names: bucketKey, optionsObject: true, shape: s3Shape },
  putObject: s3v2Put,
  upload: s3v2Put,
  deleteObject: { method: 'DELETE', names: bucketKey, guards: { values: [{ ref: { key: 'IfMatch' }, header: 'If-Match' }] }, optionsObject: true, shape: s3Shape },
}, 'AWS SDK for JavaScript v2 (S3)');

// Azure Storage Blob, Python: service → container → blob clients. `upload_blob` only creates unless overwrite=True.
const AZURE = ['azure.storage.blob'];
const container: ArgRef = { arg: 0, key: 'container' };
const blobName: ArgRef = { arg: 0, key: 'blob' };
factories(AZURE, {
  BlobServiceClient: { makes: 'BlobService' },
  'BlobServiceClient.from_connection_string': { makes: 'BlobService' },
  'BlobService.get_container_client': { makes: 'Container', names: [container] },
  'BlobService.get_blob_client': { makes: 'Blob', names: [container, { arg: 1, key: 'blob' }] },
  ContainerClient: { makes: 'Container', names: [{ arg: 1, key: 'container_name' }] },
  'ContainerClient.from_connection_string': { makes: 'Container', names: [{ arg: 1, key: 'container_name' }] },
  'Container.get_blob_client': { makes: 'Blob', names: [blobName] },
  'BlobClient.from_connection_string': { makes: 'Blob', names: [{ arg: 1, key: 'container_name' }, { arg: 2, key: 'blob_name' }] },
});
const azureUploadGuards: SdkGuards = { values: [{ ref: { key: 'etag' }, header: 'If-Match' }], createOnlyUnless: { key: 'overwrite' } };
calls(AZURE, 'Blob', {
  download_blob: { method: 'GET', names: [] },
  get_blob_properties: { method: 'HEAD', names: [] },
  exists: { method: 'HEAD', names: [] },
  upload_blob: { method: 'PUT', names: [], body: { arg: 0, key: 'data' }, guards: azureUploadGuards },
  delete_blob: { method: 'DELETE', names: [], guards: { values: [{ ref: { key: 'etag' }, header: 'If-Match' }] } },
}, 'Azure Storage Blob (Python)');
calls(AZURE, 'Container', {
  download_blob: { method: 'GET', names: [{ arg: 0, key: 'blob' }] },
  upload_blob: { method: 'PUT', names: [{ arg: 0, key: 'name' }], body: { arg: 1, key: 'data' }, guards: azureUploadGuards },
  delete_blob: { method: 'DELETE', names: [{ arg: 0, key: 'blob' }], guards: { values: [{ ref: { key: 'etag' }, header: 'If-Match' }] } },
}, 'Azure Storage Blob (Python)');

// Azure Storage Blob, JavaScript (`@azure/storage-blob`): service → container → block blob clients. An upload
// replaces the blob unless its options' `conditions` say otherwise.
const AZURE_JS = ['@azure/storage-blob'];
factories(AZURE_JS, {
  BlobServiceClient: { makes: 'BlobService' },
  'BlobServiceClient.fromConnectionString': { makes: 'BlobService' },
  'BlobService.getContainerClient': { makes: 'Container', names: [{ arg: 0 }] },
  'Container.getBlockBlobClient': { makes: 'Blob', names: [{ arg: 0 }] },
  'Container.getBlobClient': { makes: 'Blob', names: [{ arg: 0 }] },
});
const conditions = (at: number): SdkGuards => ({
  values: [{ ref: { arg: at, path: ['conditions', 'ifMatch'] }, header: 'If-Match' }, { ref: { arg: at, path: ['conditions', 'ifNoneMatch'] }, header: 'If-None-Match' }],
});
calls(AZURE_JS, 'Blob', {
  download: { method: 'GET', names: [] },
  downloadToBuffer: { method: 'GET', names: [] },
  downloadToFile: { method: 'GET', names: [], localFile: { arg: 0 } },
  getProperties: { method: 'HEAD', names: [] },
  upload: { method: 'PUT', names: [], body: { arg: 0 }, guards: conditions(2) },
  uploadData: { method: 'PUT', names: [], body: { arg: 0 }, guards: conditions(1) },
  uploadFile: { method: 'PUT', names: [], body: { arg: 0 }, guards: conditions(1), localFile: { arg: 0 } },
  uploadStream: { method: 'PUT', names: [], body: { arg: 0 }, guards: conditions(3) },
  delete: { method: 'DELETE', names: [], guards: conditions(0) },
}, 'Azure Storage Blob (JavaScript)');

// google-cloud-storage (and firebase_admin's bucket): client → bucket → blob; `if_generation_match` is the guard.
const GCS = ['google.cloud', 'google.cloud.storage', 'firebase_admin'];
factories(GCS, {
  'storage.Client': { makes: 'GcsClient' },
  Client: { makes: 'GcsClient' },
  'storage.bucket': { makes: 'GcsBucket', names: [{ arg: 0, key: 'name' }] },
  'GcsClient.bucket': { makes: 'GcsBucket', names: [{ arg: 0, key: 'bucket_name' }] },
  'GcsClient.get_bucket': { makes: 'GcsBucket', names: [{ arg: 0, key: 'bucket_or_name' }] },
  'GcsBucket.blob': { makes: 'GcsBlob', names: [{ arg: 0, key: 'blob_name' }] },
  'GcsBucket.get_blob': { makes: 'GcsBlob', names: [{ arg: 0, key: 'blob_name' }] },
});
const generation: SdkGuards = {
  values: [{ ref: { key: 'if_generation_match' }, header: 'x-goog-if-generation-match' }, { ref: { key: 'if_metageneration_match' }, header: 'x-goog-if-metageneration-match' }],
};
const gcsReads = Object.fromEntries(['download_as_text', 'download_as_bytes', 'download_as_string', 'download_to_file']
  .map((m) => [m, { method: 'GET', names: [] } as const]));
calls(GCS, 'GcsBlob', {
  ...gcsReads,
  download_to_filename: { method: 'GET', names: [], localFile: { arg: 0, key: 'filename' } },
  reload: { method: 'HEAD', names: [] },
  upload_from_string: { method: 'PUT', names: [], body: { arg: 0, key: 'data' }, guards: generation },
  upload_from_filename: { method: 'PUT', names: [], body: { arg: 0, key: 'filename' }, guards: generation, localFile: { arg: 0, key: 'filename' } },
  upload_from_file: { method: 'PUT', names: [], body: { arg: 0, key: 'file_obj' }, guards: generation },
  delete: { method: 'DELETE', names: [], guards: generation },
}, 'google-cloud-storage');


for (const row of [...APP_ROWS, ...PYTHON_ROWS, ...FIREBASE_ROWS, ...ES_JS_ROWS, ...GRAPH_ROWS, ...DYNAMODB_ROWS, ...COSMOS_JS_ROWS, ...NETLIFY_BLOBS_ROWS]) {
  if (row.factories) factories(row.modules, row.factories);
  if (row.calls) calls(row.modules, row.prefix, row.calls, row.sdk);
  for (const m of row.modules) for (const [name, c] of Object.entries(row.commands ?? {})) COMMANDS.set(`${m}:${name}`, { ...c, sdk: row.sdk, optionsObject: true });
}

/**
 * The `send` that sends an SDK's commands, per SDK: a command given to the `send` of a client the analysis cannot
 * follow (`import { ddb } from './db'`, then `ddb.send(new PutCommand({ … }))`) is still that SDK's request, since
 * the command class says what is sent (sdk-calls.ts `commandSender`).
 */
const SENDERS = new Map<string, { module: string; path: string[] }>();
for (const [k, c] of CALLS) {
  if (c.command && !SENDERS.has(c.sdk)) SENDERS.set(c.sdk, { module: k.slice(0, k.indexOf(':')), path: k.slice(k.indexOf(':') + 1).split('.') });
}

/** The `send` call that sends `sdk`'s commands. */
export function sdkSender(sdk: string): { module: string; path: string[] } | undefined {
  return SENDERS.get(sdk);
}

/** Calls that their options name (`shape`), by the last segment of their name: `update` → `events.update`, …. */
const SHAPED = new Map<string, Array<{ module: string; path: string[]; keys: readonly string[] }>>();
for (const [key, c] of CALLS) {
  if (!c.shape) continue;
  const [module, dotted] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const path = dotted.split('.');
  const list = SHAPED.get(path[path.length - 1]) ?? [];
  list.push({ module, path, keys: c.shape });
  SHAPED.set(path[path.length - 1], list);
}

/**
 * The SDK call a callee whose client object is unknown stands for, told by its name and its options: `callee` ends
 * with the call's dotted name (`calendar.events.update`) and `has` every option the row's `shape` lists. The longest
 * dotted name that fits wins (`rest.repos.getContent` over `repos.getContent`).
 */
export function sdkCallByShape(callee: readonly string[], has: (key: string) => boolean): { module: string; path: string[] } | undefined {
  let best: { module: string; path: string[] } | undefined;
  for (const row of SHAPED.get(callee[callee.length - 1]) ?? []) {
    const tail = row.path.slice(1);
    if (tail.length > callee.length - 1 || tail.some((p, i) => callee[callee.length - tail.length + i] !== p)) continue;
    if (!row.keys.every(has) || (best && best.path.length >= row.path.length)) continue;
    best = { module: row.module, path: row.path };
  }
  return best;
}

/**
 * The factory `module` export (or instance method) `path` is, if it makes an SDK client object; `service` is the
 * service its call names, for the factories whose client depends on it (`boto3.client('dynamodb')`).
 */
export function sdkFactory(module: string, path: readonly string[], service?: string): SdkFactory | undefined {
  const key = `${module}:${path.join('.')}`;
  return (service !== undefined ? FACTORIES.get(`${key}#${service}`) : undefined) ?? FACTORIES.get(key);
}

/** The factories whose client depends on the service their call names (`module:path` of each). */
export const SERVICE_FACTORIES: ReadonlySet<string> = new Set([...FACTORIES.keys()].filter((k) => k.includes('#')).map((k) => k.slice(0, k.indexOf('#'))));

/** The command class `module` `path` names (`new PutObjectCommand({ … })`), if it reads or writes one object. */
export function sdkCommand(module: string, path: readonly string[]): SdkCall | undefined {
  return COMMANDS.get(`${module}:${path.join('.')}`);
}

/** The SDK call `module` `path` is, if it reads or writes one object. */
export function sdkCall(module: string, path: readonly string[]): SdkCall | undefined {
  return CALLS.get(`${module}:${path.join('.')}`);
}

/** The names SDK client objects are listed under: a local function that returns one is a factory too (resolve.ts). */
export const SDK_INSTANCES: ReadonlySet<string> = new Set([...FACTORIES.values()].map((f) => f.makes));

/** Method names of the SDK calls: the cheap first test that keeps most calls out (calls.ts). */
export const SDK_METHOD_NAMES: ReadonlySet<string> = new Set([...CALLS.keys()].map((k) => k.slice(k.lastIndexOf('.') + 1)));
