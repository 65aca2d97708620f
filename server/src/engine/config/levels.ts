/** Severity levels a rule can be set to, everywhere: settings, `.etagguardrc.json`, `--rule id=level`. */
export type Level = 'off' | 'info' | 'warning' | 'error';

export const LEVELS: readonly Level[] = ['off', 'info', 'warning', 'error'];

/** Accepts the spellings users bring from ESLint too (`warn`, `0`/`1`/`2`). */
export function parseLevel(text: unknown): Level | undefined {
  const t = String(text).trim().toLowerCase();
  if ((LEVELS as readonly string[]).includes(t)) return t as Level;
  if (t === 'warn' || t === '1') return 'warning';
  if (t === '2') return 'error';
  if (t === '0') return 'off';
  if (t === 'hint') return 'info';
  return undefined;
}

/**
 * The level of a reported finding: a configurable level, or `hint` — shown faintly in the editor, never in
 * the Problems panel nor by the CLI. Rules give it where nothing says the finding applies (no evidence).
 */
export type FindingLevel = Exclude<Level, 'off'> | 'hint';
