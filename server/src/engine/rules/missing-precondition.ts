/**
 * missing-precondition: a PUT, PATCH or DELETE (POST when configured) without If-Match, If-Unmodified-Since,
 * `If-None-Match: *` or a service-specific precondition can overwrite someone else's update unseen — where the
 * server versions the resource. The evidence index says whether it does: with evidence, the configured level
 * and the evidence in the message; without any, a hint; out of scope by construction, nothing. `strict`
 * warns on every unguarded write.
 */
import { evidenceIndex, evidenceSentence, type Judgement } from '../evidence/index';
import { declaresCreate, indexesDocument } from '../evidence/intent';
import { readNotServed } from '../evidence/reads';
import type { EngineConfig } from '../config/config';
import type { DocumentModel, RequestModel } from '../model/types';
import { serviceOf } from '../services/recognise';
import type { TextEdit } from '../text/types';
import { codeCatalogueOnly } from './code-catalogue-only';
import { byRequest, type Fix, type ReportedFinding, type Rule, type RuleContext } from './types';
import { wildcardFinding, wildcardOverwrite } from './wildcard-overwrite';
import { describeRequest, freshReadBefore, hasWritePrecondition, header, isWrite, withoutConditional } from './vocabulary';
import { rangeOf, startLineOf } from '../text/span';

export const missingPrecondition: Rule = {
  id: 'missing-precondition',
  defaultLevel: 'warning',
  summary: 'A write (PUT, PATCH, DELETE) carries no precondition, so it can silently overwrite a concurrent update.',
  languages: ['http', 'code'],
  ...byRequest({
    // The request and the evidence about its target; its fixes read the whole model when they are built.
    reads: 'evidence',
    needs: ['write'],
    check(req, ctx, report) {
      const config = ctx.config;
      if (!isWrite(req.method, config)) return;
      if (req.guardFetched) {
        // Only where another function of the file loads the resource (`loadNotes()`, `fetchJsonData(path)`) is there
        // a copy the write may be sending back. Without such a loader the content came from elsewhere (a request, a
        // generator, a generic helper's callers) and the fetch only serves the API's update form: blind by design, as
        // the judged writes say (0 of 3 wanted without a loader across the frozen sets, 2 of 3 with one; the SDK form
        // already needed a loader: code/fetched-guard.ts).
        report({ ...fetchedGuardFinding(req, ctx.model.requests), level: req.guardFetched.loadedBy === undefined && !config.strict ? 'hint' : undefined });
        return;
      }
      const wildcard = wildcardOverwrite(req, ctx.model.requests, config, ctx.language);
      if (wildcard) {
        // Echo hosts, presigned URLs and the like stay out of scope, wildcard or not.
        if (config.strict || !judgeWrite(req, ctx.model, config, ctx.language).outOfScope) report(wildcardFinding(req, wildcard));
        return;
      }
      const conditional = hasWritePrecondition(req, config);
      if (conditional && hasWritePrecondition(withoutConditional(req), config)) return;
      const judgement = judgeWrite(req, ctx.model, config, ctx.language);
      if (!config.strict && judgement.decision === 'silent') return;
      const level = !config.strict && judgement.decision === 'hint' ? 'hint' : undefined;
      if (conditional) {
        // A request helper's optional tag (a parameter): its callers decide whether one is at hand.
        const fromCaller = req.headers.some((h) => h.conditional && h.tagFromCaller);
        report({ ...conditionalFinding(req, fromCaller), level: level ?? (fromCaller && !config.strict ? 'hint' : undefined) });
        return;
      }
      if (req.lostAt && judgement.decision === 'warn') {
        report(lostAtFinding(req, req.lostAt));
        return;
      }
      report(unguardedFinding(req, judgement, level, ctx));
    },
  }),
};

/**
 * The finding on a write with no precondition. A function of its own: what its deferred fixes keep (the request, the
 * context) is captured only for a finding, not on every call of `check` (most writes are guarded).
 */
function unguardedFinding(req: RequestModel, judgement: Judgement, level: 'hint' | undefined, ctx: RuleContext): ReportedFinding {
  const config = ctx.config;
  return {
    message: messageFor(req, judgement, config.strict),
    range: rangeOf(req.anchor),
    level,
    // An If-None-Match with a tag is inverted-precondition's to fix (rename it): adding If-Match beside it
    // would give a request that fails whenever the two tags agree.
    // An SDK call's guard is a parameter of its own (its advice says which), not a header a fix could add.
    fixes: header(req, 'If-None-Match') || req.sdk ? [] : () => guardFixes(req, ctx.model.requests, { language: ctx.language, noRead: readNotServed(req, config) }),
  };
}

