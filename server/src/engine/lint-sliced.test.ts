// A large .http file lists at most MAX_FINDINGS_PER_LARGE_FILE findings and counts the rest in one notice
// (issue #19: a 50 MB file of tiny flawed requests held 1.3 million findings, 2.1 GB, in `lint`), and a stretch
// with no `###` to cut at is not parsed (a 66 MB file of variable lines took 2.4 GB).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from './config/config';
import { isLargeHttp, lintHttpText, MAX_FINDINGS_PER_LARGE_FILE, MAX_SLICE_PARSE_CHARS, SLICE_THRESHOLD_CHARS, WHOLE_LINT_MAX_CHARS } from './lint-sliced';

/** `count` writes, each with a malformed If-Match (one invalid-etag each). */
function flawedWrites(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`PUT https://api.example.com/items/${i}\nIf-Match: v${i}\n\n###`);
  return parts.join('\n') + '\n';
}

describe('findings of a large file', () => {
  // Over WHOLE_LINT_MAX_CHARS (about 55 characters a write): linted in slices.
  const count = 4 * MAX_FINDINGS_PER_LARGE_FILE;
  const text = flawedWrites(count);

  it('lists the first ones and counts the rest in one too-many-findings notice', () => {
    assert.ok(isLargeHttp(text), 'the text is linted in slices');
    const { findings } = lintHttpText(text, DEFAULT_CONFIG);
    assert.equal(findings.length, MAX_FINDINGS_PER_LARGE_FILE + 1);
    assert.ok(findings.slice(0, -1).every((f) => f.ruleId === 'invalid-etag'));
    const notice = findings[findings.length - 1];
    assert.equal(notice.ruleId, 'too-many-findings');
    assert.match(notice.message, /^30,000 more findings/);
    // At the first finding left out: the If-Match of write number MAX (0-based), four lines per write.
    assert.equal(notice.range.start.line, MAX_FINDINGS_PER_LARGE_FILE * 4 + 1);
  });

  it('drops the notice, not the cap, when too-many-findings is off', () => {
    const { findings } = lintHttpText(text, mergeConfig(DEFAULT_CONFIG, { rules: { 'too-many-findings': 'off' } }));
    assert.equal(findings.length, MAX_FINDINGS_PER_LARGE_FILE);
  });

  it('leaves a file under the slicing threshold alone', () => {
    const small = flawedWrites(100);
    assert.equal(isLargeHttp(small), false);
    assert.equal(lintHttpText(small, DEFAULT_CONFIG).findings.length, 100);
  });
});

describe('a file between the slicing threshold and WHOLE_LINT_MAX_CHARS', () => {
  // A read named \`thing\` at the top, then ~1.2 MB of unrelated reads (many slices' worth), then two writes to the
  // thing with its ETag: the second is stale, the first changed it. Sliced, the capture sat in the first slice.
  const filler: string[] = [];
  for (let i = 0; filler.join('').length < 1.2 * SLICE_THRESHOLD_CHARS; i++) {
    filler.push(`### filler ${i}\n# ${'-'.repeat(400)}\nGET https://api.example.com/filler/${i}\n\n`);
  }
  const head = '# @name thing\nGET https://api.example.com/things/1\n\n';
  const write = 'PUT https://api.example.com/things/1\nIf-Match: {{thing.response.headers.ETag}}\n\n{}\n\n';
  const text = `${head}${filler.join('')}###\n${write}###\n${write}`;
  const lines = text.split('\n');
  const [firstWrite, secondWrite] = lines.flatMap((l, i) => (l.startsWith('PUT ') ? [i] : []));

  it('is linted whole, as an editor lints it: a stale ETag captured far above, lines cited in the whole text', () => {
    assert.ok(text.length > SLICE_THRESHOLD_CHARS && text.length <= WHOLE_LINT_MAX_CHARS && !isLargeHttp(text));
    const stale = lintHttpText(text, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === 'stale-etag');
    assert.equal(stale.length, 1);
    assert.equal(stale[0].range.start.line, secondWrite + 1);
    assert.match(stale[0].message, new RegExp(`the PUT on line ${firstWrite + 1} changed this resource`));
  });

  it('reports findings without fixes, as slices do', () => {
    const { findings } = lintHttpText(text, DEFAULT_CONFIG);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.fixes.length === 0));
  });
});

describe('a stretch of a large file with no separator', () => {
  it('is not parsed: one part-too-large notice at its first line, the slices before it linted', () => {
    const head = flawedWrites(2000); // about 100 KB: at least one slice of its own
    const lines: string[] = [];
    for (let i = 0, n = 0; n <= MAX_SLICE_PARSE_CHARS; i++) {
      lines.push(`@var${i} = value-${i}`);
      n += lines[lines.length - 1].length + 1;
    }
    const text = `${head}${lines.join('\n')}\nPUT https://api.example.com/b\nIf-Match: nope\n`;
    const { findings } = lintHttpText(text, DEFAULT_CONFIG);
    const notices = findings.filter((f) => f.ruleId === 'part-too-large');
    assert.equal(notices.length, 1);
    // The stretch runs from the last cut in the head (a `###` line) to the end; the slices before it are linted.
    const start = notices[0].range.start.line;
    assert.match(text.split('\n')[start], /^###/);
    assert.equal(findings.filter((f) => f.ruleId === 'invalid-etag').length, (start + 1) / 4);
    assert.match(notices[0].message, /^Not analysed: \d+ MB from here on hold no `###` separator/);
  });
});
