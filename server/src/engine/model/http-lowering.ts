/**
 * Lowering one `.http` request into the document model, given what the file says before it. Split from the
 * walk over the file (http-model.ts) so an editor's analysis can lower only the requests an edit touched: every
 * look-up a lowering makes into the running state of the file (request names, handler variables) goes through
 * `Lookups`, which can record it, so a cached lowering is reused exactly when each look-up still answers the same.
 */
import { overriddenMethod } from './method-override';
import type { HttpFile, HttpRequest, Script } from '../http/ast';
import { handlerCaptures, type HandlerCapture } from '../http/handlers';
import { promptsOf } from '../http/prompts';
import { TemplateScan } from '../http/templates';
import type { RequestModel, UnresolvedReference } from './types';
import { StaticVariables } from './variables';
import type { EditorSource } from './http-editor';
import { HttpRequestModel } from './http-request';
import { NO_EVIDENCE, statedEvidence, validatorCaptures, type RequestEvidence, type ResponsePart, type ValidatorCaptures } from './http-evidence';
import { requestTemplates, WalkFindings } from './request-templates';
import { NONE } from '../text/compact-list';

export interface HandlerCaptureAt {
  request: number;
  header: string;
}

/** A request's lowering: its model, the references it holds that resolve nowhere, what it says about its APIs. */
export interface Lowered {
  model: RequestModel;
  unresolved: UnresolvedReference[];
  evidence: RequestEvidence;
}

/** The captures a handler script makes, read once per script object (a re-parse makes new objects). */
const capturesByScript = new WeakMap<Script, HandlerCapture[]>();

export function capturesOf(script: Script): HandlerCapture[] {
  let captures = capturesByScript.get(script);
  if (!captures) capturesByScript.set(script, (captures = handlerCaptures(script)));
  return captures;
}

/** What the requests above a request define: the running state its lowering reads. */
export interface RunningState {
  requestNamed(name: string): number | undefined;
  handlerVar(name: string): HandlerCaptureAt | undefined;
  handlerPart(name: string): ResponsePart | undefined;
}

/** What the whole file decides for every request, besides its variables. */
export interface FileFacts {
  /** Handler variable names, when plain variables are checked at all (no script could define them). */
  handlerVarNames: ReadonlySet<string> | undefined;
  importsRequests: boolean;
  /** Variables the user is asked for when the request is sent (`# @prompt name [description]`, JetBrains, httpYac, Kulala). */
  promptNames: ReadonlySet<string>;
}

/** What one request adds to the file's facts (`FileFacts`): kept per request by an editor's analysis. */
export interface RequestFacts {
  captures: string[];
  scripted: boolean;
  imports: boolean;
  prompts: string[];
}

export function requestFacts(r: HttpRequest): RequestFacts {
  const facts: RequestFacts = { captures: [], scripted: false, imports: false, prompts: [] };
  addFacts(r, facts);
  return facts;
}

/** Adds what `r` says to `facts` (one request's, or a whole file's running total). */
function addFacts(r: HttpRequest, facts: RequestFacts): void {
  const scripts = r.scripts;
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i];
    const captures = capturesOf(s);
    for (let k = 0; k < captures.length; k++) facts.captures.push(captures[k].variable);
    facts.scripted ||= s.source !== '' || !!s.file;
  }
  let prompts = false;
  const metadata = r.metadata;
  for (let i = 0; i < metadata.length; i++) {
    const key = metadata[i].key;
    if (key === 'import') facts.imports = true;
    else if (key === 'prompt') prompts = true;
  }
  if (prompts) for (const p of promptsOf(r)) facts.prompts.push(p.name);
}

/** The facts of a whole file, from its requests' and its global scripts (one running total, no record per request). */
export function fileFacts(file: HttpFile): FileFacts {
  const total: RequestFacts = { captures: [], scripted: false, imports: false, prompts: [] };
  const requests = file.requests;
  for (let i = 0; i < requests.length; i++) {
    // Most requests have neither scripts nor metadata and add nothing: passed over without a call.
    const r = requests[i];
    if (r.scripts.length !== 0 || r.metadata.length !== 0) addFacts(r, total);
  }
  return factsOf(total.captures, total.prompts, total.scripted, total.imports, file.scripts);
}

/**
 * The file's facts from what its requests add up to and its global scripts: the one rule for a whole-file walk
 * and for an editor's per-request counts (incremental/file-facts.ts).
 */
export function factsOf(captured: Iterable<string>, prompts: Iterable<string>, scripted: boolean, imports: boolean, globalScripts: readonly Script[]): FileFacts {
  const names = new Set(captured);
  for (const s of globalScripts) for (const c of capturesOf(s)) names.add(c.variable);
  // Scripts can define any variable at run time: with any script present, stay silent about plain variables.
  // httpYac `# @import other.http` brings that file's named requests (and variables) in: unseen from here.
  const unseen = scripted || globalScripts.length > 0 || imports;
  return { handlerVarNames: unseen ? undefined : names, importsRequests: imports, promptNames: new Set(prompts) };
}

