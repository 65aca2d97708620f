/**
 * The probe's report card as Markdown: the editor's view, and the appendix of the 412 incident report. A table
 * of verdicts, then for every check that did not pass: what it means for clients, the RFC that sets the
 * expectation, and the exchanges seen (credentials already masked). Pure.
 */
import { probeCheckInfo } from '../../engine/probe/catalogue';
import type { ProbeResult, ProbeStatus } from '../../engine/probe/types';

const ICONS: Record<ProbeStatus, string> = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', info: 'ℹ️ info', skipped: '⏭ skipped' };

/** The report card; `level` is the heading level of its title (1 for the view, 2 or 3 inside a report). */
export function renderProbeMarkdown(result: ProbeResult, level = 1): string {
  const h = (n: number) => '#'.repeat(Math.min(6, level + n));
  const out = [
    `${h(0)} Server precondition support — ${result.url}`, '',
    `Probed ${result.probedAt} by ${result.tool}, ${result.wrote ? 'read and write checks (every PUT wrote back the bytes the server held)' : 'read-only checks (no write was sent)'}.`,
    '', '| Check | Result | Finding |', '|---|---|---|',
    ...result.checks.map((c) => `| \`${c.id}\` | ${ICONS[c.status]} | ${cell(c.summary)} |`),
  ];
  const notable = result.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
  if (notable.length > 0) out.push('', `${h(1)} What this means for clients`);
  for (const check of notable) {
    const info = probeCheckInfo(check.id);
    out.push('', `${h(2)} \`${check.id}\`: ${info.title} — ${check.status}`, '', check.summary, '',
      `**Consequence:** ${info.consequence}`, '', `**Reference:** [${info.reference}](${info.referenceUrl})`);
  }
  out.push('', `${h(1)} Evidence`, '');
  for (const check of result.checks.filter((c) => c.evidence.length > 0)) {
    out.push(`- \`${check.id}\` ([${probeCheckInfo(check.id).reference}](${probeCheckInfo(check.id).referenceUrl}))`, ...check.evidence.map((e) => `  - \`${e.replace(/`/g, "'")}\``));
  }
  return out.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
