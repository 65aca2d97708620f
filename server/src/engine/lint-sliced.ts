/**
 * Lints a large `.http` text slice by slice (see http/slices.ts). Each slice sees the whole file's variables,
 * handler captures and request names, so a reference into an earlier slice is not reported as unknown; rules
 * that compare two requests (stale-etag, etag-from-other-resource) only compare requests of the same slice, so
 * a large file can miss such a finding across a boundary but never gains a false one. Up to
 * `WHOLE_LINT_MAX_CHARS` a text is linted whole, as the language server analyses it, so the CLI and the editor
 * agree on it.
 */
import type { EngineConfig } from './config/config';
import { ANY_NAME } from './config/environment-names';
import { isSuppressed } from './http/directives';
import { sliceContext, sliceHttp, SLICE_THRESHOLD_CHARS, type SliceContext } from './http/slices';
import { classifyTemplate } from './http/templates';
import { levelOf, lintHttp, type LintFinding, type LintResult } from './lint';
import { RULES } from './rules/registry';
import { partTooLarge } from './rules/part-too-large';
import { tooManyFindings } from './rules/too-many-findings';
import type { Rule } from './rules/types';
import type { Range } from './text/types';

export { SLICE_THRESHOLD_CHARS };

/**
 * Texts up to this size are linted whole, as the language server analyses them (`lsp/analyzer.ts` lints
 * incrementally up to the same size): slices would cite slice-relative lines in messages ("the PUT on line 120")
 * and miss what crosses a cut (a stale ETag captured in one slice). A whole first lint costs about what the slices
 * cost (docs/performance.md, "Issue 16, seventeenth session").
 */
export const WHOLE_LINT_MAX_CHARS = 2 * SLICE_THRESHOLD_CHARS;

/** A slice this long (no `###` to cut it at) is not parsed: a million header or variable lines are gigabytes of tree. */
export const MAX_SLICE_PARSE_CHARS = 8 * 1024 * 1024;

/** Findings listed for one large file; the rest are counted in one `too-many-findings` notice. */
export const MAX_FINDINGS_PER_LARGE_FILE = 10_000;

/** A large file's findings, slice after slice, up to the cap; past it only counted. */
export class CappedFindings {
  readonly findings: LintFinding[] = [];
  private dropped = 0;
  private firstDropped: Range | undefined;

  constructor(private readonly config: EngineConfig, private readonly cap = MAX_FINDINGS_PER_LARGE_FILE) {}

  add(part: readonly LintFinding[]): void {
    for (const f of part) {
      if (this.findings.length < this.cap) this.findings.push(f);
      else if (this.dropped++ === 0) this.firstDropped = f.range;
    }
  }

  /** The findings kept, and the notice when some were left out (unless the notice is turned off). */
  result(): LintFinding[] {
    const level = levelOf(tooManyFindings, this.config);
    if (this.dropped === 0 || level === 'off' || !this.firstDropped) return this.findings;
    const message = `${this.dropped.toLocaleString('en')} more findings from here on are not listed: a large file reports at most ` +
      `${this.cap.toLocaleString('en')}. Fix the ones listed (or turn their rules off) and lint again.`;
    return [...this.findings, { ruleId: tooManyFindings.id, level, range: this.firstDropped, fixes: [], message }];
  }
}

/** True when `text` is linted in slices. */
export function isLargeHttp(text: string): boolean {
  return text.length > WHOLE_LINT_MAX_CHARS;
}

/** The findings of each slice in turn, in whole-text lines. A host may pause between them. */
export function* lintHttpSlices(text: string, config: EngineConfig, rules: readonly Rule[] = RULES): Generator<LintResult> {
  const context = sliceContext(text);
  const shared = sharedConfig(config, context);
  for (const slice of sliceHttp(text)) {
    if (slice.text.length > MAX_SLICE_PARSE_CHARS) {
      yield { findings: notParsed(slice.line, slice.text.length, config), failures: [] };
      continue;
    }
    const result = lintHttp(slice.text, shared, rules);
    let lines: string[] | undefined;
    const lineOf = (n: number) => (lines ??= slice.text.split('\n'))[n] ?? '';
    const findings = result.findings
      .filter((f) => !crossSliceReference(f, lineOf, slice.line, context))
      .map((f) => shift(f, slice.line))
      .filter((f) => slice.line === 0 || !isSuppressed(context.directives.filter((d) => d.line < slice.line), f.ruleId, f.range.start.line));
    yield { findings, failures: result.failures };
  }
}

