/**
 * Environments as JetBrains and REST Client users keep them: `http-client.env.json` and
 * `http-client.private.env.json` (`{"$shared": {…}, "dev": {…}}`) found next to the request file or in a
 * folder above it (up to the workspace root; the search is host/environment-files.ts, the one the linter uses
 * too), plus the `etagGuard.environments` setting in the same shape.
 * Precedence, lowest first: setting, env file, private file; within each, the named environment over `$shared`.
 * Also reads `.env` files for `{{$dotenv X}}`. The caller checks workspace trust before calling these.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findEnvironmentFiles, parseDotenv } from '../../host/environment-files';
import { parseJsonc } from '../../engine/config/jsonc';
import { RunnerError } from './errors';

export { ENV_FILE, PRIVATE_ENV_FILE, isInside, parseDotenv } from '../../host/environment-files';

/** `{"$shared": {...}, "<env>": {...}}`: values are strings, numbers or booleans (objects are ignored). */
export type EnvironmentDocument = Record<string, Record<string, unknown>>;

const SHARED = '$shared';

/** The environments available to one request file. */
export interface Environments {
  /** Environment names (not `$shared`), sorted. */
  names: string[];
  /** Files that contributed, for messages. */
  files: string[];
  /** The variables of `name` (with `$shared` underneath); `$shared` alone when name is undefined. */
  variables(name?: string): Record<string, string>;
}

/** Loads the environments visible from `httpFileDir`, searching up to `workspaceRoot`. */
export function loadEnvironments(httpFileDir: string, workspaceRoot: string, fromSettings: EnvironmentDocument = {}): Environments {
  const files = findEnvironmentFiles(httpFileDir, workspaceRoot).httpClient;
  const layers = [fromSettings, ...files.map(readEnvironmentFile)];
  const names = new Set<string>();
  for (const layer of layers) for (const key of Object.keys(layer)) if (key !== SHARED) names.add(key);
  return {
    names: [...names].sort(),
    files,
    variables(name?: string): Record<string, string> {
      const merged: Record<string, string> = {};
      for (const layer of layers) Object.assign(merged, scalars(layer[SHARED]));
      if (name !== undefined) for (const layer of layers) Object.assign(merged, scalars(layer[name]));
      return merged;
    },
  };
}

/** Reads the `.env` file next to the request file (or above it, up to the workspace root). */
export function loadDotenv(httpFileDir: string, workspaceRoot: string): Map<string, string> {
  const file = findEnvironmentFiles(httpFileDir, workspaceRoot).dotenv;
  return file ? parseDotenv(fs.readFileSync(file, 'utf8')) : new Map();
}

function readEnvironmentFile(file: string): EnvironmentDocument {
  const read = parseJsonc(fs.readFileSync(file, 'utf8'));
  if (!read.ok) throw new RunnerError('environment', `${path.basename(file)} is not valid JSON: ${read.error}`);
  const parsed = read.value;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new RunnerError('environment', `${path.basename(file)} must hold an object of environments.`);
  }
  return parsed as EnvironmentDocument;
}

function scalars(values: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}
