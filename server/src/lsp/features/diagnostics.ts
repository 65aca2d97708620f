/** Turns engine findings into LSP diagnostics: `code` = rule id, `codeDescription.href` = the rule's docs. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { FindingLevel, LintFinding } from '../../engine';
import { docsUrl } from '../../engine';

export const SOURCE = 'etag-guard';

/** A hint is drawn faintly in the editor and kept out of the Problems panel (LSP DiagnosticSeverity.Hint). */
const SEVERITY: Record<FindingLevel, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  info: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/**
 * Converted once per finding: an editor's incremental analysis keeps the findings of untouched requests as the
 * same objects from version to version, so a keystroke converts only the new ones.
 */
const converted = new WeakMap<LintFinding, Diagnostic>();

export function toDiagnostic(f: LintFinding): Diagnostic {
  let diagnostic = converted.get(f);
  if (!diagnostic) {
    diagnostic = {
      range: f.range,
      severity: SEVERITY[f.level],
      code: f.ruleId,
      codeDescription: { href: docsUrl(f.ruleId) },
      source: SOURCE,
      message: f.message,
    };
    converted.set(f, diagnostic);
  }
  return diagnostic;
}
