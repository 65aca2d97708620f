/**
 * The language-neutral model the rules read: every HTTP request a document makes (a `.http` request or a call
 * in client code), with its method, target resource, headers and where each precondition value comes from.
 * `.http` files and client code are both lowered into this, so one rule serves both.
 */
import type { Range, TextEdit } from '../text/types';
import type { Span } from '../text/span';
import type { ParseDiagnostic } from '../http/ast';
import { lowerCaseName, mayBeIfHeader, sameHeaderName } from '../text/header-names';
import { appended } from '../text/compact-list';

export { lowerCaseName, mayBeIfHeader, sameHeaderName };

/** Where a header's value comes from. */
export type ValueSource =
  | { kind: 'literal' }
  /** Read from a response header of an earlier request in the same document. */
  | { kind: 'capture'; request: number; header: string }
  /** Anything the analysis cannot follow: stay silent about it. */
  | { kind: 'unknown' };

export interface HeaderModel {
  name: string;
  /** The value as written; for client code only when it is a literal. */
  value: string | undefined;
  /**
   * The value with the variables the analysis knows substituted (`{{etag}}` with `@etag = "a1"` gives `"a1"`);
   * unknown templates stay as written. Undefined where it equals `value` or cannot be computed.
   */
  resolvedValue?: string;
  nameRange: Span;
  valueRange: Span;
  /** The whole header (line in `.http`, property in code), for removal. */
  range: Span;
  source: ValueSource;
  /**
   * Client code: set only when its value is present (`if (etag) headers['If-Match'] = etag`), so the request
   * goes out without it when no tag came back.
   */
  conditional?: boolean;
  /** Client code: a conditional value that is a parameter of the function around the call (its callers decide). */
  tagFromCaller?: boolean;
}

/** Language-specific edits a quick fix needs; the rules stay language-neutral. */
export interface RequestEditor {
  /** Adds a header to the request. */
  addHeader(name: string, value: string): TextEdit[];
  /**
   * Inserts, before this request, a read (GET) of the same resource that captures its ETag, and returns the
   * edits plus the expression the write should use for it. Undefined where the idiom is unknown. The read also
   * sends `readHeaders`: those a service needs before it returns a version (services/recognise `readHeadersOf`).
   */
  insertReadBefore?(readHeaders?: readonly (readonly [string, string])[]): { edits: TextEdit[]; etagExpression: string } | undefined;
  /**
   * The expression that refers to the ETag captured by `request` (naming that request when needed); `header`
   * names another response header that carries the version (GCS `x-goog-generation`).
   */
  referenceTo?(request: RequestModel, header?: string): { edits: TextEdit[]; expression: string } | undefined;
  /**
   * Client code: adds an ETag parameter to the function around the write and returns its name. `dataFromCaller`
   * is true when the body the write sends is itself a parameter: the data was read by the caller, so only the
   * caller's ETag protects it (a read inserted before the write would not).
   */
  addEtagParameter?(): { edits: TextEdit[]; expression: string; dataFromCaller: boolean } | undefined;
}

