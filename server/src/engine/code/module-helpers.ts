/**
 * Request helpers a module exports, summarised for the modules that import it (`import { putJson } from './utils'`,
 * `const utils = require('./utils'); utils.putJson(url, data)`). The analysis reads one file at a time, so a write
 * made through a helper of another module of the project was invisible. The engine stays pure: a host reads the
 * imported module's text (relative imports only, one level, a size cap; host/imported-helpers.ts), asks this module
 * for the summary and hands it to the lint of the importing file as request wrappers (`EngineConfig.wrappers`, the
 * shape `.etagguardrc.json` `wrappers` already has), so a call to the helper is judged at the call, with the caller's
 * URL: `putJson(url, data)` after `getJson(url)` is the read-modify-write it is.
 * A helper counts when it is exported, makes exactly one library call, sends the URL parameter as it is (a helper
 * that joins a base to a path would need the base), with a method it fixes itself, and headers the analysis reads in
 * full; an If-Match it takes from a parameter is that parameter (`etagArg`), one written otherwise makes it no
 * helper to summarise (it guards every call).
 */
import type { Tree } from 'web-tree-sitter';
import type { EngineConfig, WrapperConfig } from '../config/config';
import { DEFAULT_CONFIG } from '../config/config';
import { Ancestry } from './ancestry';
import { recogniseCall, type HttpCall } from './calls';
import type { CodeContext } from './context';
import { moduleBindings } from './imports';
import { functionName, parameterNames } from './local-functions';
import { familyOf, grammarOf, type CodeLanguage, type CodeParsers } from './parsers';
import { Scopes } from './scope';
import { indexTree } from './syntax-index';
import { unwrap } from './syntax';

/** Larger modules are not summarised: a bundle or generated client is no project helper module. */
export const MAX_HELPER_MODULE_BYTES = 256 * 1024;

const METHODS = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

/** The request helpers `text` (a module in `language`) exports, as wrappers a file importing it is linted with. */
export function exportedRequestHelpers(text: string, language: CodeLanguage, parsers: CodeParsers, config: EngineConfig = DEFAULT_CONFIG): WrapperConfig[] {
  if (text.length > MAX_HELPER_MODULE_BYTES || familyOf(language) !== 'js') return [];
  const tree = parsers.parserFor(grammarOf(language))?.parse(text);
  if (!tree) return [];
  try {
    return helpersOf(tree, text, language, config);
  } finally {
    tree.delete();
  }
}

function helpersOf(tree: Tree, text: string, language: CodeLanguage, config: EngineConfig): WrapperConfig[] {
  const index = indexTree(tree);
  const ctx: CodeContext = {
    family: familyOf(language), text, index, scopes: new Scopes(index), ancestry: new Ancestry(index.root), modules: moduleBindings(index),
    config: { ...config, wrappers: [] }, memo: new Map(),
  };
  const calls: HttpCall[] = [];
  for (const node of index.calls) {
    const call = recogniseCall(node, ctx);
    if (call) calls.push(call);
  }
  const perFunction = new Map<number, HttpCall[]>();
  for (const c of calls) {
    const fn = ctx.scopes.functionOf(c.call);
    if (fn.id === index.root.id) continue;
    perFunction.set(fn.id, [...(perFunction.get(fn.id) ?? []), c]);
  }
  const exported = exportedNames(text);
  const out: WrapperConfig[] = [];
  for (const list of perFunction.values()) {
    if (list.length !== 1) continue;
    const c = list[0];
    const fn = ctx.scopes.functionOf(c.call);
    const name = functionName(fn, ctx);
    const callee = name && exported.get(name);
    if (!callee || c.opaque || c.wrapper || c.via || c.sdk || !c.method || !METHODS.has(c.method)) continue;
    const params = parameterNames(fn);
    const url = c.url && unwrap(c.url);
    const urlArg = url?.type === 'identifier' ? params.indexOf(url.text) : -1;
    if (urlArg < 0) continue;
    const etagArg = etagParameter(c, params);
    if (etagArg === null) continue;
    out.push({ callee, method: c.method, urlArg, etagArg });
  }
  return out;
}

/**
 * The parameter the helper sends as If-Match (-1: none sent). null when the headers cannot be read in full, or carry a
 * precondition that is no parameter (the helper guards every call itself, or decides out of sight).
 */
function etagParameter(c: HttpCall, params: readonly (string | undefined)[]): number | null {
  if (!c.headers) return c.pairs.length ? null : -1;
  const headers = unwrap(c.headers);
  if (headers.type !== 'object') return null;
  let at = -1;
  for (const member of headers.namedChildren) {
    if (member.type !== 'pair') return null;
    const key = member.childForFieldName('key')?.text.replace(/^['"`]|['"`]$/g, '').toLowerCase();
    if (key !== 'if-match' && key !== 'if-unmodified-since' && key !== 'if-none-match') continue;
    const value = member.childForFieldName('value');
    const v = value && unwrap(value);
    if (key !== 'if-match' || v?.type !== 'identifier' || !params.includes(v.text)) return null;
    at = params.indexOf(v.text);
  }
  return at;
}

/**
 * Names the module exports, by the module's own name: `export function f`, `export const f =`, `exports.f =`,
 * `module.exports = { f, g: h }` (`h` is exported as `g`), `export { f as g }`.
 */
function exportedNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\bexport\s+(?:default\s+)?(?:async\s+)?(?:function\*?\s+|const\s+|let\s+|var\s+)([A-Za-z_$][\w$]*)/g)) out.set(m[1], m[1]);
  for (const m of text.matchAll(/\b(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)?/g)) out.set(m[2] && m[2] !== 'function' && m[2] !== 'async' ? m[2] : m[1], m[1]);
  for (const m of text.matchAll(/\bexport\s*\{([^}]*)\}/g)) for (const n of m[1].split(',')) addName(out, n, /\s+as\s+/, false);
  for (const m of text.matchAll(/\bmodule\.exports\s*=\s*\{([^}]*)\}/g)) for (const n of m[1].split(',')) addName(out, n, /\s*:\s*/, true);
  return out;
}

/** `f`; `f as g` (own `f`, exported `g`); `g: h` (own `h`, exported `g`). */
function addName(out: Map<string, string>, entry: string, separator: RegExp, exportedFirst: boolean): void {
  const parts = entry.trim().split(separator);
  const [own, exported] = parts.length === 1 ? [parts[0], parts[0]] : exportedFirst ? [parts[1], parts[0]] : [parts[0], parts[1]];
  const name = /^[A-Za-z_$][\w$]*$/;
  if (own && exported && name.test(own) && name.test(exported)) out.set(own, exported);
}
