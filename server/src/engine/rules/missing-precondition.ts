/**
 * missing-precondition: a PUT, PATCH or DELETE (POST when configured) without If-Match, If-Unmodified-Since,
 * `If-None-Match: *` or a service-specific precondition can overwrite someone else's update unseen — where the
 * server versions the resource. The evidence index says whether it does: with evidence, the configured level
 * and the evidence in the message; without any, a hint; out of scope by construction, nothing. `strict`
 * warns on every unguarded write.
 */
import { evidenceIndex, evidenceSentence, type Judgement } from '../evidence/index';
import type { RequestModel } from '../model/types';
import { byRequest, type Fix, type ReportedFinding, type Rule } from './types';
import { describeRequest, freshReadBefore, hasWritePrecondition, header, isWrite, withoutConditional } from './vocabulary';

export const missingPrecondition: Rule = {
  id: 'missing-precondition',
  defaultLevel: 'warning',
  summary: 'A write (PUT, PATCH, DELETE) carries no precondition, so it can silently overwrite a concurrent update.',
  languages: ['http', 'code'],
  ...byRequest({
    // The request and the evidence about its target; its fixes read the whole model when they are built.
    reads: 'evidence',
    check(req, ctx, report) {
      const config = ctx.config;
      if (!isWrite(req.method, config)) return;
      const conditional = hasWritePrecondition(req, config);
      if (conditional && hasWritePrecondition(withoutConditional(req), config)) return;
      const judgement = evidenceIndex(ctx.model, config).judge(req);
      if (!config.strict && judgement.decision === 'silent') return;
      const level = !config.strict && judgement.decision === 'hint' ? 'hint' : undefined;
      if (conditional) {
        report({ ...conditionalFinding(req), level });
        return;
      }
      report({
        message: messageFor(req, judgement, config.strict),
        range: req.anchor,
        level,
        // An If-None-Match with a tag is inverted-precondition's to fix (rename it): adding If-Match beside it
        // would give a request that fails whenever the two tags agree.
        fixes: header(req, 'If-None-Match') ? [] : () => guardFixes(req, ctx.model.requests),
      });
    },
  }),
};

const ADVICE = 'Send If-Match with the ETag you read (or If-None-Match: * to create only).';

function messageFor(req: RequestModel, j: Judgement, strict: boolean): string {
  const risk = `${req.method} without a precondition can overwrite a concurrent update unseen`;
  if (j.decision === 'warn') return `${risk}: ${evidenceSentence(j.evidence)}. ${ADVICE}`;
  if (j.hintOnly) return `${risk}: ${evidenceSentence(j.evidence)}; only a hint, as ${j.hintOnly}. ${ADVICE}`;
  if (strict && j.outOfScope) return `${risk} (${j.outOfScope}). ${ADVICE}`;
  const guess = j.evidence.find((e) => e.tentative);
  if (guess) {
    return `${risk}, if this is the service its path suggests (${guess.sentence}; nothing else in the workspace says so: ` +
      'run a GET of it, or see docs/precision.md). ' + ADVICE;
  }
  if (strict) return `${risk}. ${ADVICE}`;
  return `${risk}, if the server versions this resource (nothing in the workspace says it does; ` +
    'run a GET of it, or see docs/precision.md). ' + ADVICE;
}

/** A precondition sent only when a tag is at hand: the write is unguarded exactly when no ETag came back. */
function conditionalFinding(req: RequestModel): ReportedFinding {
  const h = req.headers.find((x) => x.conditional)!;
  return {
    message: `${req.method} sends ${h.name} only when a value is at hand: when no ETag came back it goes out with no ` +
      'precondition and can overwrite a concurrent update unseen. Refuse to write without the tag (or send ' +
      'If-None-Match: * when the resource is new).',
    range: req.anchor,
    fixes: [],
  };
}

function guardFixes(req: RequestModel, requests: readonly RequestModel[]): Fix[] {
  const fixes: Fix[] = [];
  // Only a read with no write to the resource after it: an older one would give a stale ETag.
  const read = freshReadBefore(requests, req);
  const ref = read && req.editor.referenceTo?.(read);
  if (read && ref) {
    fixes.push({
      title: `Add If-Match from ${describeRequest(read)}`,
      edits: [...ref.edits, ...req.editor.addHeader('If-Match', ref.expression)],
      preferred: true,
    });
  }
  const inserted = req.editor.insertReadBefore?.();
  if (inserted) {
    fixes.push({
      title: 'Insert a GET that captures the ETag before this write',
      edits: [...inserted.edits, ...req.editor.addHeader('If-Match', inserted.etagExpression)],
      preferred: fixes.length === 0,
    });
  }
  if (req.method === 'PUT' || req.method === 'POST') {
    fixes.push({ title: 'Add If-None-Match: * (create only, fail if it exists)', edits: req.editor.addHeader('If-None-Match', '*') });
  }
  return fixes;
}
