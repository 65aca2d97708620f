/**
 * The workspace a file belongs to, for the CLI (the editor has its workspace folder) and for a loose file in
 * the editor: where body files may come from and which folder the evidence scan reads. The nearest
 * folder at or above the file holding a project marker, else the nearest holding an environment file, else the
 * file's own folder. Never the current
 * directory (a request file run from `/` or `$HOME` must not reach every file below it), and never `/` or the
 * home folder themselves, whose `.vscode` or `.git` belong to the user, not to a project. Symlinks are resolved
 * first, so a linked folder is judged where it really is.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Files and folders that mark a project's root. */
export const PROJECT_MARKERS = [
  '.git', '.hg', '.svn', 'package.json', '.vscode', '.idea', '.etagguardrc.json', '.etag-guard', 'httpyac.config.js',
  '.httpyac.json', 'pyproject.toml', 'go.mod', 'Cargo.toml', 'pom.xml',
];
/**
 * Environment files mark a root only when no project marker is found above the file: they also sit in
 * sub-folders of a project (one per API), whose root is still the folder holding `.vscode` or `.git`.
 */
export const ENVIRONMENT_MARKERS = ['http-client.env.json', 'http-client.private.env.json'];

/** The workspace root for `filePath` (an absolute path of a request file). */
export function findWorkspaceRoot(filePath: string, home = os.homedir()): string {
  const own = realDir(path.dirname(path.resolve(filePath)));
  const stops = new Set([path.parse(own).root, realDir(home)]);
  let environmentRoot: string | undefined;
  for (let dir = own; !stops.has(dir); dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((m) => exists(path.join(dir, m)))) return dir;
    if (environmentRoot === undefined && ENVIRONMENT_MARKERS.some((m) => exists(path.join(dir, m)))) environmentRoot = dir;
    if (path.dirname(dir) === dir) break;
  }
  return environmentRoot ?? own;
}

function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