/**
 * The rule's judgement of a write: the evidence index's, then what the kind of write makes of evidence that is only
 * the catalogue's. `--explain-evidence` prints this, so it says what the rule does.
 */
export function judgeWrite(req: RequestModel, model: DocumentModel, config: EngineConfig, language: 'http' | 'code'): Judgement {
  const requests = model.requests;
  return httpCatalogueOnly(req, codeCatalogueOnly(req, evidenceIndex(model, config).judge(req), language, requests), language, requests);
}

/**
 * `.http` writes where only the catalogue speaks: it says what the service does in general, and a request file is
 * full of writes that mean "whatever is there". Measured on real request files nobody here wrote (docs/precision.md),
 * the warnings their maintainers wanted were the reads followed by a write of the same resource (a read-modify-write
 * done by hand); cleanups, seeds, course steps and uploads that read nothing first were not. So (client code has its
 * own rule, code-catalogue-only.ts):
 * - a DELETE is a hint, read before or not: a delete means whatever is there;
 * - another write is a warning only right after a read of the same resource (nothing changed it in between); else a
 *   hint, and so is a PUT that indexes an Elasticsearch document its author does not call an update (intent.ts);
 * - a path that only suggests a service (a tentative guess, a hint alone) warns when the file reads the resource
 *   right before writing it: the service's versioning and the file's read-modify-write agree.
 * Evidence about the resource itself (an ETag captured, If-Match sent to it, an OpenAPI document, a response seen)
 * and services that refuse a write without their precondition (Planner) still warn.
 */
function httpCatalogueOnly(req: RequestModel, j: Judgement, language: 'http' | 'code', requests: readonly RequestModel[]): Judgement {
  if (language !== 'http') return j;
  if (j.decision === 'hint' && !j.hintOnly && j.evidence.length && j.evidence.every((e) => e.tentative)) {
    const read = req.method === 'DELETE' ? undefined : freshReadBefore(requests, req);
    if (!read) return j;
    const guess = j.evidence[0];
    const sentence = `${guess.sentence}, and the file reads the resource right before this write (the ${read.method} on line ${startLineOf(read.anchor) + 1})`;
    return { ...j, decision: 'warn', evidence: [{ kind: guess.kind, verdict: guess.verdict, sentence, document: guess.document }] };
  }
  if (j.decision !== 'warn' || !j.evidence.every((e) => e.kind === 'catalogue')) return j;
  const known = serviceOf(req);
  if (known?.requiredOn && req.target !== undefined && known.requiredOn.test(req.target)) return j;
  if (req.method === 'DELETE') {
    return { ...j, decision: 'hint', hintOnly: 'only the catalogue says the service versions it, and a delete means whatever is there' };
  }
  if (indexesDocument(req)) {
    return { ...j, decision: 'hint', hintOnly: 'the request indexes an Elasticsearch document and does not say it updates one: PUT …/_doc/{id} stores the document whole, whether it exists or not' };
  }
  if (freshReadBefore(requests, req)) return j;
  return { ...j, decision: 'hint', hintOnly: 'only the catalogue says the service versions it, and nothing in the file reads the resource right before this write' };
}

const ADVICE = 'Send If-Match with the ETag you read (or If-None-Match: * to create only).';
const NO_PRECONDITION_ADVICE = 'No precondition can be sent there: re-read right before writing, or keep data several writers edit where writes can be guarded.';

/**
 * What to send, in the words of the service's own precondition when the catalogue knows it (Consul `?cas=`,
 * Elasticsearch `if_seq_no` + `if_primary_term`, Kubernetes `metadata.resourceVersion`): "Send If-Match" would
 * point a Consul user at a header Consul ignores.
 */
