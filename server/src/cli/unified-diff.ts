/**
 * A unified diff (`diff -u`, as `git apply` and `patch -p1` read it) between two versions of one file, for
 * `--fix-dry-run`. Lines are compared whole (a CR stays part of its line); the common head and tail are cut
 * first, so the longest-common-subsequence table covers only the changed middle (fixes touch a few lines).
 */

const CONTEXT = 3;
/** Beyond this many table cells the middle is shown as one replaced block instead of a minimal diff. */
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

export function unifiedDiff(before: string, after: string, oldName: string, newName: string): string {
  if (before === after) return '';
  const a = splitKeepingEnds(before);
  const b = splitKeepingEnds(after);
  const ops = diffLines(a, b);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const hunk of hunks(ops)) out.push(...hunk);
  return out.join('\n') + '\n';
}

function splitKeepingEnds(text: string): string[] {
  const lines = text.split('\n').map((l, i, all) => (i < all.length - 1 ? l + '\n' : l));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  ops.push(...middle(midA, midB));
  ops.push(...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line })));
  return ops;
}

function middle(a: string[], b: string[]): Op[] {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) ops.push({ kind: '-', line: a[i++] });
    else ops.push({ kind: '+', line: b[j++] });
  }
  return ops;
}

/** Groups changes with CONTEXT lines around them; changes closer than 2×CONTEXT share a hunk. */
function* hunks(ops: Op[]): Generator<string[]> {
  const changed = ops.map((o, k) => (o.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    let end = k;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= 2 * CONTEXT) end++;
    const from = Math.max(0, changed[k] - CONTEXT);
    const to = Math.min(ops.length, changed[end] + CONTEXT + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let x = 0; x < from; x++) {
      if (ops[x].kind !== '+') oldStart++;
      if (ops[x].kind !== '-') newStart++;
    }
    const slice = ops.slice(from, to);
    const oldLen = slice.filter((o) => o.kind !== '+').length;
    const newLen = slice.filter((o) => o.kind !== '-').length;
    const lines = [`@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@`];
    for (const o of slice) {
      lines.push(o.kind + o.line.replace(/\n$/, ''));
      if (!o.line.endsWith('\n')) lines.push('\\ No newline at end of file');
    }
    yield lines;
    k = end + 1;
  }
}

/** `start,len` as diff writes it: an empty side starts one line earlier. */
function range(start: number, len: number): string {
  return len === 0 ? `${start - 1},0` : len === 1 ? `${start}` : `${start},${len}`;
}
