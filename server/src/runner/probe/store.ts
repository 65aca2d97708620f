/**
 * The workspace's probe evidence: `.etag-guard/probes.json` under the workspace root, one entry per origin and
 * path (the newest probe replaces the older one), in the shape documented in docs/probe.md:
 * `{"version": 1, "probes": [{"origin", "path", "probedAt", "facts", "result"}]}`. The CLI and the editor write
 * it; the linter's evidence and the 412 incident report read it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { probeEvidence, type ProbeEvidence } from '../../engine/probe/evidence';
import { MAX_CONFIG_BYTES, readRegularFile } from '../../host/regular-file';
import type { ProbeResult } from '../../engine/probe/types';

export const PROBE_STORE_FILE = path.join('.etag-guard', 'probes.json');
export const PROBE_STORE_VERSION = 1;
/** Entries kept; the oldest go first. */
const LIMIT = 500;

export interface ProbeStoreDocument {
  version: typeof PROBE_STORE_VERSION;
  probes: ProbeEvidence[];
}

/** The entries stored under `root`; none when the file does not exist. Throws a readable Error when it is not ours. */
export function readProbeStore(root: string): ProbeEvidence[] {
  const file = path.join(root, PROBE_STORE_FILE);
  let text: string;
  try {
    text = readRegularFile(file, 'utf8', { maxBytes: MAX_CONFIG_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}): delete it and probe again.`);
  }
  const doc = parsed as Partial<ProbeStoreDocument> | null;
  if (!doc || doc.version !== PROBE_STORE_VERSION || !Array.isArray(doc.probes)) {
    throw new Error(`${file} is not an etag-guard probe store (version ${PROBE_STORE_VERSION}): delete it and probe again.`);
  }
  return doc.probes.filter((p) => p && typeof p.origin === 'string' && typeof p.path === 'string' && typeof p.probedAt === 'string');
}

/** Stores `result` under `root` (replacing the entry for the same origin and path); returns the file written. */
export function saveProbe(root: string, result: ProbeResult): string {
  const file = path.join(root, PROBE_STORE_FILE);
  const entry = probeEvidence(result);
  const kept = readProbeStore(root).filter((p) => p.origin !== entry.origin || p.path !== entry.path);
  const doc: ProbeStoreDocument = { version: PROBE_STORE_VERSION, probes: [...kept, entry].slice(-LIMIT) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: a crash or a concurrent reader never sees half a file.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(doc, null, 2) + '\n');
  fs.renameSync(temp, file);
  return file;
}
