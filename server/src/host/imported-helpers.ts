/**
 * Host side of helpers imported from another module of the project (engine/code/module-helpers.ts): finds the
 * relative imports of a client-code file (`import { putJson } from './utils'`, `require('./api')`), reads each module
 * once per version (modification time and size; an editor's open text wins, through `openText`), and returns the
 * request helpers they export as wrappers for the file's lint. Bounded: relative specifiers only, one level (the
 * helpers' own imports are not followed), modules up to MAX_HELPER_MODULE_BYTES, at most MAX_IMPORTS per file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLanguage, CodeParsers, WrapperConfig } from '../engine';
import { exportedRequestHelpers, languageOfPath, MAX_HELPER_MODULE_BYTES } from '../engine';
import { readRegularFile } from './regular-file';

const MAX_IMPORTS = 32;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.js'];
const SPECIFIER = /\b(?:from\s*|require\s*\(\s*|import\s*\(\s*)(['"])(\.\.?\/[^'"\n]*)\1/g;

interface Cached {
  version: string;
  helpers: WrapperConfig[];
}

export class ImportedHelpers {
  private readonly cache = new Map<string, Cached>();

  /** @param openText the text an editor holds for a path (with its version), if it is open. */
  constructor(private readonly parsers: CodeParsers, private readonly openText?: (file: string) => { text: string; version: string } | undefined) {}

  /** The helpers the modules `text` (the file at `filePath`) imports relatively export. */
  forFile(filePath: string, text: string): WrapperConfig[] {
    const language = languageOfPath(filePath);
    if (!language || language === 'http' || language === 'python') return [];
    const out: WrapperConfig[] = [];
    const seen = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) {
      if (seen.size >= MAX_IMPORTS) break;
      const module = resolveModule(path.dirname(filePath), m[2]);
      if (!module || seen.has(module)) continue;
      seen.add(module);
      out.push(...this.helpersOf(module));
    }
    return out;
  }

  private helpersOf(file: string): WrapperConfig[] {
    const language = languageOfPath(file) as CodeLanguage | 'http' | undefined;
    if (!language || language === 'http' || language === 'python') return [];
    const open = this.openText?.(file);
    let version: string;
    let text: string | undefined = open?.text;
    if (open) version = `open:${open.version}`;
    else {
      try {
        const stat = fs.statSync(file);
        if (!stat.isFile() || stat.size > MAX_HELPER_MODULE_BYTES) return [];
        version = `disk:${stat.mtimeMs}:${stat.size}`;
      } catch {
        return [];
      }
    }
    const cached = this.cache.get(file);
    if (cached?.version === version) return cached.helpers;
    try {
      text ??= readRegularFile(file, 'utf8', { maxBytes: MAX_HELPER_MODULE_BYTES });
    } catch {
      return [];
    }
    const helpers = exportedRequestHelpers(text, language, this.parsers);
    this.cache.set(file, { version, helpers });
    return helpers;
  }
}

/** The file a relative specifier names: as written, or with the usual extensions and index files. */
function resolveModule(dir: string, specifier: string): string | undefined {
  const base = path.resolve(dir, specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}
