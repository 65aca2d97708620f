/**
 * One-way uploads: a PUT that sends a file the code reads from its own disk (`open(path, 'rb')`,
 * `fs.readFileSync(path)`, `fs.createReadStream(path)`) or content named as a generated export (`export`, `backup`,
 * `report`, `dump`, `snapshot`, a date or timestamp in the file name), to a place nothing in the file reads back. A
 * nightly inventory export, a backup, an attachment: the job regenerates it, so the server's copy is never merged
 * with anyone's edits, and whatever was there is meant to be replaced. WebDAV evidence drawn from how the code names
 * itself (a class or function named for WebDAV, code/webdav-dialect.ts) says the server versions files, not that this
 * write is a sync: such uploads get none of it (lesson from real code: a retail job's WebDAV class whose inventory
 * CSV upload was warned as if it were the JSON store beside it).
 */
import type { RequestModel } from '../model/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { followValue } from './options';
import { sentBody } from './sent-body';
import { unwrap, type Node } from './syntax';

/** Reading a local file: Python `open(…)` / `Path(…).read_bytes()`, Node's fs, Deno and Bun. */
const LOCAL_FILE = /\bopen\s*\(|\.read_(?:bytes|text)\s*\(|\breadFileSync\s*\(|\bcreateReadStream\s*\(|\bfs\.promises\.readFile\s*\(|\bDeno\.readFile\s*\(|\bBun\.file\s*\(/;

/** A file name that says it is generated output: an export, a backup, a report, or a date or time stamp. */
const GENERATED_NAME = new RegExp('(?:exports?|backups?|reports?|dumps?|snapshots?)(?:[^a-z]|$)|\\d{4}-?\\d{2}-?\\d{2}'
  + '|\\{\\{[^}]*(?:strftime|isoformat|[^a-z]date|timestamp|now\\(|time\\(\\))[^}]*\\}\\}', 'i');

/** True when `req` (a PUT) uploads a local file or a generated export that nothing in the file reads back. */
export function oneWayUpload(req: RequestModel, call: HttpCall, requests: readonly RequestModel[], ctx: CodeContext): boolean {
  if (req.method !== 'PUT' || req.url === undefined || req.target === undefined) return false;
  if (readBack(req.target, requests)) return false;
  return sendsLocalFile(call, ctx) || GENERATED_NAME.test(lastSegment(req.url));
}

/** A GET or HEAD of the same place, placeholders aside (`{{base}}/{{path}}` is not `{{base}}/content/{{name}}`). */
function readBack(target: string, requests: readonly RequestModel[]): boolean {
  const shape = placeShape(target);
  return requests.some((r) => (r.method === 'GET' || r.method === 'HEAD') && r.target !== undefined && placeShape(r.target) === shape);
}

function placeShape(target: string): string {
  return target.replace(/\{\{[^}]*\}\}/g, '{}');
}

function lastSegment(url: string): string {
  return url.replace(/[?#].*$/, '').split('/').pop() ?? '';
}

/** The body is a file read from disk: directly, or through a name assigned from one (or a `with open(…) as f`). */
function sendsLocalFile(call: HttpCall, ctx: CodeContext): boolean {
  const body = sentBody(call);
  if (!body) return false;
  const value = followValue(body, ctx);
  if (LOCAL_FILE.test(value.text)) return true;
  // `data = f.read()` inside `with open(path, 'rb') as f:`.
  const handle = /^([A-Za-z_$][\w$]*)\.read\s*\(/.exec(unwrap(value).text)?.[1];
  return !!handle && opensAs(handle, ctx.scopes.functionOf(call.call), ctx);
}

/** `with open(…) as name` in the function's text. */
function opensAs(name: string, fn: Node, ctx: CodeContext): boolean {
  const text = ctx.text.slice(fn.startIndex, fn.endIndex);
  return new RegExp(`\\bopen\\s*\\([^)]*\\)\\s+as\\s+${name}\\b`).test(text);
}
