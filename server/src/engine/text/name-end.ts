/**
 * Where a name spelled `[A-Za-z_][\w.-]*` ends: a variable's in `{{name}}` and a metadata key's in `# @name`, as
 * REST Client and httpYac spell both. One sticky regex, tested in place (no match array): two pairs of per-character
 * predicates did this before, and each predicate was one more function V8's optimising compiler made a job of its own
 * in every cold lint before the scans inlined it (docs/performance.md, "Issue 16, twentieth session").
 */
const NAME = /[A-Za-z_][\w.-]*/y;

/** The index after the name that starts at `at` in `text`, or `at` when no name starts there. */
export function nameEnd(text: string, at: number): number {
  NAME.lastIndex = at;
  return NAME.test(text) ? NAME.lastIndex : at;
}
