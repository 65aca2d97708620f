import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit } from '../../engine';
import { lineAfterEdits } from './line-shift';

const at = (line: number, character: number, endLine: number, endCharacter: number, newText: string): TextEdit =>
  ({ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, newText });

describe('lineAfterEdits', () => {
  it('moves a line down by the lines inserted above it (a refreshing read inserted before the write)', () => {
    assert.equal(lineAfterEdits(4, [at(4, 0, 4, 0, '# @name r\nGET x\n\n###\n'), at(5, 10, 5, 14, '"v2"')]), 8);
  });

  it('moves a line up when lines above it are deleted, and ignores edits below or on the line itself', () => {
    assert.equal(lineAfterEdits(6, [at(1, 0, 3, 0, '')]), 4);
    assert.equal(lineAfterEdits(6, [at(6, 5, 6, 9, 'x\ny'), at(9, 0, 9, 0, 'z\n')]), 6);
  });

  it('loses a line whose start was deleted', () => {
    assert.equal(lineAfterEdits(6, [at(5, 2, 6, 3, '')]), undefined);
  });
});
