/**
 * hardcoded-etag: an If-Match on a write holds an entity-tag typed into the file (or a variable holding one).
 * It matches only until the resource next changes; from then on the write fails with 412 every time, and the
 * usual "fix" is to paste a newer tag, which throws away the lost-update protection the header is for.
 */
import type { HeaderModel, RequestModel } from '../model/types';
import { parseEntityTagList } from '../semantics/entity-tag';
import { byRequest, type Fix, type ReportedFinding, type Rule, type RuleContext } from './types';
import { describeRequest, effectiveValue, freshReadBefore, isWrite, looksLikeFhir } from './vocabulary';
import { appended } from '../text/compact-list';
import { literalServiceGuards } from '../services/literal-guards';
import { readHeadersOf } from '../services/recognise';
import { factsOf } from './request-facts';
import { readNotServed } from '../evidence/reads';
import { rangeOf } from '../text/span';

export const hardcodedEtag: Rule = {
  id: 'hardcoded-etag',
  defaultLevel: 'info',
  summary: 'An If-Match on a write holds a literal entity-tag, which goes stale with the next change to the resource.',
  languages: ['http', 'code'],
  ...byRequest({
    reads: 'request',
    needs: ['write'],
    check(req, ctx, report) {
      if (!isWrite(req.method, ctx.config)) return;
      checkLiteralTags(req, ctx, report);
      checkServiceLiterals(req, report);
    },
  }),
};

type Report = (finding: ReportedFinding) => void;

/** Reports each If-Match of the write `req` that holds entity-tags typed in. */
function checkLiteralTags(req: RequestModel, ctx: RuleContext, report: Report): void {
  // If-None-Match with a tag on a write is inverted-precondition's finding: reporting it twice is noise.
  // Indexed, and a list only for a literal (most If-Match are captured): a first lint runs in the interpreter.
  const conditionals = factsOf(req).conditionals;
  let literal: HeaderModel[] | undefined;
  for (let i = 0; i < conditionals.length; i++) {
    if (conditionals[i].name === 'if-match' && holdsLiteralTags(conditionals[i].header)) literal = appended(literal, conditionals[i].header);
  }
  // A FHIR versioned update names the version it expects on purpose (`If-Match: W/"1"`, FHIR RESTful API,
  // "Managing Resource Contention"): there the literal is the request's meaning, as weak-etag-in-if-match holds.
  if (literal === undefined || looksLikeFhir(req)) return;
  for (const h of literal) report(literalTagFinding(req, h, ctx));
}

/** The finding on one literal If-Match (a function of its own: what its fixes keep is captured only for a finding). */
function literalTagFinding(req: RequestModel, h: HeaderModel, ctx: RuleContext): ReportedFinding {
  return {
    message: `${h.name} holds a fixed entity-tag (${effectiveValue(h)!.trim()}): it matches only until the resource next changes, ` +
      'then this write fails with 412. Capture the ETag from a read of the resource instead.',
    range: rangeOf(h.valueRange),
    fixes: () => captureFixes(ctx.model.requests, req, h, readNotServed(req, ctx.config), ctx.language),
  };
}

/** True when `h` holds entity-tags typed into the file (or a variable holding them), not a template. */
function holdsLiteralTags(h: HeaderModel): boolean {
  if (h.source.kind !== 'literal') return false;
  const value = effectiveValue(h);
  return value !== undefined && !value.includes('{{') && parseEntityTagList(value).tags.length > 0;
}

/** `version` and `cas` mean a precondition only on the services that define them. */
function ownsParam(param: string, req: RequestModel): boolean {
  return param === 'version' ? factsOf(req).service?.id === 'elasticsearch' : param === 'cas' ? factsOf(req).service?.id === 'consul-kv' : true;
}

/** Service-specific versions typed into the request (Elasticsearch `?version=3`, a CouchDB `_rev` in the body). */
function checkServiceLiterals(req: RequestModel, report: Report): void {
  const typed = literalServiceGuards(req, ownsParam);
  if (typed.length === 0) return;
  const service = factsOf(req).service;
  report({
    message: `${typed.map((g) => g.text).join(' and ')} ${typed.length > 1 ? 'are versions' : 'is a version'} typed into the ${req.method}: ` +
      'it matches only until the resource next changes, then this write fails every time. ' +
      `Read the current version${service?.fix ? ` (${service.fix.from})` : ''} and send that.`,
    range: rangeOf(req.anchor),
    fixes: [],
  });
}

/**
 * Use the ETag of a fresh read of the resource, else insert one; where the API serves no read of it (`noRead`),
 * take the ETag from the user (`# @prompt` in `.http`, a parameter in code).
 */
function captureFixes(requests: readonly RequestModel[], req: RequestModel, h: HeaderModel, noRead: string | undefined, language: 'http' | 'code'): Fix[] {
  const fixes: Fix[] = [];
  const read = freshReadBefore(requests, req);
  const ref = read && req.editor.referenceTo?.(read);
  if (read && ref) {
    fixes.push({
      title: `Use the ETag read by ${describeRequest(read)}`,
      edits: [...ref.edits, { range: rangeOf(h.valueRange), newText: ref.expression }],
      preferred: true,
    });
  } else if (noRead) {
    const asked = req.editor.addEtagParameter?.();
    if (asked) {
      fixes.push({
        title: language === 'http' ? `Ask for the ETag when the request is sent (${asked.expression}; ${noRead})`
          : `Take the ETag as an ${asked.expression} parameter (${noRead})`,
        edits: [...asked.edits, { range: rangeOf(h.valueRange), newText: asked.expression }],
        preferred: true,
      });
    }
  } else {
    const inserted = req.editor.insertReadBefore?.(readHeadersOf(req));
    if (inserted) {
      fixes.push({
        title: 'Insert a GET that captures the ETag, and use it',
        edits: [...inserted.edits, { range: rangeOf(h.valueRange), newText: inserted.etagExpression }],
        preferred: true,
      });
    }
  }
  return fixes;
}
