/**
 * Lints open documents once per version and keeps the result, so diagnostics, code actions, lenses, hovers
 * and symbols of the same version share one analysis (an unchanged document is never re-parsed).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineConfig, HttpFile, LintFinding, LintResult, Relint } from '../engine';
import { CappedFindings, FixChecker, IncrementalHttpAnalysis, lintHttp, lintHttpSlices, SLICE_THRESHOLD_CHARS } from '../engine';
import { isCodeLanguage } from '../engine/code/parsers';
import type { CodeDocuments } from './code-documents';
import type { ChangeRanges, SharedEnds } from './change-ranges';
import type { Settings } from './settings';

export interface Analysis {
  version: number;
  findings: LintFinding[];
  /** The parsed `.http` file, for lenses, symbols and hovers; undefined for client code. */
  file?: HttpFile;
  /** Checks a fix before it is offered: the fixed text parses no worse and the finding is gone. */
  checker?: FixChecker;
}

/** A document as it was at one version. */
interface Snapshot {
  uri: string;
  version: number;
  languageId: string;
  text: string;
  /** What it shares with an earlier version at either end (from the editor's change ranges), when known. */
  shared?: SharedEnds;
}

/**
 * Up to this size a `.http` document is analysed incrementally: its first analysis blocks the server for about a
 * second, then a keystroke costs the requests it touched. Larger ones are linted in slices with pauses between
 * them on every version (other documents stay answered), as the CLI lints anything over the slice threshold.
 */
const INCREMENTAL_HTTP_MAX_CHARS = 2 * SLICE_THRESHOLD_CHARS;

export class Analyzer {
  private readonly results = new Map<string, Promise<Analysis>>();
  private readonly reportedFailures = new Set<string>();
  /** Per open `.http` document: re-analyses only the sections, requests and facts a keystroke touched. */
  private readonly analyses = new Map<string, IncrementalHttpAnalysis>();
  /** The client-code documents, made on the first one (`codeDocuments`). */
  private code: CodeDocuments | undefined;
  /** The version each incremental analysis last analysed. */
  private readonly analysedVersion = new Map<IncrementalHttpAnalysis, number>();

  constructor(private readonly settings: Settings, private readonly log: (message: string) => void, private readonly changes?: ChangeRanges) {}

  analyze(doc: TextDocument): Promise<Analysis> {
    const key = `${doc.uri}#${doc.version}`;
    let pending = this.results.get(doc.uri);
    if (!pending || (pending as Promise<Analysis> & { key?: string }).key !== key) {
      // The document object is updated in place by later changes: take the text and version now, so the
      // analysis (and the version it is published under) is of exactly this version.
      pending = this.run({ uri: doc.uri, version: doc.version, languageId: doc.languageId, text: doc.getText(), shared: this.changes?.take(doc.uri, doc.version) });
      (pending as Promise<Analysis> & { key?: string }).key = key;
      this.results.set(doc.uri, pending);
    }
    return pending;
  }

  /**
   * Whether `pending` is still the document's analysis: settings that change while it waits for its configuration
   * (a slow `workspace/configuration` answer) start another one, which may finish first.
   */
  isLatest(uri: string, pending: Promise<Analysis>): boolean {
    return this.results.get(uri) === pending;
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.analyses.delete(uri);
    this.code?.forget(uri);
  }

  clear(): void {
    this.results.clear();
    this.analyses.clear();
    this.code?.clear();
  }

