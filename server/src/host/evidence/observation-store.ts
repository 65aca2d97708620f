/**
 * What the runner has seen, per workspace: `.etag-guard/observations.json` under the workspace root,
 * `{"version": 1, "observations": [{"method", "url", "status", "etag", "lastModified", "at"}]}`, one entry per
 * method and route (the newest replaces the older one), only responses that tell something (an ETag or
 * Last-Modified on a success, a 412/428, or a GET refused with 405: no read to insert before a write there). The editor's "Send request" and `etag-guard run` write it; the
 * linter reads it; "etag-guard: Forget Remembered Evidence" deletes it. Documented in docs/precision.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Observation } from '../../engine';
import { MAX_CONFIG_BYTES, readRegularFile } from '../regular-file';
import type { Exchange } from '../../runner/executor/types';
import { isTelling, routeOf, writeTargetOf } from '../../engine';

export const OBSERVATION_STORE_FILE = path.join('.etag-guard', 'observations.json');
const VERSION = 1;
const LIMIT = 1000;

export function readObservations(root: string): Observation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readRegularFile(path.join(root, OBSERVATION_STORE_FILE), 'utf8', { maxBytes: MAX_CONFIG_BYTES }));
  } catch {
    // Missing, damaged or no regular file: nothing remembered (a damaged file is replaced by the next observation).
    return [];
  }
  const doc = parsed as { version?: number; observations?: unknown } | null;
  if (!doc || doc.version !== VERSION || !Array.isArray(doc.observations)) return [];
  return doc.observations.filter((o): o is Observation =>
    !!o && typeof o.method === 'string' && typeof o.url === 'string' && typeof o.status === 'number' && typeof o.at === 'string');
}

/**
 * Records `o` when it tells something; returns true when the store changed. A GET served without validators
 * tells nothing to keep, but it forgets a remembered refusal (405) of the same route: GET is served now.
 */
export function recordObservation(root: string, o: Observation): boolean {
  const telling = isTelling(o);
  if (!telling && !(o.method === 'GET' && o.status < 300)) return false;
  const clean: Observation = { ...o, url: withoutQueryOrCredentials(o.url) };
  const key = routeKey(clean);
  const before = readObservations(root);
  if (!telling) {
    const kept = before.filter((x) => !(routeKey(x) === key && x.status === 405));
    if (kept.length === before.length) return false;
    writeStore(root, kept);
    return true;
  }
  writeStore(root, [...before.filter((x) => routeKey(x) !== key), clean]);
  return true;
}

function writeStore(root: string, observations: readonly Observation[]): void {
  const file = path.join(root, OBSERVATION_STORE_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ version: VERSION, observations: observations.slice(-LIMIT) }, null, 2) + '\n');
  fs.renameSync(temp, file);
}

/** Forgets everything remembered under `root`; true when there was something. */
export function clearObservations(root: string): boolean {
  try {
    fs.rmSync(path.join(root, OBSERVATION_STORE_FILE));
    return true;
  } catch {
    return false;
  }
}

function routeKey(o: Observation): string {
  const t = writeTargetOf(o.method, o.url);
  return t ? `${o.method} ${t.origin}${routeOf(t.path)}` : `${o.method} ${o.url}`;
}

/** Query strings and user info can hold secrets: the store keeps origin and path only. */
function withoutQueryOrCredentials(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return url.split(/[?#]/)[0];
  }
}

/** The observation a finished exchange gives (its final response), or undefined when it failed. */
export function observationOf(exchange: Exchange): Observation | undefined {
  const final = exchange.attempts[exchange.attempts.length - 1];
  if (!final) return undefined;
  const has = (name: string) => final.headers[name] !== undefined;
  return {
    method: exchange.request.method, url: final.url, status: final.status,
    etag: has('etag'), lastModified: has('last-modified'), at: new Date(exchange.startedAt).toISOString(), by: 'runner',
  };
}
