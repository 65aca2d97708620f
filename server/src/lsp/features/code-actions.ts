/**
 * Quick fixes: each finding carries its fixes (computed by the engine), so here we only match the
 * diagnostics in the request's context to findings and wrap their edits as a WorkspaceEdit.
 */
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { FixChecker, LintFinding } from '../../engine';
import { toDiagnostic } from './diagnostics';

function sameDiagnostic(d: Diagnostic, f: LintFinding): boolean {
  return d.code === f.ruleId && d.range.start.line === f.range.start.line &&
    d.range.start.character === f.range.start.character && d.range.end.line === f.range.end.line &&
    d.range.end.character === f.range.end.character;
}

/** `checker` (when given) drops a fix whose result does not parse or still has the finding. */
export function codeActions(params: CodeActionParams, findings: readonly LintFinding[], checker?: FixChecker): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || k.startsWith(CodeActionKind.QuickFix))) return [];
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const finding = findings.find((f) => sameDiagnostic(d, f));
    if (!finding) continue;
    for (const fix of checker ? checker.safeFixes(finding) : finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding)],
        isPreferred: fix.preferred,
        edit: { changes: { [params.textDocument.uri]: fix.edits } },
      });
    }
  }
  return actions;
}
