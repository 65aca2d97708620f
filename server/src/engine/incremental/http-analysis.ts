/**
 * An editor's analysis of one `.http` document, version after version: the incremental parser, the model
 * cache and the rule cache in a row, so a keystroke costs the section it touched, the requests whose models
 * changed and the requests whose cross-request facts those changed. Its result equals `lintHttp` on the same
 * text (property test beside it). Fixes of a version's findings are built against the latest analysed version.
 *
 * The first version is linted whole (`lintHttpFile` on the parser's file), which costs what `lintHttp` costs:
 * filling the caches only later versions use (per-request look-ups, indexes kept by delta) costs about as much
 * again, so it is left to `prime`, which the editor calls once the first diagnostics are out, and which the
 * next `analyze` runs first when nobody called it.
 */
import type { EngineConfig } from '../config/config';
import type { HttpFile } from '../http/ast';
import { IncrementalHttpParser, type RequestChange, type Unchanged } from '../http/incremental';
import { lintHttpFile, type LintResult } from '../lint';
import type { DocumentModel } from '../model/types';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/types';
import { ModelCache } from './model-cache';
import { RuleCache } from './rule-cache';

export class IncrementalHttpAnalysis {
  private readonly parser = new IncrementalHttpParser();
  private readonly models = new ModelCache();
  private readonly ruleCache: RuleCache;
  /** The parsed version the caches have not seen yet (the first one, linted whole). */
  private unprimed: HttpFile | undefined;
  private analysed = false;

  constructor(readonly config: EngineConfig, private readonly rules: readonly Rule[] = RULES) {
    this.ruleCache = new RuleCache(config, rules);
  }

  /**
   * Analyses the document's next version. `unchanged`, when the editor's change ranges tell it, is what this text
   * shares with the previous one at either end (it must be right; without it the texts are compared).
   */
  analyze(text: string, unchanged?: Unchanged): LintResult & { file: HttpFile; model: DocumentModel } {
    this.prime();
    const file = this.parser.parse(text, unchanged);
    if (!this.analysed) {
      this.analysed = true;
      this.unprimed = file;
      return lintHttpFile(file, this.config, this.rules);
    }
    return this.cached(file, this.parser.lastChange);
  }

  /** True while the caches have not been filled from the first version (`prime` would do it). */
  get needsPriming(): boolean {
    return this.unprimed !== undefined;
  }

  /** Fills the caches from the first version, so the next keystroke costs what it touched. Idempotent. */
  prime(): void {
    const file = this.unprimed;
    if (!file) return;
    this.unprimed = undefined;
    // A whole build: the parser's last change is of no use here (the caches are empty).
    this.cached(file, undefined);
  }

  private cached(file: HttpFile, change: RequestChange | undefined): LintResult & { file: HttpFile; model: DocumentModel } {
    const { model, ...delta } = this.models.build(file, this.config.environmentVariables, change);
    return { ...this.ruleCache.run(model, delta, file.directives), file, model };
  }
}