export interface RequestModel {
  index: number;
  /** `@name`, title, or undefined. */
  name?: string;
  /** What the author wrote about the request: the `###` title and the comment lines above it (`.http` only). */
  notes?: string;
  /** Upper-case method, or undefined when the analysis cannot tell. */
  method: string | undefined;
  /** The URL as written (templates resolved where possible). */
  url: string | undefined;
  /** The resource identity used to compare requests: scheme://host/path, query and fragment dropped. */
  target: string | undefined;
  /** Query parameter names present in the URL. */
  queryParams: ReadonlySet<string>;
  /** The body as written, when it is inline text (JSON Patch `test` operations, CouchDB `_rev`). */
  body?: string;
  host: string | undefined;
  headers: HeaderModel[];
  /** Where request-level findings are shown: the request line, or the call's callee. */
  anchor: Span;
  range: Span;
  editor: RequestEditor;
  /**
   * Client code: the choice points (if/else arms, try/catch, functions) on the way to the call, as
   * `<point>:<alternative>` steps. Two requests that part at a choice point never run one after the other.
   */
  branch?: readonly string[];
  /**
   * Client code: the index of an earlier read of the same resource in the same function whose status the code
   * compares with 404: the write follows a check that the resource is absent, so it means to create it.
   */
  absentAfterRead?: number;
  /**
   * Client code: the index of an earlier read of the same resource in the same function in whose miss this write runs
   * (the arm where the read's result is empty or its status 404, or the `catch` of a `try` around it): it creates
   * what is not there (code/created-after-miss.ts).
   */
  createdAfterMiss?: number;
  /**
   * Client code: the index of an earlier read of the same resource in the same function whose data this write may
   * send back (code/read-modify-write.ts): a read-modify-write, so `If-Match: *` on it protects nothing.
   */
  readInScope?: number;
  /**
   * Client code: the index of an earlier read of the same resource in the same function of which this plain HTTP write
   * sends nothing (code/read-flow.ts): its data came from elsewhere, so it is no read-modify-write.
   */
  sendsNothingReadOf?: number;
  /**
   * Client code: the name of the generic helper the write sits in (`putData(path, data)`: its URL varies with a
   * parameter and it sends a parameter's data, and nothing in the file calls it with data of its own), so whether
   * it loses an update depends on callers the analysis cannot see.
   */
  genericHelper?: string;
  /**
   * Client code: the write runs in an Azure Functions timer trigger (code/timer-triggers.ts), whose runs never overlap:
   * an object only such triggers write has a single writer.
   */
  timerTriggered?: true;
  /**
   * Client code: the write's guard (If-Match, GitHub's `sha`) was taken from a read of the resource right before it,
   * while what it sends came from elsewhere, so the check cannot fail (code/fetched-guard.ts): the read and the guard.
   * `loadedBy`: another function of the file reads the same resource (a load/save pair), the read the data may come from.
   */
  guardFetched?: { read: number; guard: string; loadedBy?: number };
  /**
   * Client code: the request is a storage SDK's call (code/sdks.ts), guarded by its own parameters: the advice is in
   * the SDK's words, and no header can be added to it as a fix. `callerNamed`: the object's name is only a parameter
   * of the function around the call (code/sdk-calls.ts). `noLostUpdate`: why the write loses nothing although a read of
   * its object came first (it creates what the read did not find; a partial update sending nothing read). `inLoop`:
   * the call is in a loop of its function.
   */
  sdk?: {
    name: string; advice: string; callerNamed?: boolean; noLostUpdate?: string; inLoop?: boolean;
    /** Its objects are database paths or items no catalogue service speaks for (Firebase, DynamoDB): only its own read of the object is evidence. */
    pathNamed?: boolean;
    /** What it writes came from a read of its object before it in its function (code/sdk-calls.ts `readFirst`). */
    readFirst?: boolean;
  };
  /**
   * Client code: the callers whose update a save helper's write can lose — the calls of the helper in the functions
   * that loaded the object first and hand on what they loaded (`movies = load_from_gcs(name)` … `save_to_gcs(name,
   * movies)`, code/sdk-helper-pairs.ts), each with the sentence that says so. The helper writes whatever its callers
   * give it; the warning is on its write and names every such caller.
   */
  lostAt?: ReadonlyArray<{ sentence: string }>;
}

/** A reference to an earlier request that names none (`{{nope.response.headers.ETag}}`). */
export interface UnresolvedReference {
  text: string;
  range: Range;
  /** 'request' when a request name is missing; 'variable' for a plain `{{var}}` defined nowhere. */
  kind: 'request' | 'variable';
  name: string;
}

/**
 * A later request using an earlier response: `{{item.response.body.id}}` in a URL, a captured ETag in a header.
 * Read-modify-write (the lost-update pattern itself) is a write using what a read of its resource returned.
 */
export interface ResponseUse {
  /** The request that uses the value. */
  user: number;
  /** The request whose response it comes from. */
  source: number;
  part: 'headers' | 'body' | 'status';
  /** Header name or body path as written (`ETag`, `$.id`, `id`). */
  path: string;
  /** 0-based line of the use. */
  line: number;
  /** Where the using request sends the value: its URL only addresses (an id picked from a listing), its headers or body send back what was read. */
  sent: 'url' | 'header' | 'body';
}

/**
 * Evidence a document states about the API of one of its requests beyond its requests' headers: a handler
 * that checks for 412/428, client code reading a response's `etag`. Client-code analysis and `.http` scripts
 * produce these; the evidence index files them under the target of `request`.
 */
export interface DocumentEvidence {
  /** The request whose target the evidence is about. */
  request: number;
  kind: 'same-file' | 'client-code';
  verdict: 'versioned' | 'unversioned';
  sentence: string;
  line: number;
}

