/**
 * Lints files from disk for the CLI: reads each file, applies its `.etagguardrc.json` and the `--rule`
 * overrides, and (with `--fix`) applies the preferred fixes until none is left.
 */
import * as fs from 'node:fs';
import type { CodeParsers, EngineConfig, LintFinding, RuleFailure, TextEdit } from '../engine';
import { applyTextEdits, languageOfPath, lintCode, lintHttp, mergeConfig } from '../engine';
import { applyRcFile } from '../host/config-files';


export interface FileReport {
  filePath: string;
  findings: LintFinding[];
  failures: RuleFailure[];
  /** Set when the file could not be read or was skipped: shown as one message. */
  fatal?: string;
  source: string;
}

export interface LintOptions {
  base: EngineConfig;
  ruleOverrides: Record<string, string>;
  fix: boolean;
  /** Parsers for client code; without them, code files yield nothing. */
  parsers?: CodeParsers;
}

const MAX_FIX_PASSES = 10;

export function lintText(text: string, filePath: string, config: EngineConfig, parsers?: CodeParsers): { findings: LintFinding[]; failures: RuleFailure[] } {
  const language = languageOfPath(filePath);
  if (language === 'http') return lintHttp(text, config);
  if (language && parsers) return lintCode(text, language, config, parsers);
  return { findings: [], failures: [] };
}

export function lintFile(filePath: string, options: LintOptions): FileReport {
  let source: string;
  try {
    source = fs.readFileSync(filePath, 'utf8');
  } catch (err) {
    return { filePath, findings: [], failures: [], fatal: `Cannot read file: ${(err as Error).message}`, source: '' };
  }
  // Editors hide a byte-order mark; so do we, so lines and columns match what the user sees (and --fix keeps it).
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  source = source.slice(bom.length);
  const loaded = applyRcFile(options.base, filePath);
  const config = mergeConfig(loaded.config, { rules: options.ruleOverrides });
  let result = lintText(source, filePath, config, options.parsers);
  if (options.fix) {
    let fixed = source;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const edits = preferredEdits(result.findings);
      if (edits.length === 0) break;
      const next = applyTextEdits(fixed, edits);
      if (next === fixed) break;
      fixed = next;
      result = lintText(fixed, filePath, config, options.parsers);
    }
    if (fixed !== source) {
      fs.writeFileSync(filePath, bom + fixed);
      source = fixed;
    }
  }
  return { filePath, findings: result.findings, failures: result.failures, source };
}

/** The preferred fix of each finding, skipping fixes whose edits overlap one already taken in this pass. */
function preferredEdits(findings: readonly LintFinding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
    if (!fix) continue;
    const touchedLines = (e: TextEdit) => [e.range.start.line, e.range.end.line];
    const overlaps = fix.edits.some((e) => taken.some((t) => {
      const [a1, a2] = touchedLines(e);
      const [b1, b2] = touchedLines(t);
      return a1 <= b2 && b1 <= a2;
    }));
    if (!overlaps) taken.push(...fix.edits);
  }
  return taken;
}
