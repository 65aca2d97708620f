/**
 * How many places the parser could not read: ERROR nodes and MISSING tokens it invented to recover. A fix is
 * checked by comparing this count before and after (real files often hold a construct the grammar lacks, so
 * "no error at all" would refuse every fix in them; "no new error" does not).
 */
import type { Node } from './syntax';

export function syntaxErrorCount(root: Node): number {
  if (!root.hasError) return 0;
  let count = 0;
  const visit = (n: Node): void => {
    if (n.isError || n.isMissing) count++;
    // Only subtrees that hold an error are walked: a clean subtree costs nothing.
    for (const c of n.children) if (c && (c.hasError || c.isMissing)) visit(c);
  };
  visit(root);
  return count;
}
