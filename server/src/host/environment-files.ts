/**
 * The one search for the environment files that define a `.http` file's `{{variables}}`, shared by the runner
 * (which reads their values) and the linter (which only needs the names, so `unknown-reference` reports only
 * names nothing defines). Both see the same JetBrains / REST Client files:
 * - `http-client.env.json` and `http-client.private.env.json` of the nearest folder holding either, at or
 *   above the request file's folder (the runner's environments);
 * - the nearest `.env` (the runner's `{{$dotenv NAME}}`);
 * and the linter also counts the names other tools define (httpYac `*.env.json` and `env/` folder, `.env.*`,
 * VS Code `settings.json`, httpYac config files) in every folder on the way up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseDotenvText } from 'dotenv';
import { environmentNamesIn } from '../engine/config/environment-names';
import { MAX_CONFIG_BYTES, readRegularFile } from './regular-file';

export const ENV_FILE = 'http-client.env.json';
export const PRIVATE_ENV_FILE = 'http-client.private.env.json';
export const DOTENV_FILE = '.env';

/** Other tools' environment files, by base name (the names they define count; the runner does not read them). */
const OTHER_TOOLS_FILE = /^(.*\.env\.json|\.env\..+|.+\.env|httpyac\.config\.[cm]?js|\.httpyac(\.[cm]?js|\.json)?)$/;

export interface EnvironmentFiles {
  /** `http-client.env.json` then `http-client.private.env.json` of the nearest folder holding either. */
  httpClient: string[];
  /** The nearest `.env`. */
  dotenv?: string;
  /** Every other tool's environment file at or above the folder, nearest first. */
  otherTools: string[];
}

/** The environment files visible from `fromDir`, searching up to `root` (inclusive; the file system root if none). */
export function findEnvironmentFiles(fromDir: string, root?: string): EnvironmentFiles {
  const found: EnvironmentFiles = { httpClient: [], otherTools: [] };
  for (const dir of foldersUp(fromDir, root)) {
    const names = listing(dir);
    if (found.httpClient.length === 0) {
      found.httpClient = [ENV_FILE, PRIVATE_ENV_FILE].filter((n) => names.includes(n)).map((n) => path.join(dir, n));
    }
    if (found.dotenv === undefined && names.includes(DOTENV_FILE)) found.dotenv = path.join(dir, DOTENV_FILE);
    const others = (d: string, entries: string[]) => entries.filter((n) => n !== ENV_FILE && n !== PRIVATE_ENV_FILE && OTHER_TOOLS_FILE.test(n)).map((n) => path.join(d, n));
    // The folder's listing is read once: the search climbs to the file system's root, through folders such as /tmp
    // or a home folder that can hold thousands of entries (a lint of one file listed /tmp's 4,700 twice).
    const env = path.join(dir, 'env');
    found.otherTools.push(...others(dir, names), ...others(env, listing(env)));
    const settings = path.join(dir, '.vscode', 'settings.json');
    if (fs.existsSync(settings)) found.otherTools.push(settings);
  }
  return found;
}

/** The names defined by the environment files visible from `filePath` (for `unknown-reference`). */
export function environmentNamesFor(filePath: string): string[] {
  const files = findEnvironmentFiles(path.dirname(path.resolve(filePath)));
  const names = new Set<string>();
  for (const file of [...files.httpClient, ...(files.dotenv ? [files.dotenv] : []), ...files.otherTools]) {
    let text: string;
    try {
      text = readRegularFile(file, 'utf8', { maxBytes: MAX_CONFIG_BYTES });
    } catch {
      continue; // unreadable, or a FIFO or folder: it defines nothing we can see
    }
    const base = path.basename(file);
    for (const n of isDotenvFile(base) ? parseDotenv(text).keys() : environmentNamesIn(base, text)) names.add(n);
  }
  return [...names];
}

/** `KEY=value` lines as `dotenv` reads them (`export` prefixes, `#` comments, quotes, multi-line values). */
export function parseDotenv(text: string): Map<string, string> {
  return new Map(Object.entries(parseDotenvText(text)));
}

/** `.env`, `.env.local`, `dev.env`: dotenv syntax. */
function isDotenvFile(baseName: string): boolean {
  return baseName === DOTENV_FILE || baseName.startsWith('.env.') || baseName.endsWith('.env');
}

/** `start`, then each parent folder, up to `root` (inclusive) or the file system root. */
function foldersUp(start: string, root?: string): string[] {
  const top = root === undefined ? undefined : path.resolve(root);
  const out: string[] = [];
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    out.push(dir);
    const parent = path.dirname(dir);
    if (dir === top || parent === dir || (top !== undefined && !isInside(parent, top))) return out;
  }
}

/** True when `p` is `root` or inside it. */
export function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function listing(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
