/**
 * The "etag-guard runner" output channel. Lines are masked (credentials, secret-named headers and query
 * parameters) and never include bodies, which may carry tokens.
 */
import * as vscode from 'vscode';
import type { Exchange } from '../../../server/src/runner/executor';
import { runLogLines } from '../../../server/src/runner/history/run-log-lines';

export class RunLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('etag-guard runner', { log: true });

  /** One info line per exchange; masked headers at debug level. */
  exchange(exchange: Exchange): void {
    for (const { level, text } of runLogLines(exchange)) this.channel[level](text);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
