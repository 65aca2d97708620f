/**
 * Human-readable output in the style of ESLint's default formatter. File names and messages (which quote the
 * file) are printed with control characters escaped: a file name can hold a newline or an escape sequence.
 */
import * as path from 'node:path';
import { escapeControls } from '../../runner/executor/terminal';
import type { FileReport } from '../lint-files';

export function formatStylish(reports: readonly FileReport[], cwd: string, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    if (r.findings.length === 0 && !r.fatal) continue;
    lines.push(paint('4', escapeControls(path.relative(cwd, r.filePath) || r.filePath, false)));
    if (r.fatal) {
      errors++;
      lines.push(`  ${paint('31', 'error')}  ${escapeControls(r.fatal, false)}`);
    }
    for (const f of r.findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      const level = f.level === 'error' ? paint('31', 'error  ') : f.level === 'warning' ? paint('33', 'warning') : paint('36', 'info   ');
      if (f.level === 'error') errors++;
      else warnings++;
      lines.push(`  ${where} ${level}  ${escapeControls(f.message, false)}  ${paint('2', f.ruleId)}`);
    }
    lines.push('');
  }
  const total = errors + warnings;
  if (total > 0) lines.push(paint(errors ? '31' : '33', `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`));
  return lines.join('\n');
}
