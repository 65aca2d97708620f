/**
 * Adds an entry (a `key: value` pair, a `key=value` argument) to an object, dict or argument list, built from
 * the syntax tree rather than guessed text offsets: a trailing comma stays trailing (the new entry goes after
 * it, and gets one of its own), comments after the last entry stay with it, a multi-line literal gets the
 * entry on a line of its own at the entries' indentation, a one-line literal stays on one line, and the
 * document's line ending is kept. A literal the parser could not read cleanly gets no edit.
 */
import type { TextEdit } from '../text/types';
import type { Node } from './syntax';

const OPENERS = new Set(['{', '(']);
const CLOSERS = new Set(['}', ')']);

/** The edits that add `entry` as the literal's last entry; empty when the literal's shape is not clean. */
export function insertEntry(literal: Node, entry: string, text: string): TextEdit[] {
  const open = literal.firstChild;
  const close = literal.lastChild;
  if (!open || !close || !OPENERS.has(open.type) || !CLOSERS.has(close.type) || close.isMissing || literal.hasError) return [];
  const inner = literal.children.slice(1, -1);
  const entries = inner.filter((c) => c.isNamed && c.type !== 'comment');
  const last = entries[entries.length - 1];
  if (!last) return emptyInsert(literal, open, close, inner, entry, text);
  const after = inner.slice(inner.indexOf(last) + 1);
  const trailingComma = after.some((c) => c.type === ',');
  const eol = eolOf(text);
  // One entry per line (the last starts a line of its own) and the closing bracket below: the entry gets a line.
  const before = entries.length > 1 ? entries[entries.length - 2].endPosition.row : open.endPosition.row;
  if (last.endPosition.row < close.startPosition.row && before < last.startPosition.row) {
    // A line of its own after whatever ends the last entry's line (its comma, a comment).
    const tail = after.length > 0 ? after[after.length - 1] : last;
    const line = `${eol}${indentOf(last, text)}${entry}${trailingComma ? ',' : ''}`;
    if (trailingComma || tail === last) return [insertAt(tail, trailingComma ? line : `,${line}`)];
    return [insertAt(last, ','), insertAt(tail, line)];
  }
  // One line, entries sharing lines, or the closing bracket hugging the last entry: inline, after the trailing
  // comma when there is one.
  if (trailingComma) {
    const comma = after.find((c) => c.type === ',')!;
    return [insertAt(comma, ` ${entry},`)];
  }
  return [insertAt(last, `, ${entry}`)];
}

/** `{}` → `{ entry }`, `{}` (Python) → `{entry}`, `()` → `(entry)`; a multi-line empty literal gets an indented line. */
function emptyInsert(literal: Node, open: Node, close: Node, inner: Node[], entry: string, text: string): TextEdit[] {
  if (inner.some((c) => c.type !== ',' && c.type !== 'comment') || inner.some((c) => c.type === ',')) return [];
  if (open.endPosition.row < close.startPosition.row) {
    const tail = inner.length > 0 ? inner[inner.length - 1] : open;
    const closeIndent = indentOf(close, text);
    const unit = /\t/.test(closeIndent) ? '\t' : '  ';
    return [insertAt(tail, `${eolOf(text)}${closeIndent}${unit}${entry}`)];
  }
  if (inner.length > 0) return [];
  const pad = literal.type === 'object' ? ' ' : '';
  return [{ range: { start: positionOf(open.endPosition), end: positionOf(close.startPosition) }, newText: `${pad}${entry}${pad}` }];
}

/** The leading whitespace of the line a node starts on. */
export function indentOf(node: Node, text: string): string {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, node.startIndex))?.[0] ?? '';
}

/** The document's line ending: CRLF when it uses CRLF, else LF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** An insertion right after `node` (before the CR a Python comment's node takes in with it in a CRLF file). */
function insertAt(node: Node, newText: string): TextEdit {
  const at = positionOf(node.endPosition);
  if (node.type === 'comment' && node.text.endsWith('\r')) at.character--;
  return { range: { start: at, end: at }, newText };
}

function positionOf(p: { row: number; column: number }): { line: number; character: number } {
  return { line: p.row, character: p.column };
}
