/**
 * Environments as JetBrains and REST Client users keep them: `http-client.env.json` and
 * `http-client.private.env.json` (`{"$shared": {…}, "dev": {…}}`) found next to the request file or in a
 * folder above it (up to the workspace root; the search is host/environment-files.ts, the one the linter uses
 * too), plus the `etagGuard.environments` setting in the same shape.
 * Precedence, lowest first: setting, env file, private file; within each, the named environment over `$shared`.
 * Also reads `.env` files for `{{$dotenv X}}`. The caller checks workspace trust before calling these.
 */
import * as path from 'node:path';
import { findEnvironmentFiles, parseDotenv } from '../../host/environment-files';
import { parseJsonc } from '../../engine/config/jsonc';
import { isRegularFile, MAX_CONFIG_BYTES, readRegularFile } from '../../host/regular-file';
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
  /** Environment files that exist but are no regular file (a FIFO, a folder): skipped, one note each. */
  skipped: string[];
  /** The variables of `name` (with `$shared` underneath); `$shared` alone when name is undefined. */
  variables(name?: string): Record<string, string>;
  /** Where `variable`'s value in `variables(name)` comes from: the setting or file, and `name` or `$shared`. */
  originOf(variable: string, name?: string): { source: string; environment: string } | undefined;
}

/** Environments from a setting (`label` names it in hovers), lowest precedence first. */
export interface SettingsLayer {
  label: string;
  document: EnvironmentDocument;
}

/** Loads the environments visible from `httpFileDir`, searching up to `workspaceRoot`. */
export function loadEnvironments(httpFileDir: string, workspaceRoot: string,
  fromSettings: EnvironmentDocument | readonly SettingsLayer[] = {}): Environments {
  const present = findEnvironmentFiles(httpFileDir, workspaceRoot).httpClient;
  const files = present.filter(isRegularFile);
  const skipped = present.filter((f) => !isRegularFile(f)).map((f) => `${f} is not a regular file: skipped`);
  const settings = Array.isArray(fromSettings) ? fromSettings : [{ label: 'settings', document: fromSettings as EnvironmentDocument }];
  const labelled = [...settings, ...files.map((f) => ({ label: path.basename(f), document: readEnvironmentFile(f) }))];
  const layers = labelled.map((l) => l.document);
  const names = new Set<string>();
  for (const layer of layers) for (const key of Object.keys(layer)) if (key !== SHARED) names.add(key);
  return {
    names: [...names].sort(),
    files,
    skipped,
    variables(name?: string): Record<string, string> {
      const merged: Record<string, string> = {};
      for (const layer of layers) Object.assign(merged, scalars(layer[SHARED]));
      if (name !== undefined) for (const layer of layers) Object.assign(merged, scalars(layer[name]));
      return merged;
    },
    originOf(variable: string, name?: string) {
      // The last layer holding it wins, and within the winning pass the named environment beats `$shared`.
      for (const environment of name === undefined ? [SHARED] : [name, SHARED]) {
        const layer = [...labelled].reverse().find((l) => variable in scalars(l.document[environment]));
        if (layer) return { source: layer.label, environment };
      }
      return undefined;
    },
  };
}

/**
 * Reads the `.env` file next to the request file (or above it, up to the workspace root). A `.env` that is no
 * regular file (a FIFO would block forever) is skipped with a line in `notes`.
 */
export function loadDotenv(httpFileDir: string, workspaceRoot: string, notes: string[] = []): Map<string, string> {
  const file = findEnvironmentFiles(httpFileDir, workspaceRoot).dotenv;
  if (!file) return new Map();
  if (!isRegularFile(file)) {
    notes.push(`${file} is not a regular file: skipped`);
    return new Map();
  }
  try {
    return parseDotenv(readRegularFile(file, 'utf8', { maxBytes: MAX_CONFIG_BYTES }));
  } catch (err) {
    throw new RunnerError('environment', `Cannot read ${file}: ${(err as Error).message}`);
  }
}

function readEnvironmentFile(file: string): EnvironmentDocument {
  let text: string;
  try {
    text = readRegularFile(file, 'utf8', { maxBytes: MAX_CONFIG_BYTES });
  } catch (err) {
    throw new RunnerError('environment', `${path.basename(file)} cannot be read: ${(err as Error).message}`);
  }
  const read = parseJsonc(text);
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
