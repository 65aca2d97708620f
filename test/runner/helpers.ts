/** Small helpers for the runner tests: parse a request text, find its result, and scripted local servers. */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { HttpSource } from '../../server/src/runner/executor';
import { parseHttp } from '../../server/src/engine';

/** A parsed request file that claims to live at `filePath` (body files and .env resolve from there). */
export function source(text: string, filePath = path.join(__dirname, 'inline.http')): HttpSource {
  return { path: filePath, file: parseHttp(text) };
}

export interface LocalServer {
  url: string;
  /** Requests received, in order. */
  received: IncomingMessage[];
  /** Resolves when a request for `url` has arrived (at once if one already has). */
  arrival(url: string): Promise<void>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (free port) answering with `handler`. */
export function startLocalServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const received: IncomingMessage[] = [];
  const arrivals = new EventEmitter();
  const server = createServer((req, res) => {
    received.push(req);
    arrivals.emit(req.url ?? '');
    handler(req, res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        arrival: (url) => received.some((r) => r.url === url) ? Promise.resolve() : new Promise((done) => arrivals.once(url, () => done())),
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
