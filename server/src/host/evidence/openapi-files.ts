/**
 * Finds the workspace's OpenAPI 3.x / Swagger 2 documents, by the usual names (`openapi.yaml`, `swagger.json`,
 * `*.openapi.yml`, `api.yaml`, …) and, for other YAML/JSON files, by content (`openapi: 3…` / `"swagger": "2.0"`
 * near the top), and parses them with the `yaml` library (JSON is YAML). Bounded: at most MAX_FILES candidates,
 * files under MAX_BYTES, the usual build and dependency folders skipped. Unreadable files are skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readRegularFile } from '../regular-file';
import type { ApiDocument } from '../../engine';
import { isApiDocument } from '../../engine';

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'out', '.venv', 'venv', '__pycache__', 'target', 'bin', 'obj', '.etag-guard']);
const MAX_FILES = 400;
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 8;
const USUAL_NAME = /(^|[._-])(openapi|swagger|api-?spec|api)([._-]|$)/i;
const SNIFF = /^\s*["']?(openapi|swagger)["']?\s*:\s*["']?[23]/m;

export function findApiDocuments(root: string): ApiDocument[] {
  const found: ApiDocument[] = [];
  let candidates = 0;
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (candidates >= MAX_FILES) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name) && !e.name.startsWith('.') && depth < MAX_DEPTH) walk(p, depth + 1);
      } else if (/\.(ya?ml|json)$/i.test(e.name)) {
        candidates++;
        const doc = readApiDocument(p, USUAL_NAME.test(e.name));
        if (doc) found.push(doc);
      }
    }
  };
  walk(root, 0);
  return found;
}

function readApiDocument(file: string, usualName: boolean): ApiDocument | undefined {
  try {
    // A FIFO, device or folder named like an API description is skipped, never opened blocking.
    const text = readRegularFile(file, 'utf8', { maxBytes: MAX_BYTES });
    // Other YAML/JSON files are opened only when their top says they are API descriptions.
    if (!usualName && !SNIFF.test(text.slice(0, 4096))) return undefined;
    const content: unknown = parse(text, { maxAliasCount: 1000 });
    return isApiDocument(content) ? { path: file, content } : undefined;
  } catch {
    return undefined;
  }
}
