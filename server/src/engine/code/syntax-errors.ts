/**
 * How many places the parser could not read: ERROR nodes and MISSING tokens it invented to recover. A fix is
 * checked by comparing this count before and after (real files often hold a construct the grammar lacks, so
 * "no error at all" would refuse every fix in them; "no new error" does not).
 */
import type { Node } from './syntax';

export function syntaxErrorCount(root: Node, text: string): number {
  return parseErrors(root) + emptyListEntries(root, text);
}

function parseErrors(root: Node): number {
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

/** Lists in which two commas meet (`{ a: 1,, }`, `f(a,, b)`): invalid, yet the JS grammar reads them without an ERROR. */
const NO_HOLES = ['object', 'arguments', 'object_pattern', 'named_imports', 'formal_parameters', 'dictionary', 'argument_list'];

/** Adjacent commas in lists that allow no holes; the text test first, since real code almost never has `,,`. */
function emptyListEntries(root: Node, text: string): number {
  if (!/,\s*,/.test(text)) return 0;
  let count = 0;
  for (const list of root.descendantsOfType(NO_HOLES)) {
    let previousComma = false;
    for (const c of list.children) {
      if (!c || c.type === 'comment') continue;
      if (c.type === ',' && previousComma) count++;
      previousComma = c.type === ',';
    }
  }
  return count;
}
