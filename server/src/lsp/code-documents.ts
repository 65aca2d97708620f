/**
 * The language server's client-code documents (JavaScript, TypeScript, Python): each one's incremental analysis over
 * tree-sitter, with the request helpers its relative imports export. A bundle of its own (`dist/server-code.js`),
 * loaded on the first code document: a session of `.http` files never compiles the client-code engine or the
 * tree-sitter runtime (their compilation stayed in the server's malloc heap: docs/performance.md, "Issue 16, fifteenth
 * session").
 */
import type { CodeLanguage, EngineConfig, LintResult, Relint } from '../engine';
import { lintCode } from '../engine/code/lint-code';
import { IncrementalCodeAnalysis } from '../engine/code/incremental-code';
import type { CodeParsers } from '../engine/code/parsers';
import { loadCodeParsers } from '../host/code-parsers';
import { ImportedHelpers } from '../host/imported-helpers';
import { fileURLToPath } from 'node:url';

/** A code document as it was at one version. */
export interface CodeSnapshot {
  uri: string;
  languageId: string;
  text: string;
}

export class CodeDocuments {
  /** Per open document: its syntax tree, parsed again from the last one on each keystroke. */
  private readonly analyses = new Map<string, IncrementalCodeAnalysis>();
  private imported: ImportedHelpers | undefined;
  /** Per document: the configuration with its imported helpers, kept while neither changes. */
  private readonly importConfigs = new Map<string, { base: EngineConfig; key: string; config: EngineConfig }>();

  constructor(private readonly log: (message: string) => void) {}

  /** This version's findings, and how to lint a fixed text from scratch (the grammars load once per process). */
  async analyze(doc: CodeSnapshot, config: EngineConfig): Promise<{ result: LintResult; relint: Relint }> {
    const parsers = await loadCodeParsers(undefined, this.log);
    const codeConfig = this.withImportedHelpers(doc, config, parsers);
    const relint: Relint = (t) => lintCode(t, doc.languageId as CodeLanguage, codeConfig, parsers);
    return { result: this.analysisFor(doc, codeConfig, parsers).analyze(doc.text), relint };
  }

  forget(uri: string): void {
    this.importConfigs.delete(uri);
    this.analyses.get(uri)?.dispose();
    this.analyses.delete(uri);
  }

  clear(): void {
    this.importConfigs.clear();
    for (const analysis of this.analyses.values()) analysis.dispose();
    this.analyses.clear();
  }

  /**
   * The configuration with the request helpers the document's relative imports export (host/imported-helpers.ts),
   * read from disk once per module version. The same object while they stay the same, so the incremental analysis
   * (kept per configuration) lives on.
   */
  private withImportedHelpers(doc: CodeSnapshot, config: EngineConfig, parsers: CodeParsers): EngineConfig {
    const file = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : undefined;
    if (!file) return config;
    this.imported ??= new ImportedHelpers(parsers);
    const helpers = this.imported.forFile(file, doc.text);
    if (!helpers.length) return config;
    const key = JSON.stringify(helpers);
    const known = this.importConfigs.get(doc.uri);
    if (known && known.base === config && known.key === key) return known.config;
    const merged = { ...config, wrappers: [...config.wrappers, ...helpers] };
    this.importConfigs.set(doc.uri, { base: config, key, config: merged });
    return merged;
  }

  private analysisFor(doc: CodeSnapshot, config: EngineConfig, parsers: CodeParsers): IncrementalCodeAnalysis {
    let analysis = this.analyses.get(doc.uri);
    if (!analysis || analysis.config !== config || analysis.language !== doc.languageId) {
      analysis?.dispose();
      analysis = new IncrementalCodeAnalysis(doc.languageId as CodeLanguage, config, parsers);
      this.analyses.set(doc.uri, analysis);
    }
    return analysis;
  }
}
