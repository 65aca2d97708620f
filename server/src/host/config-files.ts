/**
 * Reads the project configuration file `.etagguardrc.json`, nearest to the linted file first (like ESLint's
 * legacy lookup), for both hosts: the CLI and the language server must judge a file the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigProblem, EngineConfig } from '../engine';
import { mergeConfig } from '../engine';
import { parseJsonc } from '../engine/config/jsonc';
import { environmentNamesFor } from './environment-files';
import { MAX_CONFIG_BYTES, readRegularFile } from './regular-file';

export const RC_FILE = '.etagguardrc.json';

/** The nearest `.etagguardrc.json` at or above `dir`, stopping at `stopAt` (inclusive) or the file system root. */
export function findRcFile(dir: string, stopAt?: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, RC_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current || (stopAt && path.resolve(stopAt) === current)) return undefined;
    current = parent;
  }
}

export interface LoadedConfig {
  config: EngineConfig;
  file?: string;
  problems: ConfigProblem[];
}

/**
 * Applies the rc file nearest to `forFile` over `base`, then adds the names its environment files define, read
 * when the engine first asks (`environmentFileNames`: most files leave no variable unresolved, and the search lists
 * every folder up to the file system's root). Problems (bad JSON, bad values) are returned, not thrown.
 */
export function applyRcFile(base: EngineConfig, forFile: string, stopAt?: string): LoadedConfig {
  const loaded = readRcFile(base, forFile, stopAt);
  const earlier = loaded.config.environmentFileNames;
  let names: readonly string[] | undefined;
  const environmentFileNames = (): readonly string[] => (names ??= [...(earlier?.() ?? []), ...environmentNamesFor(forFile)]);
  return { ...loaded, config: { ...loaded.config, environmentFileNames } };
}

function readRcFile(base: EngineConfig, forFile: string, stopAt?: string): LoadedConfig {
  const file = findRcFile(path.dirname(forFile), stopAt);
  if (!file) return { config: base, problems: [] };
  const problems: ConfigProblem[] = [];
  let read: ReturnType<typeof parseJsonc>;
  try {
    read = parseJsonc(readRegularFile(file, 'utf8', { maxBytes: MAX_CONFIG_BYTES }));
  } catch (err) {
    read = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (!read.ok) {
    problems.push({ path: file, message: `cannot read: ${read.error}` });
    return { config: base, file, problems };
  }
  return { config: mergeConfig(base, read.value, problems), file, problems };
}