/**
 * Lints `text` whole, or in slices when it is large. Above `SLICE_THRESHOLD_CHARS` findings come without fixes,
 * whole or sliced: large files get findings only (no quick fixes, no `--fix`), and a fix check would lint the
 * fixed text again.
 */
export function lintHttpText(text: string, config: EngineConfig, rules: readonly Rule[] = RULES): LintResult {
  if (text.length <= SLICE_THRESHOLD_CHARS) return lintHttp(text, config, rules);
  if (!isLargeHttp(text)) {
    const { findings, failures } = lintHttp(text, config, rules);
    return { findings: findings.map((f) => withoutFixes(f)), failures };
  }
  const findings = new CappedFindings(config);
  const failures: LintResult['failures'] = [];
  for (const part of lintHttpSlices(text, config, rules)) {
    findings.add(part.findings);
    for (const f of part.failures) if (!failures.some((x) => x.ruleId === f.ruleId && x.error === f.error)) failures.push(f);
  }
  return { findings: findings.result(), failures };
}

/** The configuration every slice is linted with: the file's variables and captured names act as an environment. */
function sharedConfig(config: EngineConfig, context: SliceContext): EngineConfig {
  const names = [...config.environmentNames, ...Object.keys(context.variables), ...context.handlerVariables, ...context.requestNames.keys()];
  if (context.hasScripts) names.push(ANY_NAME);
  return { ...config, environmentVariables: { ...context.variables, ...config.environmentVariables }, environmentNames: names };
}

/** An unknown-reference to a request that an earlier slice names: defined, just not in this slice. */
function crossSliceReference(f: LintFinding, lineOf: (n: number) => string, firstLine: number, context: SliceContext): boolean {
  if (f.ruleId !== 'unknown-reference') return false;
  const line = lineOf(f.range.start.line);
  const template = line.slice(f.range.start.character + 2, f.range.end.character - 2).trim();
  const parsed = classifyTemplate(template);
  if (parsed.kind !== 'request-ref') return false;
  const declared = context.requestNames.get(parsed.request);
  return declared !== undefined && declared < firstLine + f.range.start.line;
}

/**
 * The finding without fixes: a fix is computed from the syntax tree it was found in, and keeping a large file's
 * trees (every slice's, or the whole file's) for fixes nobody may ask for is the memory the slices exist to save.
 * Large files get findings only (no quick fixes, no `--fix`).
 */
function withoutFixes(f: LintFinding, range = f.range): LintFinding {
  // Field by field: spreading would compute the deferred fixes.
  return { ruleId: f.ruleId, message: f.message, range, level: f.level, fixes: [] };
}

/** The finding of a slice starting at `lines`, in whole-text lines and without fixes. */
function shift(f: LintFinding, lines: number): LintFinding {
  const move = (r: Range): Range => ({ start: { ...r.start, line: r.start.line + lines }, end: { ...r.end, line: r.end.line + lines } });
  return withoutFixes(f, move(f.range));
}

/** The `part-too-large` notice for a slice not parsed, at its first line (none when the rule is off). */
function notParsed(line: number, chars: number, config: EngineConfig): LintFinding[] {
  const level = levelOf(partTooLarge, config);
  if (level === 'off') return [];
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const message = `Not analysed: ${mb(chars)} from here on hold no \`###\` separator to cut at (over ${mb(MAX_SLICE_PARSE_CHARS)}). ` +
    'Split the requests with ### lines, or move large bodies to files (< ./body.json).';
  return [{ ruleId: partTooLarge.id, level, range: { start: { line, character: 0 }, end: { line, character: 0 } }, fixes: [], message }];
}