function adviceFor(req: RequestModel): string {
  if (req.sdk) return req.sdk.advice;
  const service = serviceOf(req);
  // Nothing can be sent (catalogue `none`): say what is left rather than name a header the service ignores.
  if (service?.versioning === 'none') return NO_PRECONDITION_ADVICE;
  const fix = service?.fix;
  if (!fix) return ADVICE;
  const only = fix.createOnly?.header ? `${fix.createOnly.header[0]}: ${fix.createOnly.header[1]}`
    : fix.createOnly?.queryParam ? `?${fix.createOnly.queryParam[0]}=${fix.createOnly.queryParam[1]}` : undefined;
  const createOnly = only ? ` (or ${only} to create only)` : '';
  if (fix.header) return `Send ${fix.header[0]} with ${fix.from}${createOnly}.`;
  if (fix.queryParam) {
    const name = fix.queryParam[0];
    const pair = service.guards?.pairedQueryParams?.find((p) => p[0] === name);
    return `Send ${pair ? `?${pair[0]}= and ${pair[1]}=` : `?${name}=`} with ${fix.from}${createOnly}.`;
  }
  return `Send ${fix.from}${createOnly}.`;
}

function messageFor(req: RequestModel, j: Judgement, strict: boolean): string {
  const risk = `${req.method} without a precondition can overwrite a concurrent update unseen`;
  const advice = adviceFor(req);
  if (j.decision === 'warn') return `${risk}: ${evidenceSentence(j.evidence)}. ${advice}`;
  if (j.hintOnly) return `${risk}: ${evidenceSentence(j.evidence)}; only a hint, as ${j.hintOnly}. ${advice}`;
  if (strict && j.outOfScope) return `${risk} (${j.outOfScope}). ${advice}`;
  const guess = j.evidence.find((e) => e.tentative);
  if (guess) {
    return `${risk}, if this is the service its path suggests (${guess.sentence}; nothing else in the workspace says so: ` +
      'run a GET of it, or see docs/precision.md). ' + advice;
  }
  if (strict) return `${risk}. ${advice}`;
  return `${risk}, if the server versions this resource (nothing in the workspace says it does; ` +
    'run a GET of it, or see docs/precision.md). ' + advice;
}

/**
 * A save helper's write, reported on the write with every caller that loaded the object, changed it and saved it
 * through the helper (code/sdk-helper-pairs.ts): the guard belongs to the write, where the SDK call is, and the
 * message names each caller whose update it can lose. The version it needs comes from the callers' loads, so the
 * advice stays the SDK's.
 */
function lostAtFinding(req: RequestModel, callers: NonNullable<RequestModel['lostAt']>): ReportedFinding {
  return {
    message: `${req.method} without a precondition can overwrite a concurrent update unseen: ${callers.map((c) => c.sentence).join('; ')}. ${adviceFor(req)}`,
    range: rangeOf(req.anchor),
    fixes: [],
  };
}

/**
 * A precondition sent only when a tag is at hand: the write is unguarded exactly when no ETag came back. When the tag
 * is the function's parameter, that is up to its callers (a hint in default mode).
 */
function conditionalFinding(req: RequestModel, fromCaller: boolean): ReportedFinding {
  const h = req.headers.find((x) => x.conditional)!;
  const when = fromCaller ? 'only when a value is at hand, a tag its caller passes: a call without one' : 'only when a value is at hand: when no ETag came back it';
  return {
    message: `${req.method} sends ${h.name} ${when} goes out with no ` +
      'precondition and can overwrite a concurrent update unseen. Refuse to write without the tag (or send ' +
      'If-None-Match: * when the resource is new).',
    range: rangeOf(req.anchor),
    fixes: [],
  };
}

/** A guard taken from a read right before the write, of data that came from elsewhere (code/fetched-guard.ts). */
function fetchedGuardFinding(req: RequestModel, requests: readonly RequestModel[]): ReportedFinding {
  const { read, guard, loadedBy } = req.guardFetched!;
  const loader = loadedBy === undefined ? '' : ` (the data may come from ${describeRequest(requests[loadedBy])}, which reads the same resource)`;
  const elsewhere = loadedBy === undefined
    ? ' Nothing else in the file loads the resource: if the data was not loaded from it somewhere else, replacing it is the intent.' : '';
  return {
    message: `${req.method} sends ${guard} of ${describeRequest(requests[read])}, fetched right before it, but what it writes did not ` +
      `come from that read${loader}: the check cannot fail, and a change saved since the data was loaded is overwritten unseen.${elsewhere} ` +
      'Send the version of the read the data came from (keep it with the data, or take it as a parameter).',
    range: rangeOf(req.anchor),
    fixes: [],
  };
}

interface FixContext {
  language: 'http' | 'code';
  /** Why no read may be inserted before the write (the API declares no GET on its path), if so. */
  noRead: string | undefined;
}

