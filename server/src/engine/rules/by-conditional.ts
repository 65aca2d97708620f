/**
 * The shape shared by the rules that judge each conditional header on its own (invalid-etag, invalid-http-date,
 * ignored-precondition): they run per request, only on requests that send one, and look at one header at a time,
 * of the names they judge. The whole-file walk (lint.ts) calls the three from one pass over each request's
 * conditional headers (`eachConditional`); an editor's analysis calls `check` per request.
 */
import type { RequestModel } from '../model/types';
import { factsOf, type ConditionalHeader, type ConditionalName } from './request-facts';
import { byRequest, type ReportedFinding, type Rule } from './types';

/** A per-request rule calling `check` with each conditional header of the request called one of `names`, in the request's order. */
export function byConditionalHeader(
  names: readonly ConditionalName[],
  check: (conditional: ConditionalHeader, req: RequestModel, report: (finding: ReportedFinding) => void) => void,
): Pick<Rule, 'check' | 'perRequest'> {
  return byRequest({
    reads: 'request',
    needs: ['conditional'],
    eachConditional: { names, check },
    check(req, _ctx, report) {
      const conditionals = factsOf(req).conditionals;
      // Indexed: a first lint runs in the interpreter (request-facts.ts says why).
      for (let i = 0; i < conditionals.length; i++) if (names.includes(conditionals[i].name)) check(conditionals[i], req, report);
    },
  });
}
