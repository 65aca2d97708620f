/**
 * An editor's analysis of one `.http` document, version after version: the incremental parser, the model
 * cache and the rule cache in a row, so a keystroke costs the section it touched, the requests whose models
 * changed and the requests whose cross-request facts those changed. Its result equals `lintHttp` on the same
 * text (property test beside it). Fixes of a version's findings are built against the latest analysed version.
 *
 * The first version is linted as `lintHttp` lints (its model lowered in file order, the rules run over it whole),
 * which costs what `lintHttp` costs: filling what only later versions use (the indexes by position, the rule
 * cache's rows and indexes) costs about as much again, so it is left to `prime`, which the editor calls once the
 * first diagnostics are out, and which the next `analyze` runs first when nobody called it. The model is built
 * once and kept for both, and so are the per-request rules' findings: the first lint hands them to the rule cache
 * by request (`RuleCache.lintFirst`), which `prime` makes its rows instead of running those rules again, but for
 * the evidence rule (`RuleCache.adopt`).
 */
import type { EngineConfig } from '../config/config';
import type { HttpFile } from '../http/ast';
import { IncrementalHttpParser, type Unchanged } from '../http/incremental';
import type { LintResult } from '../lint';
import type { DocumentModel } from '../model/types';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/types';
import { ModelCache, type ModelDelta } from './model-cache';
import { RuleCache } from './rule-cache';
import { emptyStringMemos } from '../text/string-memo';

export class IncrementalHttpAnalysis {
  private readonly parser = new IncrementalHttpParser();
  private readonly models = new ModelCache();
  private readonly ruleCache: RuleCache;
  /** The first version, whose model the rule cache has not seen yet. */
  private unprimed: { file: HttpFile; delta: ModelDelta } | undefined;
  private analysed = false;

  constructor(readonly config: EngineConfig, rules: readonly Rule[] = RULES) {
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
      const delta = this.models.first(file, this.config.environmentVariables);
      this.unprimed = { file, delta };
      return { ...this.ruleCache.lintFirst(delta.model, file.directives), file, model: delta.model };
    }
    const { model, ...delta } = this.models.build(file, this.config.environmentVariables, this.parser.lastChange);
    return { ...this.ruleCache.run(model, delta, file.directives), file, model };
  }

  /** True while the first version's caches are not filled (`prime` would fill them). */
  get needsPriming(): boolean {
    return this.unprimed !== undefined;
  }

  /**
   * Fills the caches from the first version, so the next keystroke costs what it touched. Idempotent. Then empties
   * the engine's string memos, which the first version's whole-file lint filled with every request's URL: later
   * keystrokes ask them about the requests they touch, and they held 1.5 MiB of an editor's heap for nothing.
   */
  prime(): void {
    const first = this.unprimed;
    if (!first) return;
    this.unprimed = undefined;
    this.models.index();
    // The first lint's findings become the rule cache's rows; only if it could not keep them do the rules run again.
    if (!this.ruleCache.adopt(first.delta.model, first.delta)) this.ruleCache.run(first.delta.model, first.delta, first.file.directives);
    emptyStringMemos();
  }
}
