/**
 * The "etag-guard runner" output channel. Lines are masked (credentials, secret-named headers and query
 * parameters) and never include bodies, which may carry tokens.
 */
import * as vscode from 'vscode';
import { maskHeaderPairs, maskHeaderRecord, requestSummary, statusSummary, timingSummary, type Exchange } from '../executor';

export class RunLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('etag-guard runner', { log: true });

  /** One info line per exchange; masked headers at debug level. */
  exchange(exchange: Exchange): void {
    const line = `${requestSummary(exchange, true)} → ${statusSummary(exchange)} (${timingSummary(exchange.timings)})`;
    if (exchange.error) this.channel.warn(line);
    else this.channel.info(line);
    for (const [n, v] of maskHeaderPairs(exchange.request.headers)) this.channel.debug(`  > ${n}: ${v}`);
    if (exchange.response) {
      for (const [n, v] of Object.entries(maskHeaderRecord(exchange.response.headers))) this.channel.debug(`  < ${n}: ${Array.isArray(v) ? v.join(' | ') : v}`);
    }
    for (const w of exchange.warnings) this.channel.warn(w);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