  private async run(doc: Snapshot): Promise<Analysis> {
    const config = await this.settings.forDocument(doc.uri);
    const text = doc.text;
    const isHttp = doc.languageId === 'http' || /\.(http|rest)$/i.test(doc.uri);
    if (!isHttp && !isCodeLanguage(doc.languageId)) return { version: doc.version, findings: [] };
    let http: ReturnType<IncrementalHttpAnalysis['analyze']> | undefined;
    let result: LintResult;
    let relint: Relint;
    try {
      if (isHttp && text.length > INCREMENTAL_HTTP_MAX_CHARS) return await this.runSliced(doc, config);
      if (isHttp) {
        result = http = this.analyseHttp(doc, config);
        // The fixed text is linted from scratch (not through the incremental parser, which tracks the editor's text).
        relint = (t) => lintHttp(t, config);
      } else ({ result, relint } = await this.codeDocuments().analyze(doc, config));
    } catch (err) {
      // Rules are isolated and the parser is total (test/hardening), but a throw anywhere else would end the
      // server's process: this version gets no findings and the failure goes to the log instead.
      this.log(`etag-guard: analysis of ${doc.uri} failed: ${err instanceof Error ? err.message : String(err)}`);
      // Its caches may be half updated (a `.http` document's model cache patches its lists in place): the next
      // version starts afresh.
      this.analyses.delete(doc.uri);
      return { version: doc.version, findings: [] };
    }
    for (const f of result.failures) {
      // A rule that throws is reported once per rule and message, not on every keystroke.
      const id = `${f.ruleId}:${f.error}`;
      if (this.reportedFailures.has(id)) continue;
      this.reportedFailures.add(id);
      this.log(`etag-guard: rule ${f.ruleId} failed and was skipped: ${f.error}`);
    }
    return { version: doc.version, findings: result.findings, file: http?.file, checker: new FixChecker(text, result, relint) };
  }

  /**
   * A large document is linted slice by slice, yielding to the event loop between slices so requests about
   * other documents are answered meanwhile; a newer version of the document ends this analysis early. No
   * parsed file is kept (no lenses, symbols or hovers on it): the findings are what such a file needs.
   */
  private async runSliced(doc: Snapshot, config: Parameters<typeof lintHttpSlices>[1]): Promise<Analysis> {
    this.analyses.delete(doc.uri);
    const findings = new CappedFindings(config);
    for (const part of lintHttpSlices(doc.text, config)) {
      findings.add(part.findings);
      await new Promise((resolve) => setImmediate(resolve));
      const latest = (this.results.get(doc.uri) as { key?: string } | undefined)?.key;
      if (latest !== undefined && latest !== `${doc.uri}#${doc.version}`) break;
    }
    return { version: doc.version, findings: findings.result() };
  }

  /**
   * The client-code documents: their engine and tree-sitter are a bundle of their own (`dist/server-code.js`, see
   * esbuild.js), required on the first code document, so a session of `.http` files never compiles them.
   */
  private codeDocuments(): CodeDocuments {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (this.code ??= new (require('./code-documents') as typeof import('./code-documents')).CodeDocuments(this.log));
  }

  /** The incremental analysis of this version; the change ranges are used only when they count from the version it analysed last. */
  private analyseHttp(doc: Snapshot, config: EngineConfig): ReturnType<IncrementalHttpAnalysis['analyze']> {
    const analysis = this.analysisFor(doc.uri, config);
    const shared = doc.shared && this.analysedVersion.get(analysis) === doc.shared.from ? doc.shared : undefined;
    this.analysedVersion.delete(analysis);
    const result = analysis.analyze(doc.text, shared);
    this.analysedVersion.set(analysis, doc.version);
    return result;
  }

  /**
   * Fills the caches of a document's first `.http` analysis (it was linted whole, which is faster than filling
   * them): the server calls this once that version's diagnostics are written out, so the next keystroke costs
   * what it touched; else that keystroke's analysis fills them first. A failure drops the analysis (the next
   * version starts afresh).
   */
  prime(uri: string): void {
    const analysis = this.analyses.get(uri);
    if (!analysis?.needsPriming) return;
    try {
      analysis.prime();
    } catch (err) {
      this.analyses.delete(uri);
      this.log(`etag-guard: analysis of ${uri} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private analysisFor(uri: string, config: EngineConfig): IncrementalHttpAnalysis {
    let analysis = this.analyses.get(uri);
    if (!analysis || analysis.config !== config) {
      analysis = new IncrementalHttpAnalysis(config);
      this.analyses.set(uri, analysis);
    }
    return analysis;
  }
}
