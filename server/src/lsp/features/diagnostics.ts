/** Turns engine findings into LSP diagnostics: `code` = rule id, `codeDescription.href` = the rule's docs. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Level, LintFinding } from '../../engine';
import { docsUrl } from '../../engine';

export const SOURCE = 'etag-guard';

const SEVERITY: Record<Exclude<Level, 'off'>, DiagnosticSeverity> = {
  info: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

export function toDiagnostic(f: LintFinding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.level],
    code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) },
    source: SOURCE,
    message: f.message,
  };
}
