/**
 * What the client's runner would substitute for `{{…}}` right now, for hovers: the picked environment and the
 * sessions' captures the client reports (`etagGuard/runStateChanged`), plus the environments read here the way
 * the runner reads them (REST Client's and etag-guard's settings, `http-client*.env.json`, `.env`).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { findEnvironmentFiles } from '../host/environment-files';
// The environments' module alone: the runner's barrel would load its HTTP client (undici) and cookie jar into the server.
import { loadDotenv, loadEnvironments, type EnvironmentDocument } from '../runner/executor/environments';
import { applySnapshot, type SessionSnapshot } from '../runner/executor/session-snapshot';
import type { ValueSources } from './features/template-hover';
import type { RunStateParams } from './protocol';
import type { Settings } from './settings';

export class RunState {
  private environment: string | null | undefined;
  private trusted = true;
  private readonly sessions = new Map<string, SessionSnapshot>();

  constructor(private readonly connection: Connection, private readonly settings: Settings, private readonly canPull: () => boolean) {}

  update(p: RunStateParams): void {
    if (p.environment !== undefined) this.environment = p.environment;
    if (p.trusted !== undefined) this.trusted = p.trusted;
    if (p.session) this.sessions.set(p.session.uri, applySnapshot(this.sessions.get(p.session.uri), p.session));
  }

  /** Everything a hover on `uri` may show. */
  async sourcesFor(uri: string): Promise<ValueSources> {
    const pulled = await this.pull(uri);
    const environmentName = (this.environment === undefined ? pulled.environment : this.environment) ?? undefined;
    const sources: ValueSources = { environmentName, session: this.sessions.get(uri) };
    if (!uri.startsWith('file:')) return sources;
    if (!this.trusted) return { ...sources, unreadFiles: 'environment and .env files are not read in an untrusted workspace' };
    const file = fileURLToPath(uri);
    const dir = path.dirname(file);
    const root = this.settings.rootOf(file);
    try {
      sources.environments = loadEnvironments(dir, root, [
        { label: 'rest-client.environmentVariables', document: pulled.restClient },
        { label: 'etagGuard.environments', document: pulled.etagGuard },
      ]);
    } catch (err) {
      sources.unreadFiles = (err as Error).message;
    }
    const dotenv = findEnvironmentFiles(dir, root).dotenv;
    if (dotenv) sources.dotenv = { file: path.relative(root, dotenv) || dotenv, values: () => loadDotenv(dir, root) };
    return sources;
  }

  private async pull(uri: string): Promise<{ environment?: string; restClient: EnvironmentDocument; etagGuard: EnvironmentDocument }> {
    if (!this.canPull()) return { restClient: {}, etagGuard: {} };
    const [environment, etagGuard, restClient] = (await this.connection.workspace.getConfiguration([
      { scopeUri: uri, section: 'etagGuard.environment' },
      { scopeUri: uri, section: 'etagGuard.environments' },
      { scopeUri: uri, section: 'rest-client.environmentVariables' },
    ]).catch(() => [])) as unknown[];
    return {
      environment: typeof environment === 'string' && environment !== '' ? environment : undefined,
      etagGuard: documentOf(etagGuard),
      restClient: documentOf(restClient),
    };
  }
}

function documentOf(v: unknown): EnvironmentDocument {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, Record<string, unknown>] => e[1] !== null && typeof e[1] === 'object' && !Array.isArray(e[1])));
}
