/**
 * Turns the CLI's PATHS into files: files as given, folders recursively (honouring `.gitignore` files on the
 * way down, always skipping node_modules, dist, build, virtual environments), globs expanded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { languageOfPath } from '../engine';
import { kindOf, MAX_CONFIG_BYTES, readRegularFile } from '../host/regular-file';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'out', '.venv', 'venv', 'env', '__pycache__', '.tox', '.mypy_cache']);

export class PathError extends Error {}

/**
 * Files to lint, in a stable order. Throws PathError for a path that does not exist or a glob that matches
 * nothing. Things skipped on the way (a FIFO named `x.http`, a `.gitignore` that is a folder) go to `notes`.
 */
export function discover(patterns: readonly string[], cwd: string, notes: string[] = []): string[] {
  const files = new Set<string>();
  const walk = (dir: string, scopes: readonly Scope[], out: Set<string>) => walkFolder(dir, scopes, out, notes);
  for (const p of patterns) {
    if (/[*?[\]{}]/.test(p) && !fs.existsSync(path.resolve(cwd, p))) {
      const matched = expandGlob(p, cwd, walk);
      if (matched.length === 0) throw new PathError(`No files match the pattern '${p}'.`);
      for (const m of matched) files.add(m);
      continue;
    }
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new PathError(`No such file or directory: ${p}`);
    }
    if (stat.isDirectory()) walk(abs, [], files);
    else files.add(abs);
  }
  return [...files].sort();
}

/** Walks the glob's literal base folder (as for a folder argument) and keeps the files the glob matches. */
function expandGlob(pattern: string, cwd: string, walk: (dir: string, scopes: readonly Scope[], out: Set<string>) => void): string[] {
  const { base, glob } = picomatch.scan(pattern);
  const root = path.resolve(cwd, base || '.');
  if (!fs.existsSync(root)) return [];
  const isMatch = picomatch(glob, { dot: false });
  const found = new Set<string>();
  walk(root, [], found);
  return [...found].filter((f) => isMatch(path.relative(root, f).split(path.sep).join('/')));
}

interface Scope {
  dir: string;
  rules: Ignore;
}

function readGitignore(dir: string, notes: string[]): Scope | undefined {
  const file = path.join(dir, '.gitignore');
  if (!fs.existsSync(file)) return undefined;
  try {
    return { dir, rules: ignore().add(readRegularFile(file, 'utf8', { maxBytes: MAX_CONFIG_BYTES })) };
  } catch (err) {
    notes.push(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

function ignored(abs: string, isDir: boolean, scopes: readonly Scope[]): boolean {
  return scopes.some((s) => {
    const rel = path.relative(s.dir, abs).split(path.sep).join('/');
    return rel !== '' && s.rules.ignores(isDir ? `${rel}/` : rel);
  });
}

function walkFolder(dir: string, scopes: readonly Scope[], out: Set<string>, notes: string[]): void {
  const own = readGitignore(dir, notes);
  const active = own ? [...scopes, own] : scopes;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint in it
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!ALWAYS_SKIPPED.has(e.name) && !ignored(abs, true, active)) walkFolder(abs, active, out, notes);
    } else if (languageOfPath(e.name) && !ignored(abs, false, active)) {
      // A link to a regular file is linted like one (read through it); a link to anything else is a note.
      if (e.isFile() || (e.isSymbolicLink() && describe(abs) === 'file')) out.add(abs);
      else notes.push(`${abs} is not a regular file (${describe(abs)}): skipped`);
    }
  }
}

function describe(file: string): string {
  try {
    return kindOf(fs.statSync(file));
  } catch {
    return 'a broken link';
  }
}
