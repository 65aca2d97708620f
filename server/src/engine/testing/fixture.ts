/**
 * Fixtures that read like the file they test: expectations are written under the line they concern, with
 * carets under the exact columns, rust-analyzer style:
 *
 *     PUT https://api.example.com/items/1
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning missing-precondition
 *
 * An annotation line is optional blanks, an optional `#` or `//`, carets, a level and a rule id (and, after
 * `:`, a fragment the message must contain). Annotation lines are removed before linting.
 */
import * as assert from 'node:assert/strict';
import type { LintFinding } from '../lint';

export interface Expectation {
  line: number;
  start: number;
  end: number;
  level: string;
  ruleId: string;
  message?: string;
}

const ANNOTATION = /^(\s*(?:#|\/\/)?\s*)(\^+)\s+(error|warning|info|hint)\s+([\w-]+)(?:\s*:\s*(.*))?$/;

/** Splits a fixture into the text to lint and the expectations, mapped to the text's line numbers. */
export function readFixture(fixture: string): { text: string; expected: Expectation[] } {
  const kept: string[] = [];
  const expected: Expectation[] = [];
  for (const line of fixture.split('\n')) {
    const m = ANNOTATION.exec(line);
    if (!m) {
      kept.push(line);
      continue;
    }
    const start = m[1].length;
    expected.push({ line: kept.length - 1, start, end: start + m[2].length, level: m[3], ruleId: m[4], message: m[5]?.trim() });
  }
  return { text: kept.join('\n'), expected };
}

/** Asserts the findings of the rules in `ruleIds` are exactly the annotated ones. */
export function assertFindings(findings: readonly LintFinding[], expected: readonly Expectation[], ruleIds: readonly string[]): void {
  const actual = findings
    .filter((f) => ruleIds.includes(f.ruleId))
    .map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.level} ${f.ruleId}`);
  const wanted = expected.map((e) => `${e.line}:${e.start}-${e.end} ${e.level} ${e.ruleId}`);
  assert.deepEqual(actual.sort(), wanted.sort(), `findings differ:\n${findings.map((f) => `  ${f.range.start.line}: ${f.ruleId} ${f.message}`).join('\n')}`);
  for (const e of expected) {
    if (!e.message) continue;
    const f = findings.find((x) => x.ruleId === e.ruleId && x.range.start.line === e.line);
    assert.ok(f?.message.includes(e.message), `message of ${e.ruleId} on line ${e.line} should contain "${e.message}", got "${f?.message}"`);
  }
}
