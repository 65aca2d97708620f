/** Prints a section as an aligned plain-text table, with each figure's target beside it. */
'use strict';

/** Formats a number for a table cell: fixed decimals under 100, whole numbers above. */
function fmt(value, digits = 1) {
  if (value === undefined || value === null) return '—';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

/** `rows` are arrays of cells; numbers are formatted, everything else printed as is. */
function printTable(title, header, rows) {
  const cells = [header, ...rows.map((r) => r.map((c) => fmt(c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  console.log(`\n## ${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** "ok" / "MISSED" against a target: `value <= limit`. */
const verdict = (value, limit) => (Number.isFinite(value) ? (value <= limit ? 'ok' : 'MISSED') : '—');

module.exports = { printTable, fmt, verdict };
