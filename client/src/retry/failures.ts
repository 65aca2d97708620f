/**
 * The requests whose last run ended in 412/428, per document: what refresh-and-retry starts from (the request
 * as sent and the failing response) and where the CodeLens goes. Lines follow the user's edits, so a lens does
 * not drift when text is typed above the request.
 */
import * as vscode from 'vscode';
import type { Diagnosis, HttpRequest } from '../../../server/src/engine';
import type { Exchange } from '../../../server/src/runner/executor';
import { isPreconditionFailure } from '../../../server/src/runner/retry/failure-message';
import { lineAfterEdits } from '../../../server/src/runner/retry/line-shift';
import { startLineOf } from '../../../server/src/engine/text/span';

export interface FailureRecord {
  exchange: Exchange;
  /** The request line now (0-based); starts as `exchange.line` and follows edits. */
  line: number;
  /** Set once the automatic re-read has explained the failure. */
  diagnosis?: Diagnosis;
}

export class PreconditionFailures implements vscode.Disposable {
  private readonly byDocument = new Map<string, FailureRecord[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a failure is recorded, explained, moved or forgotten (the CodeLens refreshes on it). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions = [
    this.changed,
    vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
    vscode.workspace.onDidCloseTextDocument((d) => this.byDocument.delete(d.uri.toString()) && this.changed.fire()),
  ];

  /** After every run of a request: remembers a 412/428, forgets the earlier one of a request that now passed. */
  record(uri: vscode.Uri, exchange: Exchange): void {
    const key = uri.toString();
    const kept = (this.byDocument.get(key) ?? []).filter((r) => r.line !== exchange.line);
    if (isPreconditionFailure(exchange)) kept.push({ exchange, line: exchange.line });
    this.byDocument.set(key, kept);
    this.changed.fire();
  }

  /** Attaches the automatic explanation to the record of `exchange` (if it is still the latest). */
  explained(uri: vscode.Uri, exchange: Exchange, diagnosis: Diagnosis): void {
    const record = this.of(uri).find((r) => r.exchange === exchange);
    if (!record) return;
    record.diagnosis = diagnosis;
    this.changed.fire();
  }

  /** The failures recorded for `uri`. */
  of(uri: vscode.Uri): readonly FailureRecord[] {
    return this.byDocument.get(uri.toString()) ?? [];
  }

  /** The failure of `request` (by its request line, else by its name). */
  find(uri: vscode.Uri, request: HttpRequest): FailureRecord | undefined {
    const records = this.of(uri);
    const name = request.name?.value;
    return records.find((r) => r.line === startLineOf(request.requestLine.range)) ?? records.find((r) => name !== undefined && r.exchange.name === name);
  }

  /** Forgets `record` (it was retried). */
  forget(uri: vscode.Uri, record: FailureRecord): void {
    this.byDocument.set(uri.toString(), this.of(uri).filter((r) => r !== record));
    this.changed.fire();
  }

  private follow(e: vscode.TextDocumentChangeEvent): void {
    const records = this.byDocument.get(e.document.uri.toString());
    if (!records || e.contentChanges.length === 0) return;
    const edits = e.contentChanges.map((c) => ({ range: c.range, newText: c.text }));
    let changed = false;
    // Records are moved in place: a retry in progress holds on to its record.
    const kept = records.filter((r) => {
      const line = lineAfterEdits(r.line, edits);
      changed ||= line !== r.line;
      if (line === undefined) return false;
      r.line = line;
      return true;
    });
    this.byDocument.set(e.document.uri.toString(), kept);
    if (changed) this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
