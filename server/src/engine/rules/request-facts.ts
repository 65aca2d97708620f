/**
 * What several rules ask about one request, worked out once: its conditional headers (If-Match, If-None-Match,
 * If-Modified-Since, If-Unmodified-Since, If-Range) with their lower-case names, whether it sends a service's own
 * precondition header, its write target and the service it goes to. A whole-file lint runs the per-request rules
 * request by request (lint.ts), so the facts of the request at hand stay in one slot while every rule reads them;
 * an editor's analysis, which runs one rule over a few requests, works them out again (one pass over the headers).
 * Most requests carry no conditional header at all: the rules that look for one then walk nothing.
 */
import type { WriteTarget } from '../evidence/types';
import { targetOf } from '../evidence/targets';
import type { HeaderModel, RequestModel } from '../model/types';
import { lowerCaseName, mayBeIfHeader } from '../model/types';
import type { KnownService } from '../services/catalogue';
import { serviceOf } from '../services/recognise';
import { appended } from '../text/compact-list';

/** The conditional request headers of RFC 9110 §13.1, lower-case. */
export const CONDITIONAL_HEADERS = ['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since', 'if-range'] as const;
export type ConditionalName = (typeof CONDITIONAL_HEADERS)[number];

/** Service-specific precondition headers (lower-case). */
export const SERVICE_HEADERS = ['x-goog-if-generation-match', 'x-goog-if-metageneration-match', 'x-ms-if-match', 'x-amz-if-match',
  // DynamoDB's ConditionExpression on an SDK write, as code/sdks-dynamodb.ts names it (CONDITION_HEADER).
  'x-amz-condition-expression'];

/** A conditional header of the request, with its name lower-cased. */
export interface ConditionalHeader {
  readonly header: HeaderModel;
  readonly name: ConditionalName;
}

const NO_CONDITIONALS: readonly ConditionalHeader[] = [];

export class RequestFacts {
  /** The conditional headers, in the request's order. */
  readonly conditionals: readonly ConditionalHeader[];
  /** True when a service-specific precondition header (`SERVICE_HEADERS`) is sent. */
  readonly serviceHeader: boolean;
  /** The precondition the request carries whatever the configuration says (vocabulary.ts `hasWritePrecondition`). */
  guarded: boolean | undefined;
  // What the facts were worked out from: client code builds a request step by step, and asks in between. Not the
  // host: both models derive it from the URL (and a `.http` model works it out only when asked).
  private readonly method: string | undefined;
  private readonly url: string | undefined;
  private readonly headers: readonly HeaderModel[];
  private readonly headerCount: number;
  private readonly body: string | undefined;
  private targetMemo: WriteTarget | null | undefined;
  private serviceMemo: KnownService | null | undefined;

  constructor(readonly request: RequestModel) {
    this.method = request.method;
    this.url = request.url;
    this.headers = request.headers;
    this.headerCount = request.headers.length;
    this.body = request.body;
    let conditionals: ConditionalHeader[] | undefined;
    let serviceHeader = false;
    // Indexed loops here and in the rules' walks: a first lint runs in the interpreter, where `for…of` over an array
    // makes an iterator and a result object per element (docs/performance.md, tenth session).
    const headers = request.headers;
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i];
      // Told apart by the first character: the conditional headers lower-case to `i…`, the service ones to `x…`
      // (anything not ASCII is looked up).
      const c = h.name.charCodeAt(0);
      const first = c | 32;
      if (first !== 105 && first !== 120 && c < 128) continue;
      const lower = lowerCaseName(h.name);
      if ((CONDITIONAL_HEADERS as readonly string[]).includes(lower)) conditionals = appended(conditionals, { header: h, name: lower as ConditionalName });
      else if (SERVICE_HEADERS.includes(lower)) serviceHeader = true;
    }
    this.conditionals = conditionals ?? NO_CONDITIONALS;
    this.serviceHeader = serviceHeader;
  }

  /** The first header called `name` (a conditional one, lower-case), as `firstHeader` finds it. */
  first(name: ConditionalName): HeaderModel | undefined {
    const conditionals = this.conditionals;
    for (let i = 0; i < conditionals.length; i++) if (conditionals[i].name === name) return conditionals[i].header;
    return undefined;
  }

  /** True when some conditional header is called `name`. */
  has(name: ConditionalName): boolean {
    return this.first(name) !== undefined;
  }

  /** The request's write target (`targetOf`). */
  get target(): WriteTarget | undefined {
    if (this.targetMemo === undefined) this.targetMemo = targetOf(this.request) ?? null;
    return this.targetMemo ?? undefined;
  }

  /** The catalogued service the request goes to (`serviceOf`). */
  get service(): KnownService | undefined {
    if (this.serviceMemo === undefined) this.serviceMemo = serviceOf(this.request) ?? null;
    return this.serviceMemo ?? undefined;
  }

  /** True while the request still reads as it did when these facts were worked out. */
  describes(request: RequestModel): boolean {
    return this.request === request && this.method === request.method && this.url === request.url &&
      this.headers === request.headers && this.headerCount === request.headers.length && this.body === request.body;
  }
}

/** False when no header of `request` can be a conditional one (`RequestFacts.conditionals` is then empty). */
export function mayHaveConditional(request: RequestModel): boolean {
  const headers = request.headers;
  for (let i = 0; i < headers.length; i++) if (mayBeIfHeader(headers[i].name)) return true;
  return false;
}

/** The facts of the request the rules are at (one slot: the whole-file walk asks about one request at a time). */
let current: RequestFacts | undefined;
/** True while a microtask that empties the slot is queued. */
let emptying = false;

/**
 * The facts the whole-file walk (lint.ts) worked out for the request it is at, while the rules are at it: no request
 * changes while rules run, so a rule asking about that request needs no look at whether it still reads the same.
 */
let pinned: RequestFacts | undefined;

/** Lets go of the slot's request (and through it its model) once a lint is done with the requests. */
export function forgetFacts(): void {
  current = undefined;
  pinned = undefined;
}

/** Pins `facts` as those of their request until the next pin (undefined: none), while the rules are at it. */
export function pinFacts(facts: RequestFacts | undefined): void {
  pinned = facts;
}

function emptySlot(): void {
  emptying = false;
  current = undefined;
}

/**
 * The facts of `request`, worked out once while the rules are at it. The slot lasts the synchronous job that filled
 * it: a feature asking after a lint (a lens, a fix, the evidence explanation) would else keep that version's model
 * reachable, through the request, after its document is closed.
 */
export function factsOf(request: RequestModel): RequestFacts {
  if (pinned !== undefined && pinned.request === request) return pinned;
  const facts = current;
  if (facts !== undefined && facts.describes(request)) return facts;
  if (!emptying) {
    emptying = true;
    queueMicrotask(emptySlot);
  }
  return (current = new RequestFacts(request));
}
