/**
 * A request resolved from its file without sending anything, for "Copy as cURL" on a request that has not run:
 * variables, environment and `.env` values substituted, response references read from the responses the
 * session already holds (a reference to a request that has not run is an error that says so, never a send).
 */
import * as path from 'node:path';
import type { HttpRequest } from '../../engine';
import { RunnerError } from '../executor/errors';
import { prepareRequest } from '../executor/request-builder';
import type { HttpSource } from '../executor/run';
import type { Session } from '../executor/session';
import type { CurlRequest } from './to-curl';

export interface ResolveOptions {
  environment: Readonly<Record<string, string>>;
  dotenv?: (name: string) => string | undefined;
  processEnv?: NodeJS.ProcessEnv;
  workspaceRoot?: string;
  allowFilesOutsideWorkspace?: boolean;
}

/** The request as it would be sent now; throws `RunnerError` when something cannot be resolved. */
export async function resolveRequest(source: HttpSource, request: HttpRequest, session: Session, options: ResolveOptions): Promise<CurlRequest> {
  const httpFileDir = path.dirname(path.resolve(source.path));
  const prepared = await prepareRequest(request, {
    file: source.file, request, environment: options.environment, overrides: {}, session,
    dynamic: { processEnv: options.processEnv ?? process.env, dotenv: options.dotenv ?? (() => undefined) },
    ensureResponse: async (name) => {
      throw new RunnerError('variable', `{{${name}.response…}} needs the response of '${name}': send that request first.`);
    },
  }, { httpFileDir, workspaceRoot: options.workspaceRoot ?? httpFileDir, allowOutsideWorkspace: options.allowFilesOutsideWorkspace ?? false });
  const fileBody = request.body?.file;
  const base = { method: prepared.method, url: prepared.url.href, headers: prepared.headers };
  if (Buffer.isBuffer(prepared.body) && fileBody) return { ...base, bodyFile: path.resolve(httpFileDir, fileBody.path.value) };
  return { ...base, body: Buffer.isBuffer(prepared.body) ? prepared.body.toString('utf8') : prepared.body };
}
