/**
 * Makes the rules' language-neutral fixes safe in client code. A rule edits a header value as text; in code
 * that text sits inside a string literal, so: a replacement by an expression the editor produced replaces the
 * whole literal; other text written into a literal is escaped for its quotes; a literal spelled with escapes
 * (whose columns do not match its value) is not edited at all; a fix with no edits is dropped.
 */
import type { Fix } from '../rules/types';
import type { Range, TextEdit } from '../text/types';
import { comparePositions } from '../text/types';
import type { FixSupport } from './code-editor';
import { rangeOf, type StringLiteral } from './syntax';

/** The literals by the line they start on: a file has many, an edit touches one line. */
export type LiteralsByLine = Map<number, StringLiteral[]>;

export function literalsByLine(support: FixSupport): LiteralsByLine {
  const map: LiteralsByLine = new Map();
  for (const l of support.literals) {
    const line = l.contentRange.start.line;
    const list = map.get(line);
    if (list) list.push(l);
    else map.set(line, [l]);
  }
  return map;
}

export function safeFixes(fixes: readonly Fix[], support: FixSupport, literals: LiteralsByLine): Fix[] {
  const out: Fix[] = [];
  for (const fix of fixes) {
    const edits = fix.edits.map((e) => safeEdit(e, support, literals));
    if (edits.length > 0 && edits.every((e): e is TextEdit => e !== undefined)) out.push({ ...fix, edits });
  }
  return out;
}

function safeEdit(edit: TextEdit, support: FixSupport, literals: LiteralsByLine): TextEdit | undefined {
  const literal = literals.get(edit.range.start.line)?.find((l) => within(edit.range, l.contentRange));
  if (!literal) return edit;
  if (support.produced.has(edit.newText)) {
    return sameRange(edit.range, literal.contentRange) ? { range: rangeOf(literal.node), newText: edit.newText } : undefined;
  }
  if (literal.escaped) return undefined;
  return { range: edit.range, newText: escapeFor(literal, edit.newText) };
}

function escapeFor(literal: StringLiteral, text: string): string {
  const q = literal.quote.slice(-1);
  // Triple-quoted Python strings take a lone quote as it is.
  if (literal.quote.length === 3) return text.replace(/\\/g, '\\\\');
  return text.replace(/\\/g, '\\\\').split(q).join(`\\${q}`).replace(/\$\{/g, q === '`' ? '\\${' : '${');
}

function within(inner: Range, outer: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}
