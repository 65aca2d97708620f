/**
 * Test-file setup for suites against the demo API: the server (with an optional injected clock) and one
 * runner session, stopped after the suite; before each test the session forgets and the API's seed data is
 * restored, so tests do not see each other's writes.
 */
import { after, before, beforeEach } from 'node:test';
import { runAll, Session } from '../../server/src/runner/executor';
import { startDemoServer, type DemoServer } from '../../examples/server/demo-server';
import { source } from './helpers';

export interface DemoSession {
  url(): string;
  session(): Session;
}

/** Registers before/after/beforeEach hooks in the current suite. */
export function useDemoApi(options: { clock?: () => number; weakWindowMs?: number; beforeEach?: () => void } = {}): DemoSession {
  let demo: DemoServer | undefined;
  let session: Session | undefined;
  before(async () => {
    demo = await startDemoServer({ port: 0, clock: options.clock, weakWindowMs: options.weakWindowMs });
    session = new Session();
  });
  after(async () => {
    await session?.close();
    await demo?.close();
  });
  beforeEach(async () => {
    session!.reset();
    options.beforeEach?.();
    await runAll(source(`POST ${demo!.url}/admin/reset`), session!);
  });
  return { url: () => demo!.url, session: () => session! };
}
