/**
 * A run session: the keep-alive dispatcher, the cookie jar, the responses by request name (for
 * `{{name.response…}}` references) and JetBrains `client.global` values captured from handlers. The CLI makes
 * one per invocation; the extension keeps one per request file so later sends see earlier responses.
 */
import type { Dispatcher } from 'undici';
import { CookieJar } from './cookie-jar';
import { createDispatcher, type DispatcherOptions } from './dispatcher';
import type { Exchange } from './types';

export type SessionOptions = Omit<DispatcherOptions, 'onConnect'>;

export class Session {
  readonly dispatcher: Dispatcher;
  readonly cookies = new CookieJar();
  /** The latest exchange of each named request. */
  readonly responses = new Map<string, Exchange>();
  /** `client.global.set(...)` captures, by variable name. */
  readonly globals = new Map<string, string>();
  /** Values substituted from `$processEnv`, `$dotenv` or secret-named variables: masked in every output. */
  readonly secrets = new Set<string>();
  /** The last answer to each `# @prompt` variable (never a secret-named one), offered again on the next send. */
  readonly promptAnswers = new Map<string, string>();
  private connections = 0;
  private lastConnectMs = 0;

  constructor(options: SessionOptions = {}) {
    this.dispatcher = createDispatcher({
      ...options,
      onConnect: (_host, ms) => {
        this.connections++;
        this.lastConnectMs = ms;
      },
    });
  }

  /** A mark to pass to `connectSince` later: did a new connection open in between, and how long did it take? */
  connectMark(): number {
    return this.connections;
  }

  connectSince(mark: number): number | undefined {
    return this.connections > mark ? this.lastConnectMs : undefined;
  }

  /** Forgets responses, globals and cookies, keeping the connections. */
  reset(): void {
    this.responses.clear();
    this.globals.clear();
    this.cookies.clear();
    this.secrets.clear();
    this.promptAnswers.clear();
  }

  /** Closes the pooled connections; the session cannot send afterwards. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
