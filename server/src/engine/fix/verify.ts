/**
 * Every fix is checked before it is offered or written: the fixed text is parsed and linted again, and the
 * fix is dropped when it adds a syntax error (tree-sitter ERROR/MISSING nodes in code, parse problems in
 * `.http`) or when the finding it claims to fix is still there. Pure: the host supplies `relint`, the same
 * lint it ran on the original text.
 */
import type { LintFinding, LintResult } from '../lint';
import type { Fix } from '../rules/types';
import { applyTextEdits } from '../text/edits';
import type { TextEdit } from '../text/types';
import { mapOffset, Offsets, spansOf } from './offsets';

/** Lints a text the way the original was linted (same language, configuration and parsers). */
export type Relint = (text: string) => LintResult;

/** A text after some fixes, and what linting it found. */
export interface FixOutcome {
  text: string;
  result: LintResult;
}

export class FixChecker {
  private offsetsOfText: Offsets | undefined;
  private readonly verdicts = new Map<Fix, FixOutcome | undefined>();

  constructor(readonly text: string, readonly before: LintResult, private readonly relint: Relint) {}

  /**
   * The text's offsets, built on the first check, not per analysis: the language server makes a checker for every
   * version typed. Public so a host converting fixes to offsets (`--format json`) need not build them again.
   */
  get offsets(): Offsets {
    return (this.offsetsOfText ??= new Offsets(this.text));
  }

  /** The outcome of applying one fix, or undefined when the fix breaks the syntax or leaves its finding. */
  check(finding: LintFinding, fix: Fix): FixOutcome | undefined {
    if (!this.verdicts.has(fix)) this.verdicts.set(fix, this.apply([{ finding, edits: fix.edits }]));
    return this.verdicts.get(fix);
  }

  /** The fixes of a finding that pass the check. */
  safeFixes(finding: LintFinding): Fix[] {
    return finding.fixes.filter((fix) => this.check(finding, fix) !== undefined);
  }

  /** Applies several findings' edits together; undefined when any finding survives or syntax gets worse. */
  apply(changes: ReadonlyArray<{ finding: LintFinding; edits: readonly TextEdit[] }>): FixOutcome | undefined {
    const edits = changes.flatMap((c) => c.edits);
    if (edits.length === 0) return undefined;
    const text = applyTextEdits(this.text, edits);
    if (text === this.text) return undefined;
    let result: LintResult;
    try {
      result = this.relint(text);
    } catch {
      return undefined;
    }
    // A fixed text that was not parsed at all (grown over the size limit) proves nothing: refused too.
    if (this.before.syntaxErrors !== undefined && result.syntaxErrors === undefined) return undefined;
    if ((result.syntaxErrors ?? 0) > (this.before.syntaxErrors ?? 0)) return undefined;
    const spans = spansOf(this.offsets, edits);
    const after = new Offsets(text);
    const survives = (finding: LintFinding): boolean => {
      const where = mapOffset(this.offsets.at(finding.range.start), spans);
      return result.findings.some((f) => {
        if (f.ruleId !== finding.ruleId) return false;
        const at = after.at(f.range.start);
        return 'at' in where ? at === where.at : at >= where.within[0] && at <= where.within[1];
      });
    };
    return changes.some((c) => survives(c.finding)) ? undefined : { text, result };
  }
}

/**
 * The fix `--fix` applies for a finding: the one its rule marks preferred. A finding whose only fix is not
 * preferred is left to the user (e.g. `If-None-Match: *` alone would turn an update into create-only).
 */
export function preferredFix(finding: LintFinding): Fix | undefined {
  return finding.fixes.find((x) => x.preferred);
}
