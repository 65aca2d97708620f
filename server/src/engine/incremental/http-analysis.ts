/**
 * An editor's analysis of one `.http` document, version after version: the incremental parser, the model
 * cache and the rule cache in a row, so a keystroke costs the section it touched, the requests whose models
 * changed and the requests whose cross-request facts those changed. Its result equals `lintHttp` on the same
 * text (property test beside it). Fixes of a version's findings are built against the latest analysed version.
 */
import type { EngineConfig } from '../config/config';
import type { HttpFile } from '../http/ast';
import { IncrementalHttpParser, type Unchanged } from '../http/incremental';
import type { LintResult } from '../lint';
import type { DocumentModel } from '../model/types';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/types';
import { ModelCache } from './model-cache';
import { RuleCache } from './rule-cache';

export class IncrementalHttpAnalysis {
  private readonly parser = new IncrementalHttpParser();
  private readonly models = new ModelCache();
  private readonly ruleCache: RuleCache;

  constructor(readonly config: EngineConfig, rules: readonly Rule[] = RULES) {
    this.ruleCache = new RuleCache(config, rules);
  }

  /**
   * Analyses the document's next version. `unchanged`, when the editor's change ranges tell it, is what this text
   * shares with the previous one at either end (it must be right; without it the texts are compared).
   */
  analyze(text: string, unchanged?: Unchanged): LintResult & { file: HttpFile; model: DocumentModel } {
    const file = this.parser.parse(text, unchanged);
    const { model, ...delta } = this.models.build(file, this.config.environmentVariables, this.parser.lastChange);
    return { ...this.ruleCache.run(model, delta, file.directives), file, model };
  }
}
