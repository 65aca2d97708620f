import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, lineStarts } from './edits';
import { range, type TextEdit } from './types';

/** The definition LSP gives: every range refers to the original text; edits applied one at a time from the last. */
function oneByOneFromTheEnd(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, character: number) =>
    line >= lines.length ? text.length : lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + Math.min(character, lines[line].length + (line + 1 < lines.length ? 1 : 0));
  const spans = edits.map((e, index) => ({ start: offset(e.range.start.line, e.range.start.character), end: offset(e.range.end.line, e.range.end.character), e, index }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.e.newText + out.slice(s.end);
  return out;
}

/** A small deterministic generator, so a failure names the seed that shows it. */
function random(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

describe('applyTextEdits', () => {
  it('keeps the array order of insertions at one position, before a replacement starting there', () => {
    const text = 'abc\ndef';
    const edits: TextEdit[] = [
      { range: range(0, 1, 0, 2), newText: 'X' },
      { range: range(0, 1, 0, 1), newText: '1' },
      { range: range(0, 1, 0, 1), newText: '2' },
      { range: range(1, 0, 1, 0), newText: '>' },
      { range: range(0, 3, 1, 0), newText: ' ' },
    ];
    assert.equal(applyTextEdits(text, edits), 'a12Xc >def');
  });

  it('equals the edits applied one by one from the end, for random disjoint and overlapping edits', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const text = Array.from({ length: 1 + next(6) }, () => 'x'.repeat(next(8))).join('\n');
      const lineCount = text.split('\n').length;
      const position = () => ({ line: next(lineCount + 1), character: next(10) });
      const edits = Array.from({ length: next(7) }, (_, i): TextEdit => {
        const a = position();
        const b = next(3) === 0 ? a : position();
        const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
        return { range: { start, end }, newText: next(2) ? `<${i}>` : '' };
      });
      assert.equal(applyTextEdits(text, edits), oneByOneFromTheEnd(text, edits), `seed ${seed}`);
    }
  });

  it('applies a thousand edits to a large text in one pass', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n');
    const edits = Array.from({ length: 1000 }, (_, i): TextEdit => ({ range: range(i * 20, 0, i * 20, 4), newText: 'LINE' }));
    const out = applyTextEdits(text, edits);
    assert.equal(out, oneByOneFromTheEnd(text, edits));
    assert.equal(out.split('\n')[20], 'LINE 20');
  });
});

describe('lineStarts', () => {
  /** The definition: a line ends after an LF, or after a CR that no LF follows. */
  const charByChar = (text: string): number[] => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
    }
    return starts;
  };

  it('ends lines at LF, CRLF and a lone CR, as an editor does', () => {
    assert.deepEqual(lineStarts('a\nb\r\nc\rd\r\r\n\n'), [0, 2, 5, 7, 9, 11, 12]);
    assert.deepEqual(lineStarts(''), [0]);
    assert.deepEqual(lineStarts('\r'), [0, 1]);
  });

  it('equals the character-by-character definition on random texts of CR, LF and letters', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const text = Array.from({ length: next(40) }, () => ['\r', '\n', 'x', '\r\n'][next(4)]).join('');
      assert.deepEqual(lineStarts(text), charByChar(text), `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });
});
