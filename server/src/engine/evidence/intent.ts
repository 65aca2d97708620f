/**
 * What a file says about the purpose of a write, beside what it says about the API: read from the author's own
 * words (the `###` title and the comments above the request) and from the file's order of requests. Measured on
 * real `.http` files (docs/precision.md): the writes a service-level fact ("FHIR servers version every resource")
 * turned into warnings nobody wanted were negative tests, declared creates and seeds, and writes to data the same
 * file had just made. None of them is a lost update waiting to happen:
 * - a request the author expects to fail ("Should Fail", "This should result in an error", "Expect: 403") is a
 *   negative test: adding a precondition would change what it tests;
 * - a request the author calls a create or a seed has no earlier version to protect (If-None-Match: * is the
 *   guard, offered as a hint);
 * - a write to a resource (or inside a collection) the file itself created earlier works on its own scratch
 *   data, and a request annotated with its expected outcome is a test of the server, not an edit of shared data:
 *   a service that versions its resources is then a hint, not a warning. Evidence about the resource itself
 *   (an ETag captured or If-Match sent in the file, an OpenAPI document, a response the runner saw) still warns;
 * - a PUT of a whole Elasticsearch document the author does not call an update is indexing: the index API stores
 *   the document whole whether or not it exists (settings and cursors an app seeds, mirrors of data kept
 *   elsewhere), the same lesson as in client code (rules/code-catalogue-only.ts). Called an update, it warns.
 */
import { exclusive, type RequestModel } from '../model/types';
import { serviceOf } from '../services/recognise';
import { originsMayMatch, splitUrl } from './route';
import { stringMemo } from '../text/string-memo';

const EXPECTS_FAILURE = [
  /\bshould\s+(?:fail|error|be\s+(?:rejected|refused|denied|forbidden))\b/i,
  /\bshould\s+(?:return|result\s+in|give|produce|get)\s+(?:an?\s+)?(?:error|[45]\d\d)\b/i,
  /\bexpect(?:ed|s)?(?:\s+result)?\s*[:=]?\s*(?:status\s*)?[45]\d\d\b/i,
  /\bmust\s+fail\b/i,
];
/**
 * The Chinese, Japanese and Thai words (创建, 新增, 作成, 登録, สร้าง) are written as escapes: one character above U+00FF in
 * a bundle makes V8 keep its whole source at two bytes a character (the language server's 0.7 MB twice over).
 */
const CREATE_WORDS = /\b(?:create[sd]?|creating|seed(?:s|ed|ing)?|insert(?:s|ed|ing)?|provision(?:s|ed|ing)?|crear|criar|crie|insira|erstellen|anlegen|créer)\b|\u521B\u5EFA|\u65B0\u589E|\u4F5C\u6210|\u767B\u9332|\u0E2A\u0E23\u0E49\u0E32\u0E07/i;
/** Elasticsearch's verb for storing a new document ("Index a document with Id"), not an index's settings or a reindex. */
const INDEX_A_DOCUMENT = /\bindex(?:e[sd]|ing)?\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:documents?|docs?)\b/i;
const UPDATE_WORDS = /\b(?:update[sd]?|updating|replace[sd]?|modif(?:y|ies|ied)|edit(?:s|ed)?|overwrite[sd]?|change[sd]?)\b/i;
const CREATE_OR_UPDATE = /\bcreate[\s-]+or[\s-]+(?:update|replace)\b|\b(?:update|replace)[\s-]+or[\s-]+create\b|\bupsert/i;
const SETUP = /\b(?:set\s*-?up|seed(?:s|ed|ing)?|test\s+data|sample\s+data|fixtures?|bootstrap)\b/i;
const OUTCOME = /\bshould\s+succeed\b|\bexpect(?:ed|s)?(?:\s+result)?\s*[:=]?\s*(?:status\s*)?[1-5]\d\d\b/i;

/** A word every `EXPECTS_FAILURE` pattern needs: notes without one (most) are not matched against each. */
const FAILURE_WORD = /should|expect|must/i;