export interface DocumentModel {
  requests: RequestModel[];
  unresolved: UnresolvedReference[];
  /** What the `.http` parser could not read (the `http-syntax` rule reports it); none for client code. */
  syntax?: readonly ParseDiagnostic[];
  /** Uses of earlier responses by later requests, in file order (absent where the analysis cannot tell). */
  responseUses?: ResponseUse[];
  /** Evidence about the requests' APIs stated elsewhere in the document. */
  evidence?: DocumentEvidence[];
  /**
   * `responseUses` and `evidence` as each request gave them, by request index, where the model kept them (a whole
   * `.http` lowering): the evidence index reads them instead of grouping the two lists by request again.
   */
  byRequest?: ReadonlyArray<{ readonly uses: ResponseUse[]; readonly evidence: DocumentEvidence[] }>;
  /** File variables whose expansion is too large to build (a doubling chain): left unexpanded. */
  oversized?: { name: string; range: Range }[];
  /** True when the expansions of the file together passed their bound: later texts were analysed unexpanded. */
  expansionExhausted?: boolean;
}

/**
 * `request` as it would be with only `headers`, everything else read from `request` itself: a view, not a copy. A
 * model may keep fields behind getters (http-request.ts), which a spread (`{ ...request, headers }`) would drop.
 */
export function withHeaders(request: RequestModel, headers: HeaderModel[]): RequestModel {
  return Object.create(request, { headers: { value: headers, enumerable: true } }) as RequestModel;
}

/** Case-insensitive header lookup (header names are case-insensitive everywhere, RFC 9110 §5.1). */
export function findHeaders(request: RequestModel, name: string): readonly HeaderModel[] {
  const headers = request.headers;
  if (headers.length > SCAN_LIMIT) return headersByName(headers).get(lowerCaseName(name)) ?? NO_HEADERS;
  let found: HeaderModel[] | undefined;
  for (let i = 0; i < headers.length; i++) if (sameHeaderName(headers[i].name, name)) found = appended(found, headers[i]);
  return found ?? NO_HEADERS;
}

const NO_HEADERS: readonly HeaderModel[] = [];

/** The first header called `name` (case-insensitively), without copying the list. */
export function firstHeader(request: RequestModel, name: string): HeaderModel | undefined {
  const headers = request.headers;
  if (headers.length > SCAN_LIMIT) return headersByName(headers).get(lowerCaseName(name))?.[0];
  // Indexed: a first lint runs in the interpreter, where `for…of` makes an iterator and a result per header.
  for (let i = 0; i < headers.length; i++) if (sameHeaderName(headers[i].name, name)) return headers[i];
  return undefined;
}

/** True when the request has a header called `name` (case-insensitively). */
export function hasHeader(request: RequestModel, name: string): boolean {
  return firstHeader(request, name) !== undefined;
}

/**
 * Requests hold a few headers: every rule's look-up compares names in place, which allocates nothing; a request
 * with more has them filed by lower-case name once.
 */
const SCAN_LIMIT = 12;

/** Every rule looks headers up on every request: a long list of headers is filed by lower-case name once. */
const headerIndexes = new WeakMap<readonly HeaderModel[], { count: number; byName: Map<string, readonly HeaderModel[]> }>();

function headersByName(headers: readonly HeaderModel[]): Map<string, readonly HeaderModel[]> {
  let index = headerIndexes.get(headers);
  // Client code adds headers while it builds a request: an index made before the last one is made again.
  if (!index || index.count !== headers.length) {
    const byName = new Map<string, HeaderModel[]>();
    for (const h of headers) {
      const lower = lowerCaseName(h.name);
      const list = byName.get(lower);
      if (list) list.push(h);
      else byName.set(lower, [h]);
    }
    headerIndexes.set(headers, index = { count: headers.length, byName });
  }
  return index.byName;
}

/**
 * True when two requests can never run one after the other (different arms of the same choice point).
 * `.http` requests carry no branch and always run in file order.
 */
export function exclusive(a: RequestModel, b: RequestModel): boolean {
  const x = a.branch ?? [];
  const y = b.branch ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    return x[i].slice(0, x[i].lastIndexOf(':')) === y[i].slice(0, y[i].lastIndexOf(':'));
  }
  return false;
}
