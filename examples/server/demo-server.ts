// Programmatic entry point, used by the tests and the `npm run demo` script.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, problem, writeReply } from './http-io';
import { AppContext, route } from './routes';
import { ItemStore } from './store';

export interface DemoServerOptions {
  /** 0 (the default) picks a free port — what tests and scripts want. */
  port?: number;
  /** Loopback by default: this is a deliberately permissive demo, not a public service. */
  host?: string;
  /** Epoch-ms clock; inject one to move through the weak-ETag window without sleeping. */
  clock?: () => number;
  /** Length of the /weak-window ETag window after a write (Apache uses one second). */
  weakWindowMs?: number;
  /**
   * Ignore If-Match / If-None-Match / If-Unmodified-Since on writes, as nginx's DAV module does: a server that
   * silently does not protect its clients (`etag-guard probe --write` reports it). Off by default.
   */
  ignorePreconditions?: boolean;
}

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_WEAK_WINDOW_MS = 1000;

export function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const clock = opts.clock ?? Date.now;
  const ctx: AppContext = {
    store: new ItemStore(clock),
    clock,
    weakWindowMs: opts.weakWindowMs ?? DEFAULT_WEAK_WINDOW_MS,
    ignorePreconditions: opts.ignorePreconditions ?? false,
  };
  const server = createServer((req, res) => void handle(req, res, ctx));
  // Malformed request lines/headers never reach the handler; answer 400 instead of hanging up.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const host = opts.host ?? DEFAULT_HOST;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive sockets (fetch pools them) would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: AppContext): Promise<void> {
  try {
    let routed;
    try {
      routed = await route(req, ctx);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      routed = { reply: problem(err) };
    }
    writeReply(req, res, routed.reply, { now: ctx.clock(), gzipFilter: routed.variant?.gzipSuffix ?? false });
  } catch (err) {
    // A bug in the demo must not take the server down mid-demo: log it and answer 500.
    console.error('demo API: unexpected error', err);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const reply = problem(new HttpError(500, 'Internal Server Error', 'Unexpected error in the demo API.'));
    writeReply(req, res, reply, { now: Date.now(), gzipFilter: false });
  }
}