/**
 * The name a request defines for the requests below it: its `# @name`, else its `###` title (httpYac), but only a
 * title a template can spell. Names are looked up only as templates write them (`{{name.response…}}`,
 * `{{nameResponse…}}`, httpYac's `{{name.id}}`: letters, digits, `_`, `-`, `.`), so a title holding a space, as most
 * do ("Read item 7 and keep its ETag"), is never asked for: filing it cost a hash of a fresh string per request.
 */
export function definedName(req: HttpRequest): string | undefined {
  if (req.name) return req.name.value;
  return req.title && !req.title.includes(' ') ? req.title : undefined;
}

/**
 * What the whole file decides for every request (variables, the handler variables' names, whether scripts or
 * imports can define names unseen), and the running state of the walk in file order.
 */
export class LoweringScope implements RunningState {
  readonly vars: StaticVariables;
  readonly handlerVarNames: ReadonlySet<string> | undefined;
  readonly importsRequests: boolean;
  readonly promptNames: ReadonlySet<string>;
  readonly byName = new Map<string, number>();
  /** Variables set by JetBrains handlers, to the request whose response header they hold (latest wins). */
  readonly handlerVars = new Map<string, HandlerCaptureAt>();
  /** The same variables, to the response part they hold (header or body path; latest wins): for evidence. */
  readonly handlerParts = new Map<string, ResponsePart>();
  /**
   * The walker over every lowering's templates (request-templates.ts), reset for each piece: a lowering reads each
   * template right away and keeps nothing of the walker, so one serves the scope instead of one per request.
   */
  readonly templates = new TemplateScan();
  /** What that walk finds, read by each lowering right after its walk (request-templates.ts). */
  readonly found = new WalkFindings();
  /** The file variables that capture a named request's validator (http-evidence.ts): usually none. */
  readonly validatorCaptures: ValidatorCaptures;

  constructor(readonly file: HttpFile, readonly environment: Readonly<Record<string, string>>, facts: FileFacts = fileFacts(file)) {
    this.vars = new StaticVariables(file, environment);
    this.validatorCaptures = validatorCaptures(this.vars);
    this.handlerVarNames = facts.handlerVarNames;
    this.importsRequests = facts.importsRequests;
    this.promptNames = facts.promptNames;
  }

  /** Moves the running state past `req` (its name, the handler variables its scripts set). */
  advance(req: HttpRequest): void {
    const name = definedName(req);
    if (name !== undefined) this.byName.set(name, req.index);
    // Indexed loops: this runs for every request, and `for…of` made an iterator per list.
    const scripts = req.scripts;
    for (let i = 0; i < scripts.length; i++) {
      const captures = capturesOf(scripts[i]);
      for (let k = 0; k < captures.length; k++) {
        const c = captures[k];
        if (c.source.kind === 'header') this.handlerVars.set(c.variable, { request: req.index, header: c.source.name });
        else this.handlerVars.delete(c.variable);
        this.handlerParts.set(c.variable, c.source.kind === 'header'
          ? { source: req.index, part: 'headers', path: c.source.name }
          : { source: req.index, part: 'body', path: c.source.path });
      }
    }
  }

  requestNamed(name: string): number | undefined {
    return this.byName.get(name);
  }

  handlerVar(name: string): HandlerCaptureAt | undefined {
    return this.handlerVars.get(name);
  }

  handlerPart(name: string): ResponsePart | undefined {
    return this.handlerParts.get(name);
  }
}

/**
 * Each look-up a lowering made, as its name followed by the answer it got: `[name, answer, name, answer, …]`, one
 * list per lowering rather than a pair per look-up (an editor keeps them for every request of the file).
 */
export type Recorded<T> = Array<string | T>;

/** A lowering's look-ups as kept: `[kind, name, answer, …]` (see `Lookups.kept`). */
export type KeptLookups = readonly unknown[];
const NAME = 0;
const HANDLER = 1;
const PART = 2;

/** Look-ups into the running state (the scope's walk, or an editor's index); `recorded` lists each with its answer when recording. */
export class Lookups {
  readonly names: Recorded<number | undefined> = [];
  readonly handlers: Recorded<HandlerCaptureAt | undefined> = [];
  readonly parts: Recorded<ResponsePart | undefined> = [];

  /**
   * The request name asked last and its answer. A lowering asks a reference's name up to three times in a row (does
   * it resolve, which response does it use, where does the header's value come from) and the running state does not
   * move during a lowering: the repeats are answered from here. Forgotten when a lowering starts (`startLowering`).
   */
  private lastName: string | undefined = undefined;
  private lastAnswer: number | undefined = undefined;

  constructor(scope: LoweringScope, private readonly recording: boolean, private readonly running: RunningState = scope) {}

  /** A lowering starts: what the requests above define may have moved since the last one. */
  startLowering(): void {
    this.lastName = undefined;
  }

  request(name: string): number | undefined {
    if (name === this.lastName) return this.lastAnswer;
    const index = this.running.requestNamed(name);
    if (this.recording && !recorded(this.names, name)) this.names.push(name, index);
    this.lastName = name;
    this.lastAnswer = index;
    return index;
  }

