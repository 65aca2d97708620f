/**
 * How each write of a client-code file is judged, for `etag-guard lint --explain-evidence`: the decision of the
 * missing-precondition rule (warn / hint / silent) with every piece of evidence, where a warning's message shows only
 * the first ("and more: etag-guard lint --explain-evidence"). Writes the rule reports in another form say which:
 * a guard fetched right before the write, a save helper's write naming the callers that loaded what it saves. Helpers
 * imported from the project's other modules are not followed here (the lint follows them), so a judgement that
 * depends on one may differ.
 */
import type { EngineConfig } from '../config/config';
import type { Evidence } from '../evidence/types';
import type { DocumentModel, RequestModel } from '../model/types';
import { judgeWrite } from '../rules/missing-precondition';
import { hasWritePrecondition, isWrite } from '../rules/vocabulary';
import { startLineOf } from '../text/span';
import { buildCodeModel } from './code-model';
import { codeContext, normalizeLineBreaks } from './lint-code';
import { grammarOf, type CodeLanguage, type CodeParsers } from './parsers';

export interface ExplainedWrite {
  /** 1-based line of the write. */
  line: number;
  method: string;
  /** The object or URL written, as the analysis names it. */
  url: string;
  /** `warn`, `hint`, `silent`, or `guarded` (it sends a precondition). */
  decision: string;
  /** Why, when the decision is not a plain warning: the hint's reason, what puts it out of scope, how it is reported. */
  why?: string;
  evidence: readonly Evidence[];
}

/** Every write of the file with its judgement; undefined when no parser for the language is loaded. */
export function explainCodeWrites(text: string, language: CodeLanguage, config: EngineConfig, parsers: CodeParsers): ExplainedWrite[] | undefined {
  const source = normalizeLineBreaks(text);
  const tree = parsers.parserFor(grammarOf(language))?.parse(source);
  if (!tree) return undefined;
  try {
    const model = buildCodeModel(codeContext(tree, source, language, config), { literals: [], produced: new Set() });
    return model.requests.filter((r) => isWrite(r.method, config)).map((r) => explained(r, model, config));
  } finally {
    tree.delete();
  }
}

function explained(r: RequestModel, model: DocumentModel, config: EngineConfig): ExplainedWrite {
  const head = { line: startLineOf(r.anchor) + 1, method: r.method!, url: r.url ?? '' };
  if (hasWritePrecondition(r, config)) return { ...head, decision: 'guarded', why: 'it sends a precondition', evidence: [] };
  const j = judgeWrite(r, model, config, 'code');
  const reported = r.guardFetched ? 'reported as a guard fetched right before the write'
    : r.lostAt && j.decision === 'warn' ? `reported with the ${r.lostAt.length === 1 ? 'caller' : 'callers'} that loaded what it saves` : undefined;
  const why = j.outOfScope ?? j.hintOnly ?? reported ?? (j.evidence.length === 0 ? 'no evidence' : undefined);
  return { ...head, decision: j.decision, ...(why ? { why } : {}), evidence: j.evidence };
}
