/**
 * ESLint's JSON formatter shape, so existing ESLint tooling (CI annotations, dashboards) reads our output:
 * an array of `{filePath, messages, errorCount, warningCount, …}` with 1-based lines and columns.
 * Info findings appear as severity 1; their real level shows in SARIF. A message's `fix` is the checked
 * preferred fix as ESLint writes it: `range` in UTF-16 offsets into the file's text (after a byte-order mark,
 * as ESLint counts) and the replacement `text`; after --fix / --fix-dry-run, `output` is the fixed text.
 */
import type { EslintFix, LintFinding } from '../../engine';
import type { FileReport } from '../lint-files';

export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  fix?: EslintFix;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: never[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
  output?: string;
}

export function toEslintMessage(f: LintFinding, fix?: EslintFix): EslintMessage {
  return {
    ruleId: f.ruleId,
    severity: f.level === 'error' ? 2 : 1,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ...(fix ? { fix } : {}),
  };
}

export function toEslintResult(report: FileReport): EslintResult {
  const messages = report.findings.map((f, i) => toEslintMessage(f, report.fixes?.[i]));
  if (report.fatal) messages.unshift({ ruleId: null, severity: 2, message: report.fatal, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true });
  const hasFix = (f: LintFinding, i: number) => (report.fixes ? report.fixes[i] !== undefined : f.fixes.length > 0);
  const fixable = (sev: number) => report.findings.filter((f, i) => (f.level === 'error' ? 2 : 1) === sev && hasFix(f, i)).length;
  return {
    filePath: report.filePath,
    messages,
    suppressedMessages: [],
    errorCount: messages.filter((m) => m.severity === 2).length,
    fatalErrorCount: report.fatal ? 1 : 0,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: fixable(2),
    fixableWarningCount: fixable(1),
    usedDeprecatedRules: [],
    ...(report.fixing && report.fixing.original !== report.source ? { output: report.source } : {}),
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map(toEslintResult));
}
