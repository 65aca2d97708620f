/**
 * A finding whose fixes a rule deferred (`ReportedFinding.fixes` given as a function): they are built when first
 * read and memoised per epoch, so diagnostics never pay for edits nobody asks for, while the public shape stays a
 * plain `Fix[]` (code actions, `--fix`, JSON read `finding.fixes` as before).
 *
 * The accessor lives on the prototype, shared by every such finding. A getter and a setter made per finding were two
 * closures and their context each, and redefining the copied `fixes` field as an accessor turned every finding into a
 * dictionary-mode object: ~740 bytes per finding that a whole-file lint kept through its scavenges (800 findings on the
 * benchmark file). The rest of the finding is its own data fields, copied in the rule's key order; `toJSON` puts
 * `fixes` back where the rule had it, as the plain finding listed it.
 */
import type { FindingLevel } from './config/levels';
import type { Fix, ReportedFinding } from './rules/types';

export class DeferredFixesFinding {
  // Private (#) fields: no key of the finding, not in JSON, `Object.keys` or a deep comparison.
  readonly #compute: () => Fix[];
  readonly #epoch: (() => number) | undefined;
  #computed: Fix[] | undefined = undefined;
  #computedAt = -1;
  /** The field `fixes` stood before in the rule's finding (its next key, else `ruleId`, which comes right after). */
  readonly #fixesBefore: string;

  /** `f`'s fields but `fixes`, in its order, then `ruleId` and `level` (as `{ ...f, ruleId, level }` orders them). */
  constructor(f: ReportedFinding, compute: () => Fix[], ruleId: string, level: FindingLevel, epoch: (() => number) | undefined) {
    this.#compute = compute;
    this.#epoch = epoch;
    const fields = this as unknown as Record<string, unknown>;
    let before: string | undefined;
    let seenFixes = false;
    for (const key in f) {
      if (key === 'fixes') seenFixes = true;
      else {
        if (seenFixes && before === undefined) before = key;
        fields[key] = (f as unknown as Record<string, unknown>)[key];
      }
    }
    fields.ruleId = ruleId;
    fields.level = level;
    this.#fixesBefore = before ?? 'ruleId';
  }

  /** The fixes, built at the first read of each epoch (an editor's analysis builds them again for each version). */
  get fixes(): Fix[] {
    const epoch = this.#epoch ? this.#epoch() : 0;
    if (this.#computed && this.#computedAt === epoch) return this.#computed;
    this.#computedAt = epoch;
    // Outside the rule's isolation now: a fix that cannot be built is offered as none, never a crash.
    try {
      return (this.#computed = this.#compute());
    } catch {
      return (this.#computed = []);
    }
  }

  /** Writable like a plain field: client code replaces its fixes by their string-literal-safe forms. */
  set fixes(value: Fix[]) {
    this.#computed = value;
    this.#computedAt = this.#epoch ? this.#epoch() : 0;
  }

  /** The finding as a plain object, `fixes` built and in the rule's place. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(this)) {
      if (key === this.#fixesBefore) out.fixes = this.fixes;
      out[key] = fields[key];
    }
    return out;
  }
}
