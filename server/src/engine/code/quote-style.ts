/**
 * The quote a fix writes its strings in: the one the call already uses (its URL, its header names), else the
 * one the file starts with, else the family's habit (single in JS, double in Python, as Black writes). Code
 * formatted by Prettier or Black then stays as the formatter would leave it.
 */
import type { CodeContext } from './context';
import type { Node } from './syntax';

/** How far into the file to look when the call itself has no plain string. */
const FILE_SAMPLE_ROWS = 400;

export function quoteStyle(near: Node, ctx: CodeContext): '"' | "'" {
  const own = firstQuote(near.descendantsOfType('string'));
  if (own) return own;
  const key = 'quote-style-double';
  let double = ctx.memo.get(key);
  if (double === undefined) {
    const root = ctx.index.root;
    const sample = firstQuote(root.descendantsOfType('string', root.startPosition, { row: FILE_SAMPLE_ROWS, column: 0 }));
    double = (sample ?? (ctx.family === 'python' ? '"' : "'")) === '"';
    ctx.memo.set(key, double);
  }
  return double ? '"' : "'";
}

/** The quote of the first string literal that is not a template or a triple-quoted docstring. */
function firstQuote(strings: readonly Node[]): '"' | "'" | undefined {
  for (const s of strings) {
    // Python strings may carry a prefix (`f"…"`, `rb'…'`): the quote is the first quote character.
    const head = s.text.slice(0, 6);
    const m = /^[a-zA-Z]{0,2}(["'])/.exec(head);
    if (m && head.slice(m[0].length - 1, m[0].length + 2) !== m[1].repeat(3)) return m[1] as '"' | "'";
  }
  return undefined;
}
