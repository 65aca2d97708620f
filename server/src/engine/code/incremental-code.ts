/**
 * Client code as an editor types it: the previous syntax tree is kept, each new version is parsed from it
 * (`tree.edit` + `parser.parse(text, oldTree)`, which re-reads only around the edit), and when the edit stays
 * inside one top-level statement that holds no HTTP call and tells the rest of the file nothing new
 * (chunk-digest.ts), the previous findings are kept, moved by the edit. Any other edit lints the new tree in full
 * (still without a full parse). The result always equals `lintCode` on the same text (incremental-code.test.ts).
 *
 * web-tree-sitter reads a JavaScript string as UTF-16: its indices and columns are UTF-16 code units, as are
 * JavaScript string offsets and LSP positions, so edits are given in code units (no UTF-8 conversion).
 */
import type { Edit, Node, Parser, Tree } from 'web-tree-sitter';
import type { EngineConfig } from '../config/config';
import type { LintFinding, LintResult } from '../lint';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/types';
import type { Position, Range } from '../text/types';
import { errorNear, sameTree } from './same-tree';
import { chunkDigest } from './chunk-digest';
import { lintTree, noParser, normalizeLineBreaks, oversized } from './lint-code';
import { grammarOf, type CodeLanguage, type CodeParsers } from './parsers';
import { syntaxErrorCount } from './syntax-errors';

/** The one region where two texts differ, in code units: `[start, oldEnd)` became `[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Compared a block at a time first: slices and `===` run natively, a character loop does not. */
const BLOCK = 1024;

/** The common prefix and suffix of two texts: a keystroke, a paste or an undo is one such region. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let tail = 0;
  while (tail + BLOCK <= room && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** The tree-sitter point (row, UTF-16 column) of offset `at`. */
function pointAt(text: string, at: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: at - lineStart };
}

export class IncrementalCodeAnalysis {
  private tree: Tree | undefined;
  private source = '';
  private result: LintResult | undefined;
  /** Where the HTTP calls of the last full lint are (moved with each reuse). */
  private requests: Range[] = [];
  /** The statement the last reused version was edited in, with its digest: typing goes on in the same one. */
  private lastChunk: { start: number; end: number; type: string; digest: string; syntaxErrors: number } | undefined;
  private topLevelCalls = false;
  /** How many versions kept the previous findings (tests and the bench read it). */
  reused = 0;

  constructor(
    readonly language: CodeLanguage,
    readonly config: EngineConfig,
    private readonly parsers: CodeParsers,
    private readonly rules: readonly Rule[] = RULES,
  ) {}

  analyze(text: string): LintResult {
    const tooLarge = oversized(text, this.config);
    if (tooLarge) {
      this.dispose();
      return tooLarge;
    }
    const parser = this.parsers.parserFor(grammarOf(this.language));
    if (!parser) {
      this.dispose();
      return noParser(this.language, this.config);
    }
    const source = normalizeLineBreaks(text);
    const change = this.tree && this.result ? textChange(this.source, source) : undefined;
    if (this.tree && this.result && !change) return this.result;
    const old = this.tree;
    try {
      return change && old ? this.reparse(parser, old, change, source) : this.full(parser.parse(source), source);
    } catch (err) {
      // A tree this analysis can no longer trust: start from nothing next time.
      this.dispose();
      throw err;
    }
  }

