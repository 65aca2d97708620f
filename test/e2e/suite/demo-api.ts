// The demo API (examples/server) inside the extension host, started once on 127.0.0.1:0 by the first test that
// needs it, and the `etagGuard.environments` setting that points the fixtures' `{{baseUrl}}` at it.
import { startDemoServer, type DemoServer } from '../../../examples/server/demo-server';
import { selectBaseUrl } from './environment';

let running: Promise<DemoServer> | undefined;

/**
 * Starts the demo API (once), selects an environment whose `baseUrl` is its URL, and restores the seed
 * items, so every test starts from the same server state. Returns the base URL.
 */
export async function demoApi(): Promise<string> {
  running ??= startDemoServer({ host: '127.0.0.1', port: 0 });
  const { url } = await running;
  await selectBaseUrl(url);
  const reset = await fetch(`${url}/admin/reset`, { method: 'POST' });
  if (reset.status !== 204) throw new Error(`demo API reset answered ${reset.status}`);
  return url;
}

/** The current ETag of a demo item, read straight from the server (not through the extension). */
export async function currentEtag(url: string): Promise<string> {
  const res = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  await res.arrayBuffer();
  const etag = res.headers.get('etag');
  if (res.status !== 200 || !etag) throw new Error(`GET ${url} answered ${res.status} with ETag ${etag}`);
  return etag;
}

/** Stops the demo API (and drops its keep-alive sockets) so the extension host can exit. */
export async function closeDemoApi(): Promise<void> {
  const server = await running?.catch(() => undefined);
  running = undefined;
  await server?.close();
}
