/**
 * The probe's report card for a terminal: one line per check (status, id, summary), the evidence of failures
 * and warnings indented below, and a tally. Colour only when asked (a TTY without NO_COLOR). Pure.
 */
import type { ProbeResult, ProbeStatus } from '../../engine/probe/types';

const COLOURS: Record<ProbeStatus, string> = { pass: '32', fail: '31', warn: '33', info: '36', skipped: '2' };
const ORDER: ProbeStatus[] = ['pass', 'fail', 'warn', 'info', 'skipped'];

export function renderProbeText(result: ProbeResult, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const width = Math.max(...result.checks.map((c) => c.id.length));
  const lines = [paint('1', `etag-guard probe ${result.url}`) + paint('2', ` (${result.wrote ? 'read and write checks' : 'read-only'}, ${result.probedAt})`), ''];
  for (const check of result.checks) {
    lines.push(`  ${paint(COLOURS[check.status], check.status.toUpperCase().padEnd(7))} ${check.id.padEnd(width)}  ${check.summary}`);
    // Evidence where it explains a problem; --format json has all of it.
    if (check.status === 'fail' || check.status === 'warn') for (const line of check.evidence) lines.push(paint('2', `  ${' '.repeat(7)} ${' '.repeat(width)}  · ${line}`));
  }
  const tally = ORDER.map((s) => `${result.checks.filter((c) => c.status === s).length} ${s}`).join(', ');
  lines.push('', tally);
  return lines.join('\n');
}
