/**
 * Finds the environment files that can define a `.http` file's `{{variables}}` (JetBrains / httpYac
 * `*.env.json`, dotenv files, VS Code settings, httpYac config) in its folder and every parent folder, and
 * collects the names they define, so `unknown-reference` only reports names nothing defines.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { environmentNamesIn } from '../engine/config/environment-names';

/** Base names worth reading in a folder. */
const ENVIRONMENT_FILE = /^(.*\.env\.json|\.env(\..+)?|.+\.env|httpyac\.config\.[cm]?js|\.httpyac(\.[cm]?js|\.json)?)$/;

/** The names defined by environment files at or above `filePath`'s folder. */
export function environmentNamesFor(filePath: string): string[] {
  const names = new Set<string>();
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    for (const file of candidates(dir)) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue; // unreadable: it defines nothing we can see
      }
      for (const n of environmentNamesIn(path.basename(file), text)) names.add(n);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return [...names];
    dir = parent;
  }
}

function candidates(dir: string): string[] {
  const inDir = (d: string) => listing(d).filter((n) => ENVIRONMENT_FILE.test(n)).map((n) => path.join(d, n));
  const settings = path.join(dir, '.vscode', 'settings.json');
  return [...inDir(dir), ...inDir(path.join(dir, 'env')), ...(fs.existsSync(settings) ? [settings] : [])];
}

function listing(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