/** "a negative test: …" when the author says the request should fail (the first pattern that matches says it). */
export function expectsFailure(req: RequestModel): string | undefined {
  // `notes` is put together from the title and comments when asked: once here.
  const notes = req.notes;
  if (!notes || !FAILURE_WORD.test(notes)) return undefined;
  for (const re of EXPECTS_FAILURE) {
    const said = re.exec(notes);
    if (said) return `a negative test ("${said[0]}"): it is meant to fail`;
  }
  return undefined;
}

/**
 * True when the author calls the write a create or a seed: a create word comes before any update word ("Create a
 * patient that we will update" is a create; "Update the patient created above" is not), and not "create or update".
 */
export function declaresCreate(req: RequestModel): boolean {
  const notes = req.notes;
  const create = notes ? CREATE_WORDS.exec(notes) ?? INDEX_A_DOCUMENT.exec(notes) : null;
  if (!notes || !create || CREATE_OR_UPDATE.test(notes)) return false;
  const update = UPDATE_WORDS.exec(notes);
  return !update || create.index < update.index;
}

/** `…/_doc/{id}`: Elasticsearch's index API (`_update`, `_create` and the index itself are other requests). */
const INDEX_API = /\/_doc\/[^/?#]+\/?(?:[?#]|$)/;

/** True when a PUT indexes an Elasticsearch document and its title and comments use no update word. */
export function indexesDocument(req: RequestModel): boolean {
  if (req.method !== 'PUT' || req.url === undefined || !INDEX_API.test(req.url)) return false;
  const notes = req.notes;
  if (notes && UPDATE_WORDS.test(notes)) return false;
  return serviceOf(req)?.id === 'elasticsearch';
}

/** True when the author wrote down the outcome the request should have: a test of the server. */
export function annotatedTest(req: RequestModel): boolean {
  const notes = req.notes;
  return !!notes && OUTCOME.test(notes);
}

/**
 * For each request of a file made to a resource the file created earlier, the request that created it: a PUT
 * to the same path or to a collection above it (PUT /customers creates the index whose documents follow), a
 * request the author calls setup or seed data sent to the same server (a FHIR transaction bundle, an Elasticsearch
 * `_bulk`), a POST that stores an Elasticsearch document under its id (`_create/{id}`, `_doc/{id}`: the same document
 * as `_update/{id}`), or a POST whose response names the resource in this request's URL. One pass in file order.
 */
export function createdEarlier(requests: readonly RequestModel[]): Map<RequestModel, string> {
  const made = new Map<RequestModel, string>();
  const creators = new Creators();
  const posts = new Map<string, RequestModel>();
  for (const req of requests) {
    // Only a write is ever judged, and only a PUT, a MKCOL or a setup POST creates: a read needs neither answer.
    const method = req.method;
    const write = method === 'PUT' || method === 'PATCH' || method === 'DELETE' || method === 'POST' || method === 'MKCOL';
    const at = write ? documentPlace(req, placeOf(req)) : undefined;
    const post = write ? postNamedIn(req.url, posts) : undefined;
    const by = post ? `the POST ${post.url ?? ''} returned it` : at && creators.covering(at, req);
    if (by !== undefined) made.set(req, by);
    const setup = (req.method === 'POST' || req.method === 'PUT') && isSetup(req);
    if (at && (setup || ((req.method === 'PUT' || req.method === 'MKCOL' || storesDocument(req)) && at.path !== '' && by === undefined))) {
      creators.add(at, `${setup ? 'the setup request' : req.method} ${req.url ?? ''}`, setup, req);
    }
    if (req.name !== undefined) {
      if (req.method === 'POST') posts.set(req.name, req);
      else if (posts.size > 0) posts.delete(req.name);
    }
  }
  return made;
}

/**
 * `createdEarlier` of an editor's document, version after version. Worked out at the first question (only a write whose
 * evidence is the catalogue's alone asks, evidence/index.ts): until then a version is only the list of its requests, and
 * no judgement has read an answer that a change could make stale. Once asked, a changed request that reads the same to
 * that pass as the one it replaced at its position (method, URL, setup words, and its name unless no POST of the file
 * is called either name) leaves every answer as it was: a keystroke in a title, a header or a body carries the
 * answers over by position. Any other change finds them again (one linear pass).
 */
export class CreatedEarlier {
  private made = new Map<RequestModel, string>();
  /** How many POSTs of the current version carry each name (a named non-POST hides a POST of its name above). */
  private readonly postNames = new Map<string, number>();
  /**
   * The current version's requests while nobody has asked for an answer (an editor's version before its first question,
   * or a whole file's, `of`): most files never ask, and a pass over ten thousand requests cost 21-28 ms of an editor's
   * `prime` and of every later keystroke that changed a URL.
   */
  private pending: readonly RequestModel[] | undefined = [];

  /**
   * The answers for a whole file's requests (what `update` from nothing gives, without listing what changed), worked
   * out at the first question. Never updated: it counts no POST names.
   */
  static of(requests: readonly RequestModel[]): CreatedEarlier {
    const c = new CreatedEarlier();
    c.pending = requests;
    return c;
  }

  /**
   * Takes the answers `first` worked out for the same requests (a whole-file lint's, `of`), if it did: the editor adopts
   * that lint's judgements (`JudgementIndex.adoptJudgements`), and a judgement that read an answer must be judged again
   * when a later edit changes it, which `update` can tell only against the answers it holds.
   */
  adopt(first: CreatedEarlier): void {
    if (first.pending !== undefined) return;
    this.made = new Map(first.made);
    this.pending = undefined;
  }

  get(request: RequestModel): string | undefined {
    this.settle();
    return this.made.get(request);
  }

  private settle(): void {
    const requests = this.pending;
    if (requests === undefined) return;
    this.pending = undefined;
    this.made = createdEarlier(requests);
  }

  /**
   * Moves to the version `requests`, which replaced `removed` with `added`; returns the requests whose answer changed
   * among those a judgement may have read (none before the first question).
   */
  update(requests: readonly RequestModel[], removed: readonly RequestModel[], added: readonly RequestModel[]): RequestModel[] {
    for (const r of removed) this.countPost(r, -1);
    for (const r of added) this.countPost(r, 1);
    if (this.pending !== undefined) {
      this.pending = requests;
      return [];
    }
    if (this.sameInputs(removed, added)) {
      removed.forEach((r, i) => {
        const by = this.made.get(r);
        if (by === undefined) return;
        this.made.delete(r);
        this.made.set(added[i], by);
      });
      return [];
    }
    const made = createdEarlier(requests);
    const changed = requests.filter((r) => made.get(r) !== this.made.get(r));
    this.made = made;
    return changed;
  }

  private sameInputs(removed: readonly RequestModel[], added: readonly RequestModel[]): boolean {
    if (removed.length !== added.length) return false;
    for (let i = 0; i < removed.length; i++) {
      const a = removed[i];
      const b = added[i];
      if (a.index !== b.index || a.method !== b.method || a.url !== b.url || isSetup(a) !== isSetup(b)) return false;
      if (a.name !== b.name && (a.method === 'POST' || this.isPostName(a.name) || this.isPostName(b.name))) return false;
    }
    return true;
  }

  private isPostName(name: string | undefined): boolean {
    return name !== undefined && this.postNames.has(name);
  }

  private countPost(r: RequestModel, by: 1 | -1): void {
    if (r.method !== 'POST' || r.name === undefined) return;
    const n = (this.postNames.get(r.name) ?? 0) + by;
    if (n > 0) this.postNames.set(r.name, n);
    else this.postNames.delete(r.name);
  }
}

function isSetup(req: RequestModel): boolean {
  const notes = req.notes;
  return !!notes && SETUP.test(notes);
}

/** `{{name.response.body…}}` in a URL: the resource named by what request `name` returned. */
const RESPONSE_BODY_IN_URL = /\{\{\s*([\w.-]+?)\.response\.body/g;

/** The first POST (of `posts`, by name) whose response body the URL reads; most URLs read none. */
function postNamedIn(url: string | undefined, posts: ReadonlyMap<string, RequestModel>): RequestModel | undefined {
  if (url === undefined || !url.includes('.response.body')) return undefined;
  for (const m of url.matchAll(RESPONSE_BODY_IN_URL)) {
    const post = posts.get(m[1]);
    if (post) return post;
  }
  return undefined;
}

/**
 * The places the file created, filed by path so a look-up reads only the request's own path and the few
 * collections above it (a file of thousands of PUTs stays linear).
 */
class Creators {
  private readonly byPath = new Map<string, Creator[]>();
  /** Setup requests: they load the file's data into their server, so they cover every path of their origin. */
  private readonly roots: Creator[] = [];

  add(at: Place, by: string, wholeServer: boolean, req: RequestModel): void {
    if (wholeServer) {
      this.roots.push({ server: at.server, by, req });
      return;
    }
    const list = this.byPath.get(at.path);
    if (list) list.push({ server: at.server, by, req });
    else this.byPath.set(at.path, [{ server: at.server, by, req }]);
  }

  /** The request that created `at` or a collection above it, if any, on the way to `req`. */
  covering(at: Place, req: RequestModel): string | undefined {
    for (let path = at.path; path !== ''; path = path.slice(0, Math.max(0, path.lastIndexOf('/')))) {
      const hit = sameServer(this.byPath.get(path), at.server, req);
      if (hit !== undefined) return hit;
    }
    return sameServer(this.roots, at.server, req);
  }
}

/**
 * A request that created something. In client code only one on the way to the write counts: a PUT in another
 * function (or the other arm of an `if`) does not run before it (model/types.ts `exclusive`).
 */
interface Creator {
  server: string;
  by: string;
  req: RequestModel;
}

/** What the first creator on `server`'s server made, if any, that can run before `req`. */
function sameServer(creators: readonly Creator[] | undefined, server: string, req: RequestModel): string | undefined {
  for (const c of creators ?? []) if (originsMayMatch(c.server, server) && !exclusive(c.req, req)) return c.by;
  return undefined;
}

/** `/{index}/_doc|_create|_update/{id}`: the three names Elasticsearch gives one document. */
const ES_DOCUMENT = /^(.*)\/_(?:doc|create|update)(\/[^/]+)$/;

/**
 * An Elasticsearch document is one place whichever API names it: a tutorial creates `/customers/_create/spammer`
 * and deletes `/customers/_doc/spammer`. Other places are as written.
 */
function documentPlace(req: RequestModel, at: Place | undefined): Place | undefined {
  if (!at || !at.path.includes('/_')) return at;
  const m = ES_DOCUMENT.exec(at.path);
  if (!m || serviceOf(req)?.id !== 'elasticsearch') return at;
  return { server: at.server, path: `${m[1]}/_doc${m[2]}` };
}

/** A POST that stores an Elasticsearch document under the id it names (`_doc/{id}`, `_create/{id}`), as a PUT does. */
function storesDocument(req: RequestModel): boolean {
  return req.method === 'POST' && req.url !== undefined && /\/_(?:doc|create)\/[^/?#]+\/?(?:[?#]|$)/.test(req.url)
    && serviceOf(req)?.id === 'elasticsearch';
}

interface Place {
  /**
   * The origin without its scheme: a file that writes `https://host` once and `host/…` (httpYac's scheme-less
   * form) later means one server.
   */
  server: string;
  /** The path without query or trailing slash; '' for the service root. */
  path: string;
}

function placeOf(req: RequestModel): Place | undefined {
  return req.url === undefined ? undefined : placeOfUrl(req.url) ?? undefined;
}

/** The URL's origin and path (a write target's are the same), worked out once per distinct URL. */
const placeOfUrl = stringMemo((url: string): Place | null => {
  const parts = splitUrl(url);
  if (!parts) return null;
  let end = parts.path.length;
  while (end > 0 && parts.path.charCodeAt(end - 1) === 47) end--;
  return { server: serverOf(parts.origin), path: parts.path.slice(0, end) };
});

/** An origin without its scheme, once per distinct origin. */
const serverOf = stringMemo((origin: string) => origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''));