  handler(name: string): HandlerCaptureAt | undefined {
    const at = this.running.handlerVar(name);
    if (this.recording && !recorded(this.handlers, name)) this.handlers.push(name, at);
    return at;
  }

  handlerPart(name: string): ResponsePart | undefined {
    const part = this.running.handlerPart(name);
    if (this.recording && !recorded(this.parts, name)) this.parts.push(name, part);
    return part;
  }

  /**
   * The look-ups as an editor keeps them with the lowering: one list of `kind, name, answer` triples (request
   * names, then handler variables, then handler parts), sized to fit, or the shared empty list. One list instead of
   * three per request: most requests look a name up, and each list is two objects.
   */
  static kept(lookups: Lookups): KeptLookups {
    const { names, handlers, parts } = lookups;
    if (names.length === 0 && handlers.length === 0 && parts.length === 0) return NONE;
    const kept: unknown[] = [];
    for (let k = 0; k < names.length; k += 2) kept.push(NAME, names[k], names[k + 1]);
    for (let k = 0; k < handlers.length; k += 2) kept.push(HANDLER, handlers[k], handlers[k + 1]);
    for (let k = 0; k < parts.length; k += 2) kept.push(PART, parts[k], parts[k + 1]);
    return kept.slice();
  }

  /** True when every kept look-up answers the same in `running` (then a lowering made with them still holds). */
  static stillHold(kept: KeptLookups, running: RunningState): boolean {
    for (let k = 0; k < kept.length; k += 3) {
      const name = kept[k + 1] as string;
      if (kept[k] === NAME) {
        if (running.requestNamed(name) !== kept[k + 2]) return false;
      } else if (kept[k] === HANDLER) {
        const now = running.handlerVar(name);
        const at = kept[k + 2] as HandlerCaptureAt | undefined;
        if (now?.request !== at?.request || now?.header !== at?.header) return false;
      } else {
        const now = running.handlerPart(name);
        const part = kept[k + 2] as ResponsePart | undefined;
        if (now?.source !== part?.source || now?.part !== part?.part || now?.path !== part?.path) return false;
      }
    }
    return true;
  }

  /** The names `kept` looked up, in order: a request name as `n:name`, a handler variable (or its part) as `h:name`. */
  static *keysIn(kept: KeptLookups): Generator<string> {
    for (let k = 0; k < kept.length; k += 3) yield (kept[k] === NAME ? 'n:' : 'h:') + (kept[k + 1] as string);
  }
}

/** A lowering asks the same name several times (URL, headers, evidence): one answer to check is enough. */
function recorded(list: Recorded<unknown>, name: string): boolean {
  for (let k = 0; k < list.length; k += 2) if (list[k] === name) return true;
  return false;
}

/** Lowers `req` (not yet passed by `scope.advance`); fixes read the file and models through `source`. */
export function lowerRequest(req: HttpRequest, scope: LoweringScope, lookups: Lookups, source: EditorSource): Lowered {
  return lowerInto(emptyLowering(), req, scope, lookups, source);
}

/** A record for `lowerInto` to fill (its fields in the order the lowering sets them: one shape for every record). */
export function emptyLowering(): Lowered {
  return { model: undefined as unknown as RequestModel, unresolved: NONE, evidence: SAYS_NOTHING };
}

/**
 * `lowerRequest` into `lowered`, which it returns: a whole-file walk (http-model.ts) reads each lowering's three
 * parts right away and keeps none of its records, so it fills one record for every request instead of making one
 * each (10,000 objects of 40 bytes for the bench file, all garbage); an editor's cache keeps each (`lowerRequest`).
 */
export function lowerInto(lowered: Lowered, req: HttpRequest, scope: LoweringScope, lookups: Lookups, source: EditorSource): Lowered {
  lookups.startLowering();
  const vars = scope.vars;
  const url = vars.resolve(req.requestLine.url);
  // The header models are made in the request's one template walk: a value's source is read from its template there.
  const { unresolved, uses, headers } = requestTemplates(req, scope, lookups);
  // `X-HTTP-Method: MERGE` on a POST is, for the server, the update it names (as in client code).
  const model = new HttpRequestModel(req, source, overriddenMethod(headers) ?? req.requestLine.method, url, headers);
  // Most requests have no script, no assertion and no name a file variable captures the validator of: they state
  // nothing, told here without a call (in a first lint each call ran in the interpreter, and a helper for the test
  // was one more function for the optimising compiler).
  const captures = scope.validatorCaptures;
  const statesNothing = req.scripts.length === 0 && !req.assertions?.length && (captures.size === 0 || !req.name);
  const evidence = statesNothing ? NO_EVIDENCE : statedEvidence(req, captures);
  lowered.model = model;
  lowered.unresolved = unresolved;
  lowered.evidence = uses.length || evidence.length ? { uses, evidence } : SAYS_NOTHING;
  return lowered;
}

/**
 * What most requests say (no response used, nothing stated): one shared, read-only record instead of one each,
 * which the whole-file model and an editor's cache keep for every request.
 */
const SAYS_NOTHING: RequestEvidence = Object.freeze({ uses: NONE, evidence: NONE });
