/**
 * `etag-guard lint [--format stylish|json|sarif] [--max-warnings N] [--rule id=level]… [--fix | --fix-dry-run] PATHS…`
 * Exit 0 when clean, 1 when a finding reaches error level or warnings exceed --max-warnings, 2 on usage or
 * I/O errors.
 */
import { parseArgs } from 'node:util';
import type { CodeLanguage, CodeParsers, EngineConfig } from '../engine';
import { DEFAULT_CONFIG, languageOfPath, parseLevel, ruleById } from '../engine';
import { escapeControls } from '../runner/executor/terminal';
import { VERSION } from '../host/version';
import { WorkspaceEvidenceCache } from '../host/evidence/workspace-evidence';
import { findWorkspaceRoot } from '../host/workspace-root';
import { discover } from './discover';
import { explainEvidence } from '../host/evidence/explain';
import { explainCodeWrites } from '../engine/code/explain-code';
import { formatJson } from './formatters/eslint-json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { fixDiffs, fixSummary } from './fix-report';
import { lintFile } from './lint-files';
import { ImportedHelpers } from '../host/imported-helpers';
import { UsageError } from './usage-error';

export interface CommandIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
}

export const LINT_USAGE = `Usage: etag-guard lint [options] PATHS...

Lints .http/.rest files and client code (JS/TS/Python) for HTTP precondition problems.
PATHS are files, folders (recursive, honouring .gitignore) or globs.

Options:
  --format stylish|json|sarif   output format (default stylish; json is ESLint's JSON shape)
  --max-warnings N              exit 1 when there are more than N warnings
  --rule id=off|info|warn|error override a rule's level (repeatable)
  --fix                         apply the preferred quick fix of each finding and write the files
                                (every fix is checked: the result parses and the finding is gone)
  --fix-dry-run                 show what --fix would change (a unified diff; in --format json
                                each result's "output") without writing anything
  --explain-evidence            print what is known about each API (OpenAPI documents, what the runner
                                and the probe saw) and how each write is judged, instead of findings
  --strict                      warn on every unguarded write, not only where evidence says the API
                                versions the resource (same as "strict": true in .etagguardrc.json)
  -h, --help                    show this help`;

/** `loadParsers` gives the parsers for client code, asked only when there is some; without it only `.http` files are linted. */
export async function lintCommand(argv: string[], io: CommandIO, loadParsers?: () => Promise<CodeParsers>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'explain-evidence': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const format = values.format!;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format '${format}' (stylish, json, sarif).`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, got '${values['max-warnings']}'.`);
  }
  const ruleOverrides: Record<string, string> = {};
  for (const r of values.rule ?? []) {
    const [id, level] = r.split('=');
    if (!id || !level || !parseLevel(level)) throw new UsageError(`--rule takes id=off|info|warn|error, got '${r}'.`);
    if (!ruleById(id)) throw new UsageError(`Unknown rule '${id}'.`);
    ruleOverrides[id] = parseLevel(level)!;
  }
  if (positionals.length === 0) throw new UsageError('No PATHS given. Try: etag-guard lint .');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : false;
  const notes: string[] = [];
  const files = discover(positionals, io.cwd, notes);
  const parsers = loadParsers && files.some((f) => languageOfPath(f) !== 'http') ? await loadParsers() : undefined;
  const workspaces = new WorkspaceEvidenceCache();
  const workspaceOf = (f: string) => workspaces.get(findWorkspaceRoot(f));
  if (values['explain-evidence']) {
    const explainCode = parsers && ((text: string, language: CodeLanguage, config: EngineConfig) => explainCodeWrites(text, language, config, parsers) ?? []);
    io.stdout(explainEvidence(files, io.cwd, { ...DEFAULT_CONFIG, strict: !!values.strict }, workspaceOf, explainCode));
    return 0;
  }
  const evidence = (f: string) => workspaceOf(f).sources;
  const imported = parsers && new ImportedHelpers(parsers);
  const importedHelpers = imported && ((file: string, text: string) => imported.forFile(file, text));
  const reports = files.map((f) => lintFile(f, { base: DEFAULT_CONFIG, ruleOverrides, fix, fixObjects: format === 'json', strict: values.strict, evidence, parsers, importedHelpers }));
  for (const r of reports) notes.push(...(r.notes ?? []));
  for (const note of new Set(notes)) io.stderr(`etag-guard: ${escapeControls(note)}`);
  for (const r of reports) for (const f of r.failures) io.stderr(`etag-guard: rule ${f.ruleId} failed on ${r.filePath}: ${f.error}`);
  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports, io.cwd, VERSION));
  else {
    if (fix === 'dry-run') for (const d of fixDiffs(reports, io.cwd)) io.stdout(d);
    const text = formatStylish(reports, io.cwd, io.color);
    if (text) io.stdout(text);
  }
  const summary = fix && fixSummary(reports, fix);
  if (summary) (format === 'stylish' ? io.stdout : io.stderr)(summary);
  const errors = reports.some((r) => r.fatal || r.findings.some((f) => f.level === 'error'));
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.level !== 'error').length, 0);
  return errors || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}
