/**
 * Records a run for the incident report: every exchange with its trace (taken when it finished, so the wire
 * tap still holds its connection), and each 412/428 with what refresh-and-retry found. The CLI's `--report`
 * and the editor's "Export 412 report" both use it. VS Code-free.
 */
import type { Diagnosis } from '../../engine';
import type { HopResult } from '../executor/send';
import type { Exchange } from '../executor/types';
import { withResendResult, type ResendResult } from '../resend/resend';
import { isPreconditionFailure } from '../retry/failure-message';
import { traceOf, type Trace } from '../trace/trace';
import type { WireTap } from '../trace/wire-tap';
import { collectIncident, findCapture, snapshotOf, type Incident } from './incident';
import { renderReport, type ReportMeta } from './render-report';

/** What refresh-and-retry (or a plain explanation) found for one failure. */
export interface FailureFindings {
  diagnosis?: Diagnosis;
  reread?: HopResult;
  rereadAt?: number;
  retry?: HopResult;
  retryAt?: number;
  stopped?: string;
  resend?: ResendResult & { at?: number };
}

/** Exchanges kept per recorder; a CLI run or an editor session rarely gets near it. */
const LIMIT = 500;

export class RunRecorder {
  private readonly exchanges: Exchange[] = [];
  private readonly traces = new Map<Exchange, Trace>();
  private readonly findings = new Map<Exchange, FailureFindings>();
  /** Values the runs substituted from $processEnv, $dotenv or secret-named variables: masked in exports. */
  readonly secrets = new Set<string>();

  constructor(private readonly tap?: WireTap) {}

  /** Call as each exchange finishes (or pass the trace taken then). Returns its trace. */
  exchange(exchange: Exchange, taken?: Trace): Trace {
    const trace = taken ?? traceOf(exchange, this.tap);
    this.exchanges.push(exchange);
    if (this.exchanges.length > LIMIT) this.forget(this.exchanges.shift()!);
    this.traces.set(exchange, trace);
    return trace;
  }

  private forget(exchange: Exchange): void {
    this.traces.delete(exchange);
    this.findings.delete(exchange);
  }

  /** The trace recorded for `exchange` (taken now, without the wire details, if it was not recorded). */
  traceOf(exchange: Exchange): Trace {
    return this.traces.get(exchange) ?? traceOf(exchange);
  }

  /** Every exchange recorded, in order. */
  all(): readonly Exchange[] {
    return this.exchanges;
  }

  /** The response `failing`'s validator was captured from, as the explainer takes it. */
  capturedSnapshot(failing: Exchange) {
    const earlier = this.exchanges.slice(0, Math.max(0, this.exchanges.indexOf(failing)));
    const capture = findCapture(earlier, failing);
    return capture && snapshotOf(capture);
  }

  /** What was found about `failing` so far. */
  findingsOf(failing: Exchange): Readonly<FailureFindings> | undefined {
    return this.findings.get(failing);
  }

  /** Adds (merges) what was found about a failing exchange. */
  found(failing: Exchange, findings: FailureFindings): void {
    this.findings.set(failing, { ...this.findings.get(failing), ...findings });
  }

  /** The incidents: every 412/428 recorded, with its findings. */
  incidents(): Incident[] {
    return this.exchanges.filter(isPreconditionFailure).map((failing) => {
      const f = this.findings.get(failing) ?? {};
      return collectIncident({
        exchanges: this.exchanges, failing, traceOf: (e) => this.traceOf(e), stopped: f.stopped, resend: f.resend,
        diagnosis: f.diagnosis && f.resend ? withResendResult(f.diagnosis, f.resend) : f.diagnosis,
        reread: f.reread && { ...f.reread, at: f.rereadAt }, retry: f.retry && { ...f.retry, at: f.retryAt },
      });
    });
  }

  /** The Markdown report of every incident recorded. */
  report(meta: ReportMeta): string {
    return renderReport(this.incidents(), meta);
  }
}
