/**
 * `--fix` as a loop that ends by itself: each pass applies the preferred fix of every finding that has one
 * (fixes touching the same lines wait for the next pass), each fix checked by FixChecker; passes repeat until
 * no checked fix is left. Every applied fix removes the finding it claims to fix, a text seen before ends the
 * loop (a cycle), and the bound below is only a guard against a rule that keeps finding new work.
 */
import type { LintFinding, LintResult } from '../lint';
import type { TextEdit } from '../text/types';
import { FixChecker, preferredFix, type FixOutcome, type Relint } from './verify';

/** A guard, not the way the loop ends: real files settle in one or two passes. */
const MAX_PASSES = 50;

export interface FixRun {
  /** The text after every fix that passed. */
  output: string;
  /** What linting `output` finds: the findings no fix could remove. */
  result: LintResult;
  /** Fixes applied over all passes. */
  applied: number;
  passes: number;
  /** False when the guard stopped the loop or a pass would have returned to an earlier text. */
  converged: boolean;
}

export function fixUntilStable(text: string, relint: Relint, first: LintResult = relint(text)): FixRun {
  const seen = new Set([text]);
  let current: FixOutcome = { text, result: first };
  let applied = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const checker = new FixChecker(current.text, current.result, relint);
    const step = fixPass(checker, current.result.findings);
    if (!step) return { output: current.text, result: current.result, applied, passes: pass - 1, converged: true };
    if (seen.has(step.outcome.text)) return { output: current.text, result: current.result, applied, passes: pass, converged: false };
    seen.add(step.outcome.text);
    current = step.outcome;
    applied += step.applied;
  }
  return { output: current.text, result: current.result, applied, passes: MAX_PASSES, converged: false };
}

interface Candidate {
  finding: LintFinding;
  edits: TextEdit[];
}

/** One pass: all candidates at once when that checks out (one re-lint), else only the ones that pass alone. */
function fixPass(checker: FixChecker, findings: readonly LintFinding[]): { outcome: FixOutcome; applied: number } | undefined {
  const candidates = disjoint(findings);
  if (candidates.length === 0) return undefined;
  const together = checker.apply(candidates);
  if (together) return { outcome: together, applied: candidates.length };
  const passing = candidates.filter((c) => checker.check(c.finding, preferredFix(c.finding)!) !== undefined);
  if (passing.length === 0) return undefined;
  // Fixes that pass alone but not together (rare: two edits that only clash in combination): one at a time.
  const all = checker.apply(passing);
  if (all) return { outcome: all, applied: passing.length };
  return { outcome: checker.check(passing[0].finding, preferredFix(passing[0].finding)!)!, applied: 1 };
}

/** The preferred fix of each finding, skipping those touching lines an earlier one in this pass touches. */
function disjoint(findings: readonly LintFinding[]): Candidate[] {
  const taken: Candidate[] = [];
  const lines = (e: TextEdit): [number, number] => [e.range.start.line, e.range.end.line];
  for (const finding of findings) {
    const fix = preferredFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    const overlaps = fix.edits.some((e) => taken.some((t) => t.edits.some((u) => {
      const [a1, a2] = lines(e);
      const [b1, b2] = lines(u);
      return a1 <= b2 && b1 <= a2;
    })));
    if (!overlaps) taken.push({ finding, edits: fix.edits });
  }
  return taken;
}
