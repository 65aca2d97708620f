/**
 * What `--fix` and `--fix-dry-run` tell the user beyond the findings: the diff a dry run would write, and one
 * line saying how many fixes went in and how many problems no checked fix removes (so "still 2 warnings" after
 * `--fix` is never a mystery), plus any file whose fixing did not settle.
 */
import * as path from 'node:path';
import type { FileReport } from './lint-files';
import { unifiedDiff } from './unified-diff';

/** One unified diff per file that --fix would change, with `a/` and `b/` paths relative to `cwd`. */
export function fixDiffs(reports: readonly FileReport[], cwd: string): string[] {
  const out: string[] = [];
  for (const r of reports) {
    if (!r.fixing || r.fixing.original === r.source) continue;
    const name = (path.relative(cwd, r.filePath) || r.filePath).split(path.sep).join('/');
    out.push(unifiedDiff(r.fixing.original, r.source, `a/${name}`, `b/${name}`).trimEnd());
  }
  return out;
}

export function fixSummary(reports: readonly FileReport[], mode: 'write' | 'dry-run'): string {
  const fixed = reports.filter((r) => r.fixing && r.fixing.original !== r.source);
  const applied = fixed.reduce((n, r) => n + r.fixing!.applied, 0);
  const left = reports.reduce((n, r) => n + r.findings.length, 0);
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const lines = [`${mode === 'write' ? '--fix applied' : '--fix-dry-run would apply'} ${applied} fix${applied === 1 ? '' : 'es'} in ${files(fixed.length)}` +
    (left > 0 ? `; ${left} problem${left === 1 ? '' : 's'} left ${left === 1 ? 'has' : 'have'} no automatic fix.` : '.')];
  for (const r of reports) {
    if (r.fixing && !r.fixing.converged) lines.push(`etag-guard: fixing ${r.filePath} did not settle; stopped before repeating an earlier state.`);
  }
  return lines.join('\n');
}
