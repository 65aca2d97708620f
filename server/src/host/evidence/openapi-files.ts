/**
 * Finds the workspace's OpenAPI 3.x / Swagger 2 documents, by the usual names (`openapi.yaml`, `swagger.json`,
 * `*.openapi.yml`, `api.yaml`, …) and, for other YAML/JSON files, by content (`openapi: 3…` / `"swagger": "2.0"`
 * near the top), and parses them with the `yaml` library (JSON is YAML; loaded with the first such file, parse-yaml.ts).
 * Bounded (SCAN_LIMITS): candidates, other entries listed and depth; files under MAX_BYTES; the usual build and
 * dependency folders skipped. Unreadable files are skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile, readRegularFileHead } from '../regular-file';
import type { ApiDocument } from '../../engine';
import { isApiDocument } from '../../engine';

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'out', '.venv', 'venv', '__pycache__', 'target', 'bin', 'obj', '.etag-guard']);
const MAX_BYTES = 4 * 1024 * 1024;
const USUAL_NAME = /(^|[._-])(openapi|swagger|api-?spec|api)([._-]|$)/i;
const SNIFF_CHARS = 4096;
const SNIFF = /^\s*["']?(openapi|swagger)["']?\s*:\s*["']?[23]/m;

export interface ScanLimits {
  /** YAML/JSON files opened. */
  maxCandidates: number;
  /**
   * Other directory entries looked at (files of other kinds, folders): a workspace with a huge tree of other
   * files (a data set, a vendored SDK not in a skipped folder) is not walked whole on every lint.
   */
  maxOtherEntries: number;
  maxDepth: number;
}

export const SCAN_LIMITS: ScanLimits = { maxCandidates: 400, maxOtherEntries: 20_000, maxDepth: 8 };

export interface ApiDocumentScan {
  documents: ApiDocument[];
  /** Set when a limit stopped the scan: which one, in words (documents past it are not read). */
  stopped?: string;
}

/**
 * The workspace's API documents. Each folder's files are looked at before its sub-folders, so the documents
 * near the root are found even when a deep tree uses up the limits.
 */
export function scanApiDocuments(root: string, limits: ScanLimits = SCAN_LIMITS): ApiDocumentScan {
  const documents: ApiDocument[] = [];
  let candidates = 0;
  let others = 0;
  let stopped: string | undefined;
  const walk = (dir: string, depth: number): void => {
    if (stopped) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: string[] = [];
    for (const e of entries) {
      if (stopped) return;
      const p = path.join(dir, e.name);
      if (!e.isDirectory() && /\.(ya?ml|json)$/i.test(e.name)) {
        if (candidates++ >= limits.maxCandidates) stopped = `${limits.maxCandidates} YAML/JSON files read`;
        else {
          const doc = readApiDocument(p, USUAL_NAME.test(e.name));
          if (doc) documents.push(doc);
        }
      } else if (others++ >= limits.maxOtherEntries) stopped = `${limits.maxOtherEntries.toLocaleString('en')} other entries listed`;
      else if (e.isDirectory() && !SKIPPED.has(e.name) && !e.name.startsWith('.') && depth < limits.maxDepth) folders.push(p);
    }
    for (const f of folders) walk(f, depth + 1);
  };
  walk(root, 0);
  return stopped ? { documents, stopped } : { documents };
}

/** The YAML parser, required on the first API document (the language server's bundle does not carry it: esbuild.js). */
function yamlParser(): (text: string) => unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./parse-yaml') as typeof import('./parse-yaml')).parseYaml;
}

function readApiDocument(file: string, usualName: boolean): ApiDocument | undefined {
  try {
    // A FIFO, device or folder named like an API description is skipped, never opened blocking.
    // Other YAML/JSON files are read whole only when their top (4,096 UTF-16 units: at most 16 KB of UTF-8) says
    // they are API descriptions: a workspace's large data files are not read for nothing.
    if (!usualName && !SNIFF.test(readRegularFileHead(file, 4 * SNIFF_CHARS).toString('utf8').slice(0, SNIFF_CHARS))) return undefined;
    const text = readRegularFile(file, 'utf8', { maxBytes: MAX_BYTES });
    const content = yamlParser()(text);
    return isApiDocument(content) ? { path: file, content } : undefined;
  } catch {
    return undefined;
  }
}
