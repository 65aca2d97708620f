/**
 * The 412 incident report as Markdown, ready to attach to a ticket for the API provider: a summary, the
 * timeline (capture of the validator, writes since, the failing request, the re-read, the retry or resend),
 * the clocks (server `Date` vs local), the diagnosis with its RFC 9110 §13.2.2 replay and advice, and the
 * traces — every credential masked. Pure.
 */
import { maskHeaderPairs, maskHeaderRecord, maskUrl } from '../executor/mask';
import { parseHttpDate } from '../../engine/semantics/http-date';
import { traceText } from '../trace/trace-text';
import type { ProbeEvidence } from '../../engine/probe/evidence';
import type { Incident, TimelineEvent } from './incident';
import { probeAppendix } from './probe-appendix';

export interface ReportMeta {
  /** The request file, as the reader should see it (relative path). */
  file: string;
  /** Epoch ms when the report was made. */
  generatedAt: number;
  tool: string;
  /** e.g. `Node v20.18.1 on linux`. */
  platform: string;
  /** Stored probe results (`.etag-guard/probes.json`); those about the failing servers become an appendix. */
  probes?: readonly ProbeEvidence[];
}

/** The whole report. */
export function renderReport(incidents: readonly Incident[], meta: ReportMeta): string {
  const out = [
    `# 412 incident report — ${meta.file}`, '',
    `Generated ${iso(meta.generatedAt)} by ${meta.tool} (${meta.platform}). Credentials, cookies and token-like values are masked (•••).`,
  ];
  if (incidents.length === 0) out.push('', 'No request failed with 412 or 428 in this run.');
  incidents.forEach((incident, i) => out.push('', ...renderIncident(incident, incidents.length > 1 ? `${i + 1}. ` : '')));
  out.push(...probeAppendix(incidents, meta.probes ?? []));
  return out.join('\n') + '\n';
}

function renderIncident(incident: Incident, prefix: string): string[] {
  const { failing, diagnosis: d } = incident;
  const status = failing.response?.status ?? 'no response';
  const url = maskUrl(failing.request.url);
  const out = [`## ${prefix}${failing.request.method} ${url} → ${status}`, '', '### Summary', ''];
  out.push(`- Request: \`${failing.request.method} ${url}\` (line ${failing.line + 1}${failing.name ? `, \`${failing.name}\`` : ''}) at ${iso(failing.startedAt)}`);
  if (d) {
    out.push(`- Failed precondition: ${d.failed ?? 'none identified'}${d.sent ? ` — sent \`${d.sent}\`` : ''}${d.current ? `, current \`${d.current}\`` : ''}`);
    out.push(`- Cause: **${d.cause}**${d.transient ? ' (transient)' : ''}`);
    if (d.cachedEtag) out.push(`- ETag seen through a cache: \`${d.cachedEtag}\` vs origin \`${d.current ?? 'unknown'}\``);
  } else {
    out.push('- Diagnosis: none recorded (the failure was not re-read when it happened; send it again to explain it)');
  }
  const retry = incident.timeline.find((e) => e.kind === 'retry');
  out.push(`- Outcome: ${retry ? `retried → ${retry.status}` : incident.stopped ? `not retried — ${incident.stopped}` : 'not retried'}`);
  if (incident.resend) out.push(`- Resend without preconditions: ${incident.resend.verdict}`);
  out.push('', '### Timeline', '', '| # | Local clock | Server Date | Event | Status | ETag |', '|---|---|---|---|---|---|');
  incident.timeline.forEach((e, i) => out.push(`| ${i + 1} | ${e.at !== undefined ? iso(e.at) : '—'} | ${cell(e.serverDate ?? '—')} | ${cell(e.title)} | ${e.status ?? '—'} | ${cell(e.etag ?? '—')} |`));
  out.push('', '### Clocks', '', ...clockLines(incident.timeline, d?.clockSkewSeconds));
  if (d) {
    out.push('', '### Diagnosis', '');
    out.push(`- failed: ${d.failed ?? 'none'}`, `- sent: ${code(d.sent)}`, `- current: ${code(d.current)}`, `- cause: ${d.cause}`);
    if (d.cachedEtag !== undefined) out.push(`- cachedEtag: ${code(d.cachedEtag)}`);
    if (d.rereadBypassedCache !== undefined) out.push(`- re-read bypassed caches (Cache-Control: no-cache): ${d.rereadBypassedCache ? 'yes' : 'no'}`);
    out.push(`- intermediaries: ${d.intermediaries.length > 0 ? d.intermediaries.map((x) => `\`${x}\``).join(', ') : 'none seen'}`);
    if (d.steps.length > 0) out.push('', 'RFC 9110 §13.2.2 evaluation, replayed against the re-read:', '', ...d.steps.map((s) => `- ${s}`));
    out.push('', '### Advice', '', d.advice);
  }
  out.push('', '### Traces');
  incident.timeline.forEach((e, i) => out.push('', `#### ${i + 1}. ${e.title}`, '', '```text', eventTrace(e), '```'));
  return out;
}

function clockLines(timeline: readonly TimelineEvent[], skew: number | undefined): string[] {
  const lines = ['| Event | Local clock | Server Date | Server − local |', '|---|---|---|---|'];
  for (const e of timeline) {
    if (e.at === undefined || !e.serverDate) continue;
    const server = parseHttpDate(e.serverDate);
    const diff = server ? Math.round((server.date.getTime() - e.at) / 1000) : undefined;
    lines.push(`| ${cell(e.title)} | ${iso(e.at)} | ${cell(e.serverDate)} | ${diff === undefined ? 'unparsable' : `${diff >= 0 ? '+' : ''}${diff} s`} |`);
  }
  // The same figure as the failing request's row when the diagnosis has none (both use the arrival time).
  const failure = timeline.find((e) => e.kind === 'failure');
  const failureDate = failure?.serverDate && parseHttpDate(failure.serverDate);
  skew ??= failure?.at !== undefined && failureDate ? Math.round((failureDate.date.getTime() - failure.at) / 1000) : undefined;
  const verdict = skew === undefined ? 'The failing response had no Date header, so the clocks cannot be compared.'
    : Math.abs(skew) <= 2 ? `Server and local clocks agree within ${Math.abs(skew)} s (HTTP dates have one-second resolution).`
      : `The server's clock differs from the local one by ${skew} s: If-Unmodified-Since built from the local clock can fail.`;
  return [...lines, '', verdict];
}

function eventTrace(e: TimelineEvent): string {
  if (e.trace) return traceText(e.trace);
  if (!e.hop) return '(no trace recorded)';
  const lines = maskHeaderPairs(e.hop.sentHeaders).map(([n, v]) => `> ${n}: ${v}`);
  lines.push('>', `< ${e.hop.status}`);
  for (const [n, v] of Object.entries(maskHeaderRecord(e.hop.headers))) for (const x of Array.isArray(v) ? v : [v]) lines.push(`< ${n}: ${x}`);
  return lines.join('\n');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function code(v: string | undefined): string {
  return v === undefined ? '—' : `\`${v}\``;
}

/** A table cell: pipes escaped, newlines flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
