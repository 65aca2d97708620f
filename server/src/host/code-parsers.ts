/**
 * Host side of client-code parsing: initialises web-tree-sitter and loads the grammars' own `.wasm` files
 * (copied next to the bundles, in `dist/grammars/`, by esbuild.js) once per process, offline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
// Types only here: the runtime is required inside `load`, so a process that lints no client code (the CLI on
// `.http` files) never evaluates it.
import type TreeSitter = require('web-tree-sitter');
import type { CodeParsers, Grammar } from '../engine';
import { MAX_SOURCE_BYTES, readRegularFile } from './regular-file';

/** File names in the grammars folder: the tree-sitter runtime plus one grammar per parser. */
export const RUNTIME_WASM = 'web-tree-sitter.wasm';
export const GRAMMAR_WASM: Readonly<Record<Grammar, string>> = {
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  python: 'tree-sitter-python.wasm',
};

/**
 * The folder holding the `.wasm` files: `grammars/` beside the running bundle (dist/server.js, dist/cli.js),
 * else the repository's `dist/grammars` (tests run from out/, after the build).
 */
export function defaultGrammarDir(from: string = __dirname): string {
  const beside = path.join(from, 'grammars');
  if (fs.existsSync(path.join(beside, RUNTIME_WASM))) return beside;
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'dist', 'grammars'))) return path.join(dir, 'dist', 'grammars');
  }
  return beside;
}

const loaded = new Map<string, Promise<CodeParsers>>();

/**
 * Loads every grammar from `dir` (once per folder and process). Never rejects: a runtime or grammar that fails
 * to load is reported through `onError` and leaves its languages unlinted.
 */
export function loadCodeParsers(dir: string = defaultGrammarDir(), onError: (message: string) => void = () => undefined): Promise<CodeParsers> {
  let pending = loaded.get(dir);
  if (!pending) {
    pending = load(dir, onError);
    loaded.set(dir, pending);
  }
  return pending;
}

async function load(dir: string, onError: (message: string) => void): Promise<CodeParsers> {
  // `require` makes esbuild take the package's CommonJS build: its ES build needs `import.meta.url`, which a
  // CommonJS bundle does not have.
  const { Language, Parser } = require('web-tree-sitter') as typeof TreeSitter;
  const parsers = new Map<Grammar, TreeSitter.Parser>();
  try {
    await Parser.init({ wasmBinary: readRegularFile(path.join(dir, RUNTIME_WASM), null, { maxBytes: MAX_SOURCE_BYTES }) });
  } catch (err) {
    onError(`etag-guard: cannot start tree-sitter from ${dir}: ${(err as Error).message}; client code is not linted.`);
    return { parserFor: () => undefined };
  }
  for (const [grammar, file] of Object.entries(GRAMMAR_WASM) as [Grammar, string][]) {
    try {
      const parser = new Parser();
      parser.setLanguage(await Language.load(readRegularFile(path.join(dir, file), null, { maxBytes: MAX_SOURCE_BYTES })));
      parsers.set(grammar, parser);
    } catch (err) {
      onError(`etag-guard: cannot load the ${grammar} grammar (${file}): ${(err as Error).message}`);
    }
  }
  return { parserFor: (grammar) => parsers.get(grammar) };
}
