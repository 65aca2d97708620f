/**
 * REST Client's environments: `rest-client.environmentVariables` (`{"$shared": {…}, "dev": {…}}`), which its
 * users keep in VS Code settings. The extension reads them through the VS Code configuration; the CLI reads
 * the workspace's `.vscode/settings.json` here (JSON with comments and trailing commas, as VS Code writes it).
 * They sit under etag-guard's own sources: `mergeEnvironmentDocuments(restClient, etagGuard)`.
 */
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { EnvironmentDocument } from './environments';
import { MAX_CONFIG_BYTES, NotRegularFileError, readRegularFile } from '../../host/regular-file';
import { RunnerError } from './errors';

export const REST_CLIENT_ENVIRONMENTS = 'rest-client.environmentVariables';

/**
 * `rest-client.environmentVariables` of `<workspaceRoot>/.vscode/settings.json`; `{}` when absent, or when it is no
 * regular file (a FIFO would block: skipped, with a line in `notes`).
 */
export function readRestClientEnvironments(workspaceRoot: string, notes: string[] = []): EnvironmentDocument {
  const file = path.join(workspaceRoot, '.vscode', 'settings.json');
  let text: string;
  try {
    text = readRegularFile(file, 'utf8', { maxBytes: MAX_CONFIG_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    if (err instanceof NotRegularFileError) {
      notes.push(err.message);
      return {};
    }
    throw new RunnerError('environment', `.vscode/settings.json cannot be read: ${(err as Error).message}`);
  }
  const errors: ParseError[] = [];
  const settings: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = text.slice(0, first.offset).split('\n').length;
    throw new RunnerError('environment', `.vscode/settings.json is not valid JSON with comments (${printParseErrorCode(first.error)} on line ${line}).`);
  }
  const value = isObject(settings) ? settings[REST_CLIENT_ENVIRONMENTS] : undefined;
  if (value === undefined) return {};
  if (!isObject(value)) throw new RunnerError('environment', `${REST_CLIENT_ENVIRONMENTS} in .vscode/settings.json must be an object of environments.`);
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, Record<string, unknown>] => isObject(entry[1])));
}

/** Documents layered lowest first: per environment (and `$shared`), later documents win variable by variable. */
export function mergeEnvironmentDocuments(...layers: EnvironmentDocument[]): EnvironmentDocument {
  const merged: EnvironmentDocument = {};
  for (const layer of layers) {
    for (const [name, values] of Object.entries(layer)) merged[name] = { ...merged[name], ...values };
  }
  return merged;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