function guardFixes(req: RequestModel, requests: readonly RequestModel[], { language, noRead }: FixContext): Fix[] {
  const service = serviceOf({ url: req.url, host: req.host });
  // Services whose precondition is a query parameter or a body field (Elasticsearch, Consul, Kubernetes, Vault)
  // ignore If-Match: a header fix would silence the finding without protecting anything.
  const form = service ? service.fix?.header : (['If-Match', 'etag'] as const);
  const createOnly = service ? service.fix?.createOnly?.header : (['If-None-Match', '*'] as const);
  const fixes: Fix[] = [];
  const absent = req.absentAfterRead === undefined ? undefined : requests[req.absentAfterRead];
  // The code checked that the resource is not there, or the author calls the write a create: it means to create,
  // and must not replace one created meanwhile.
  const creates = absent ? `${describeRequest(absent)} checked that it is absent` : declaresCreate(req) ? 'the request says it creates the resource' : undefined;
  if (creates && createOnly && (req.method === 'PUT' || req.method === 'POST')) {
    fixes.push({
      title: `Add ${createOnly[0]}: ${createOnly[1]} (create only: ${creates})`,
      edits: req.editor.addHeader(createOnly[0], createOnly[1]),
      preferred: true,
    });
  }
  if (!form) return fixes;
  const name = form[0];
  const versionHeader = service?.fix?.responseHeader;
  // Only a read with no write to the resource after it: an older one would give a stale ETag. A version kept
  // in another response header is threaded in code only (a `.http` reference names the ETag).
  const read = versionHeader && language === 'http' ? undefined : freshReadBefore(requests, req);
  const ref = read && req.editor.referenceTo?.(read, versionHeader);
  if (read && ref) {
    // A service that returns its version only when asked (Firebase) must be asked by the read threaded from.
    const ask = (service?.fix?.readHeaders ?? []).filter(([h]) => !header(read, h)).flatMap(([h, v]) => read.editor.addHeader(h, v));
    fixes.push({
      title: `Add ${name} from ${describeRequest(read)}`,
      edits: [...ask, ...ref.edits, ...req.editor.addHeader(name, ref.expression)],
      preferred: fixes.length === 0,
    });
  }
  // In code, the read in scope produced the data written: a read inserted right before the write would take a
  // newer ETag and protect nothing that was read earlier.
  const threaded = language === 'code' && read !== undefined && ref !== undefined;
  // A `.http` file asks for the ETag when sent (`# @prompt`) only where no read can be inserted.
  const parameter = threaded || versionHeader || (language === 'http' && !noRead) ? undefined : req.editor.addEtagParameter?.();
  const inserted = threaded || versionHeader || noRead ? undefined : req.editor.insertReadBefore?.(service?.fix?.readHeaders);
  // The body arrives as a parameter: the caller read it, and only the caller's ETag protects it.
  if (parameter && (parameter.dataFromCaller || !inserted)) fixes.push(parameterFix(req, parameter, { header: name, preferred: fixes.length === 0, noRead, language }));
  if (inserted) {
    fixes.push({
      title: 'Insert a GET that captures the ETag before this write',
      edits: [...inserted.edits, ...req.editor.addHeader(name, inserted.etagExpression)],
      preferred: fixes.length === 0,
    });
  }
  if (parameter && !parameter.dataFromCaller && inserted) fixes.push(parameterFix(req, parameter, { header: name, preferred: false, noRead, language }));
  if (!creates && createOnly && (req.method === 'PUT' || req.method === 'POST')) {
    fixes.push({ title: `Add ${createOnly[0]}: ${createOnly[1]} (create only, fail if it exists)`, edits: req.editor.addHeader(createOnly[0], createOnly[1]) });
  }
  return fixes;
}

interface ParameterFixOptions {
  header: string;
  preferred: boolean;
  noRead: string | undefined;
  language: 'http' | 'code';
}

function parameterFix(req: RequestModel, p: { edits: TextEdit[]; expression: string }, { header, preferred, noRead, language }: ParameterFixOptions): Fix {
  const why = noRead ? `; ${noRead}` : '';
  return {
    title: language === 'http'
      ? `Add ${header}: ${p.expression}, asked for when the request is sent (the ETag of the read your change is based on${why})`
      : `Add an ${p.expression} parameter and send it as ${header} (the caller passes the ETag of its read${why})`,
    edits: [...p.edits, ...req.editor.addHeader(header, p.expression)],
    preferred,
  };
}
