/**
 * The port through which the host hands the engine ready-to-use tree-sitter parsers. Loading the grammars
 * (reading `.wasm` bytes, async WebAssembly compilation) is I/O and belongs to the host; the engine only
 * parses text with what it is given, so it stays pure and synchronous.
 */
import type { Parser } from 'web-tree-sitter';
import type { DocumentLanguage } from '../language';

/** The client-code languages, and the grammar each is parsed with. */
export type CodeLanguage = Exclude<DocumentLanguage, 'http'>;
export type Grammar = 'javascript' | 'typescript' | 'tsx' | 'python';

const GRAMMAR_OF: Readonly<Record<CodeLanguage, Grammar>> = {
  // tree-sitter-javascript reads JSX too.
  javascript: 'javascript', javascriptreact: 'javascript',
  typescript: 'typescript', typescriptreact: 'tsx',
  python: 'python',
};

/** True for the client-code languages (a VS Code language id or one from `languageOfPath`). */
export function isCodeLanguage(id: string): id is CodeLanguage {
  return Object.prototype.hasOwnProperty.call(GRAMMAR_OF, id);
}

/** The grammar a document language is parsed with. */
export function grammarOf(language: CodeLanguage): Grammar {
  return GRAMMAR_OF[language];
}

/** Initialised parsers, one per grammar; a missing one means "cannot lint this language here". */
export interface CodeParsers {
  parserFor(grammar: Grammar): Parser | undefined;
}

/** The two syntax families the analysis distinguishes. */
export type Family = 'js' | 'python';

export function familyOf(language: CodeLanguage): Family {
  return language === 'python' ? 'python' : 'js';
}
