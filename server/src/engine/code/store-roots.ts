/**
 * An object-store object whose root the analysis cannot follow — a bucket or a container the project's own module
 * exports (`from .storage import bucket`, `const { containerClient } = require('./clients')`), a client kept in
 * another module's object — known by the object's own methods. `X.blob(name)` is google-cloud-storage's Blob where
 * the file gives an object `X` names that way one of a Blob's own methods (`download_as_text()`,
 * `upload_from_string(…)`: no other library names them so); `X.file(name)` is @google-cloud/storage's File where one
 * is given `download()`, `save(…)` or `createWriteStream(…)`. Azure Blob Storage's `X.get_blob_client(…)`,
 * `X.getBlockBlobClient(name)` and `X.getBlobClient(name)` are its own names. Such an object is then read and written
 * as that SDK's (sdks.ts), named by its own argument: the root's bucket or container is unknown, so two such objects
 * of one file are one object when they are named the same way.
 */
import type { CodeContext } from './context';
import type { Resolved } from './resolve';
import { methodOf, namedBy } from './snapshot-roots';
import type { Node } from './syntax';

interface StoreKind {
  /** The method that names the object on the root (`blob`, `file`, `get_blob_client`). */
  method: string;
  /** Methods on the way from that object to the one used: none, for a blob or a file. */
  descend: ReadonlySet<string>;
  /** The object's own methods, one of which some object the root names must be given; none: the name is the SDK's. */
  confirm?: ReadonlySet<string>;
  /** What `X.method` stands for once `X` is known: the SDK's factory of that object, by the call's arguments. */
  resolved: (call: Node) => Resolved;
}

const GCS_BLOB_METHODS = new Set(['download_as_text', 'download_as_bytes', 'download_as_string', 'download_to_filename',
  'download_to_file', 'upload_from_string', 'upload_from_filename', 'upload_from_file']);
const NO_DESCENT: ReadonlySet<string> = new Set();
const factory = (module: string, ...path: string[]) => (): Resolved => ({ module, path });

/** Python's `get_blob_client(container, blob)` is a service's; `get_blob_client(blob)` a container's. */
function azureBlobClient(call: Node): Resolved {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const byService = args.length >= 2 || args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'container');
  return { module: 'azure.storage.blob', path: [byService ? 'BlobService' : 'Container', 'get_blob_client'] };
}

const KINDS: Readonly<Record<CodeContext['family'], readonly StoreKind[]>> = {
  python: [
    { method: 'blob', descend: new Set(['blob']), confirm: GCS_BLOB_METHODS, resolved: factory('google.cloud.storage', 'GcsBucket', 'blob') },
    { method: 'get_blob_client', descend: NO_DESCENT, resolved: azureBlobClient },
  ],
  js: [
    { method: 'file', descend: new Set(['file']), confirm: new Set(['download', 'save', 'createWriteStream']), resolved: factory('@google-cloud/storage', 'GcsJsBucket', 'file') },
    { method: 'getBlockBlobClient', descend: NO_DESCENT, resolved: factory('@azure/storage-blob', 'Container', 'getBlockBlobClient') },
    { method: 'getBlobClient', descend: NO_DESCENT, resolved: factory('@azure/storage-blob', 'Container', 'getBlobClient') },
  ],
};

/** What `member` (`X.blob`, `X.file`, `X.get_blob_client`: the callee of a call) stands for, where `X` is such a root. */
export function storeRoot(member: Node, ctx: CodeContext): Resolved | undefined {
  const property = methodOf(member);
  const kind = KINDS[ctx.family].find((k) => k.method === property);
  const root = member.childForFieldName('object');
  const call = member.parent;
  if (!kind || !root || !call || call.childForFieldName('function')?.id !== member.id) return undefined;
  if (kind.confirm) {
    const key = `store root ${kind.method} ${root.text}`;
    let known = ctx.memo.get(key);
    if (known === undefined) ctx.memo.set(key, known = usedAsStore(root.text, kind, kind.confirm, ctx));
    if (!known) return undefined;
  }
  return kind.resolved(call);
}

/** True when the file gives an object `root` names one of the store object's own methods. */
function usedAsStore(root: string, kind: StoreKind, own: ReadonlySet<string>, ctx: CodeContext): boolean {
  return ctx.index.calls.some((call) => {
    const callee = call.childForFieldName('function');
    const receiver = callee && (callee.type === 'member_expression' || callee.type === 'attribute') ? callee.childForFieldName('object') : null;
    return !!receiver && own.has(methodOf(callee!) ?? '') && namedBy(receiver, root, kind, ctx);
  });
}