  /** Frees the kept tree (WebAssembly memory): call when the document closes. */
  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.result = undefined;
    this.source = '';
  }

  private reparse(parser: Parser, old: Tree, change: TextChange, source: string): LintResult {
    const before = this.source;
    // The chunk the edit falls in, read before the old tree moves with the edit.
    const oldChunk = chunkAround(old.rootNode, change.start, change.oldEnd);
    const known = this.lastChunk;
    this.lastChunk = undefined;
    const seen = known && oldChunk && oldChunk.startIndex === known.start && oldChunk.endIndex === known.end && oldChunk.type === known.type ? known : undefined;
    const oldDigest = oldChunk && !this.topLevelCalls ? seen?.digest ?? chunkDigest(oldChunk, before) : undefined;
    const oldExtent = oldChunk && {
      start: oldChunk.startIndex, end: oldChunk.endIndex, type: oldChunk.type, endPoint: oldChunk.endPosition,
      // Syntax errors add up over statements: the file's count changes by the edited statement's.
      syntaxErrors: oldDigest === undefined ? 0 : seen?.syntaxErrors ?? syntaxErrorCount(oldChunk, before.slice(oldChunk.startIndex, oldChunk.endIndex)),
    };
    // The engine holds no tree-sitter runtime value (the host loads it): `Tree.edit` reads only these fields.
    old.edit({
      startIndex: change.start, oldEndIndex: change.oldEnd, newEndIndex: change.newEnd,
      startPosition: pointAt(before, change.start), oldEndPosition: pointAt(before, change.oldEnd), newEndPosition: pointAt(source, change.newEnd),
    } as Edit);
    const tree = parser.parse(source, old);
    if (!tree) throw new Error('tree-sitter returned no tree');
    const changed = old.getChangedRanges(tree);
    if (errorNear(tree.rootNode, [{ startIndex: change.start, endIndex: change.newEnd }, ...changed])) {
      // Error recovery can take another path when it re-uses the old tree (another count of syntax errors,
      // other statements read): where the edit touches a syntax error, the tree is kept only if a fresh parse
      // gives the same. An error elsewhere (one a file carries while its author types far from it) was parsed
      // the same way before and is left alone: checking it would cost a fresh parse per keystroke.
      const fresh = parser.parse(source);
      let same = false;
      try {
        same = !!fresh && sameTree(tree.rootNode, fresh.rootNode);
      } catch (err) {
        fresh?.delete();
        throw err;
      } finally {
        // Trees live in WebAssembly memory: none may be dropped without delete(), even when the walk throws.
        if (!same) {
          tree.delete();
          old.delete();
          this.tree = undefined;
        }
      }
      if (!same) return this.full(fresh, source);
      fresh!.delete();
    }
    this.tree = tree;
    const delta = change.newEnd - change.oldEnd;
    const chunk = oldExtent && chunkAround(tree.rootNode, change.start, change.newEnd);
    let sameChunk: boolean;
    try {
      // The same statement, grown or shrunk by the edit, and nothing outside it parsed differently.
      sameChunk = !!chunk && !!oldExtent && chunk.startIndex === oldExtent.start && chunk.endIndex === oldExtent.end + delta && chunk.type === oldExtent.type
        && changed.every((r) => r.startIndex >= chunk.startIndex && r.endIndex <= chunk.endIndex);
    } finally {
      old.delete();
    }
    const digest = sameChunk && chunk && !this.topLevelCalls ? chunkDigest(chunk, source) : undefined;
    if (!sameChunk || !chunk || !oldExtent || !this.result || digest === undefined || digest !== oldDigest) return this.full(tree, source);
    const end = chunk.endPosition;
    const moves = new Moves(
      { start: { line: chunk.startPosition.row, character: chunk.startPosition.column }, end: { line: oldExtent.endPoint.row, character: oldExtent.endPoint.column } },
      { line: end.row, character: end.column },
    );
    const findings = !this.requests.some((r) => moves.touches(r)) && moved(this.result.findings, moves);
    if (!findings) return this.full(tree, source);
    this.reused++;
    this.source = source;
    this.requests = this.requests.map((r) => moves.range(r));
    const chunkErrors = syntaxErrorCount(chunk, source.slice(chunk.startIndex, chunk.endIndex));
    this.lastChunk = { start: chunk.startIndex, end: chunk.endIndex, type: chunk.type, digest, syntaxErrors: chunkErrors };
    this.result = { findings, failures: this.result.failures, syntaxErrors: (this.result.syntaxErrors ?? 0) - oldExtent.syntaxErrors + chunkErrors };
    return this.result;
  }

  private full(tree: Tree | null, source: string): LintResult {
    if (!tree) throw new Error('tree-sitter returned no tree');
    if (this.tree !== tree) this.tree?.delete();
    this.tree = tree;
    this.source = source;
    this.lastChunk = undefined;
    const lint = lintTree(tree, source, this.language, this.config, this.rules);
    this.requests = lint.requests;
    this.topLevelCalls = lint.topLevelCalls;
    this.result = lint.result;
    return lint.result;
  }
}

/** The top-level statement holding `[start, end]`, if one does. */
function chunkAround(root: Node, start: number, end: number): Node | undefined {
  const chunk = root.firstNamedChildForIndex(start);
  return chunk && chunk.startIndex <= start && end <= chunk.endIndex ? chunk : undefined;
}

/** How an edit inside a chunk moves positions: those after the chunk's old end follow its new end. */
class Moves {
  readonly rows: number;
  private readonly columns: number;

  /** `chunk` before the edit; `end`, where it ends after. */
  constructor(private readonly chunk: Range, end: Position) {
    this.rows = end.line - chunk.end.line;
    this.columns = end.character - chunk.end.character;
  }

  /** `r` overlaps the chunk, or meets it. */
  touches(r: Range): boolean {
    return before(this.chunk.start, r.end) && before(r.start, this.chunk.end);
  }

  /** Nothing moves: the edit kept the chunk's end where it was. */
  get none(): boolean {
    return this.rows === 0 && this.columns === 0;
  }

  after(p: Position): boolean {
    return before(this.chunk.end, p);
  }

  position(p: Position): Position {
    if (!this.after(p)) return p;
    return { line: p.line + this.rows, character: p.line === this.chunk.end.line ? p.character + this.columns : p.character };
  }

  range(r: Range): Range {
    return this.none || !this.after(r.end) ? r : { start: this.position(r.start), end: this.position(r.end) };
  }
}

/**
 * The findings with every position moved by the edit; undefined when that is not enough: a finding, or an edit of
 * its fixes, touches the edited chunk, or the edit added or removed lines while a message names a line number.
 * A finding nothing moves stays the same object (the server converts it to a diagnostic once).
 */
function moved(findings: readonly LintFinding[], moves: Moves): LintFinding[] | undefined {
  const namesLine = (f: LintFinding) => /\bline \d/.test(f.message) || f.fixes.some((x) => /\bline \d/.test(x.title));
  const out: LintFinding[] = [];
  for (const f of findings) {
    if (moves.touches(f.range) || f.fixes.some((x) => x.edits.some((e) => moves.touches(e.range)))) return undefined;
    if (moves.rows !== 0 && namesLine(f)) return undefined;
    const stays = moves.none || (!moves.after(f.range.end) && f.fixes.every((x) => x.edits.every((e) => !moves.after(e.range.end))));
    out.push(stays ? f : { ...f, range: moves.range(f.range), fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: moves.range(e.range) })) })) });
  }
  return out;
}

/** `a` comes at or before `b`. */
function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
