/**
 * The shape shared by the rules that judge each conditional header on its own (invalid-etag, invalid-http-date,
 * ignored-precondition): they run per request, only on requests that send one, and look at one header at a time.
 */
import type { RequestModel } from '../model/types';
import { factsOf, type ConditionalHeader } from './request-facts';
import { byRequest, type ReportedFinding, type Rule } from './types';

/** A per-request rule calling `check` with each conditional header of the request, in the request's order. */
export function byConditionalHeader(
  check: (conditional: ConditionalHeader, req: RequestModel, report: (finding: ReportedFinding) => void) => void,
): Pick<Rule, 'check' | 'perRequest'> {
  return byRequest({
    reads: 'request',
    needs: ['conditional'],
    check(req, _ctx, report) {
      const conditionals = factsOf(req).conditionals;
      // Indexed: a first lint runs in the interpreter (request-facts.ts says why).
      for (let i = 0; i < conditionals.length; i++) check(conditionals[i], req, report);
    },
  });
}
