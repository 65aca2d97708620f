/** Test-file setup for the real-server tests: start the server and a runner session, stop both after. */
import { after, before } from 'node:test';
import { runAll, Session, type Exchange } from '../../server/src/runner/executor';
import type { RealServer } from '../servers/real-servers';
import { source } from './helpers';

export interface RealServerSession {
  server(): RealServer;
  /** Runs request text with `{{base}}` set to the server's URL. */
  run(text: string): Promise<Exchange[]>;
}

/** Registers before/after hooks in the current suite. */
export function useRealServer(start: () => Promise<RealServer>): RealServerSession {
  let server: RealServer | undefined;
  let session: Session | undefined;
  before(async () => {
    server = await start();
    session = new Session();
  });
  after(async () => {
    await session?.close();
    await server?.stop();
  });
  return {
    server: () => server!,
    run: (text) => runAll(source(text), session!, { overrides: { base: server!.url } }),
  };
}
