/**
 * The client-code entry point: parse a JS/TS/JSX/TSX/Python document with the parsers the host supplies,
 * lower its HTTP calls into the document model, and run the same rules, levels and directives as `.http`.
 */
import type { Tree } from 'web-tree-sitter';
import type { EngineConfig } from '../config/config';
import type { Directive } from '../http/ast';
import { directiveOf } from '../http/directives';
import { levelOf, runRules, type LintResult } from '../lint';
import { RULES } from '../rules/registry';
import { codeParser } from '../rules/code-parser';
import { fileTooLarge } from '../rules/file-too-large';
import type { Rule, RuleInfo } from '../rules/types';
import { lineRange, type Range } from '../text/types';
import { Ancestry } from './ancestry';
import { buildCodeModel } from './code-model';
import type { FixSupport } from './code-editor';
import type { CodeContext } from './context';
import { literalsByLine, safeFixes } from './fix-safety';
import { moduleBindings } from './imports';
import { familyOf, grammarOf, type CodeLanguage, type CodeParsers } from './parsers';
import { Scopes } from './scope';
import { syntaxErrorCount } from './syntax-errors';
import { indexTree } from './syntax-index';
import { rangeOf } from '../text/span';

/** The id of the notice shown for a file too large to analyse (`maxCodeFileBytes`). */
export const FILE_TOO_LARGE_ID = fileTooLarge.id;

/** Lints client code. A file too large, or of a language no parser was supplied for, gets one notice instead. */
export function lintCode(text: string, language: CodeLanguage, config: EngineConfig, parsers: CodeParsers, rules: readonly Rule[] = RULES): LintResult {
  const tooLarge = oversized(text, config);
  if (tooLarge) return tooLarge;
  const source = normalizeLineBreaks(text);
  const parser = parsers.parserFor(grammarOf(language));
  const tree = parser?.parse(source);
  if (!tree) return noParser(language, config);
  try {
    return lintTree(tree, source, language, config, rules).result;
  } finally {
    tree.delete();
  }
}

/** The notice for a file over `maxCodeFileBytes`; undefined when the file is analysed. */
export function oversized(text: string, config: EngineConfig): LintResult | undefined {
  const bytes = utf8Length(text);
  if (bytes <= config.maxCodeFileBytes) return undefined;
  return notAnalysed(fileTooLarge, config, `Not analysed: ${bytes} bytes is over etagGuard.maxCodeFileBytes (${config.maxCodeFileBytes}).`);
}

/**
 * Editors and LSP break lines at a lone CR too; tree-sitter counts rows at LF only. A lone CR becomes LF (same
 * length, so every offset and column stays put) so that finding and fix positions land on the editor's lines.
 */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

/** The notice for a language whose grammar the host could not load. */
export function noParser(language: CodeLanguage, config: EngineConfig): LintResult {
  return notAnalysed(codeParser, config, `Not analysed: no ${grammarOf(language)} parser is loaded (see the etag-guard log).`);
}

/** A lint of one parsed tree, and what an incremental analysis needs to know to reuse it (incremental-code.ts). */
export interface TreeLint {
  result: LintResult;
  /** Where each recognised HTTP call is. */
  requests: Range[];
  /** Some HTTP call sits outside every function: its fixes and evidence read the whole file's text. */
  topLevelCalls: boolean;
}

/** Lints `source` parsed as `tree` (the caller owns the tree and deletes it). */
export function lintTree(tree: Tree, source: string, language: CodeLanguage, config: EngineConfig, rules: readonly Rule[] = RULES): TreeLint {
  const ctx = codeContext(tree, source, language, config);
  const index = ctx.index;
  const support: FixSupport = { literals: [], produced: new Set() };
  const model = buildCodeModel(ctx, support);
  const directives: Directive[] = [];
  for (const c of index.comments) {
    const d = directiveOf(c.text.replace(/^(\/\/|\/\*|#)/, '').replace(/\*\/$/, ''), c.startPosition.row);
    if (d) directives.push(d);
  }
  const result = runRules(model, 'code', directives, config, rules);
  // Fixes are built on first read: build them all now, while the tree lives and before the editors' records
  // (literals, produced expressions) are read.
  const built = result.findings.map((f) => f.fixes);
  const literals = literalsByLine(support);
  result.findings.forEach((f, i) => (f.fixes = safeFixes(built[i], support, literals)));
  const topLevelCalls = model.requests.some((r) => {
    const range = rangeOf(r.range);
    const call = index.root.descendantForPosition({ row: range.start.line, column: range.start.character }, { row: range.end.line, column: range.end.character });
    return !call || ctx.scopes.functionOf(call).id === index.root.id;
  });
  return { result: { ...result, syntaxErrors: syntaxErrorCount(index.root, source) }, requests: model.requests.map((r) => rangeOf(r.range)), topLevelCalls };
}

/** What the analysis of one parsed tree reads: its index, scopes and ancestry, the module's bindings. */
export function codeContext(tree: Tree, source: string, language: CodeLanguage, config: EngineConfig): CodeContext {
  const index = indexTree(tree);
  return {
    family: familyOf(language), text: source, index, scopes: new Scopes(index), ancestry: new Ancestry(index.root), modules: moduleBindings(index), config, memo: new Map(),
  };
}

/** The one notice at the top of a file that was not analysed, at its configured level (none when off). */
function notAnalysed(rule: RuleInfo, config: EngineConfig, message: string): LintResult {
  const level = levelOf(rule, config);
  if (level === 'off') return { findings: [], failures: [] };
  return { findings: [{ ruleId: rule.id, level, range: lineRange(0, 0, 0), fixes: [], message }], failures: [] };
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
  }
  return n;
}
