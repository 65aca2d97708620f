/**
 * SARIF 2.1.0 for code-scanning tools: the tool's rule list with help URIs and default levels, and one
 * result per finding with its real level (info → `note`).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FindingLevel } from '../../engine';
import { ALL_RULES, docsUrl, SYNTAX_RULE_ID } from '../../engine';
import type { FileReport } from '../lint-files';

// The CLI drops hints before formatting; `none` keeps the table total.
const SARIF_LEVEL: Record<FindingLevel, 'none' | 'note' | 'warning' | 'error'> = { hint: 'none', info: 'note', warning: 'warning', error: 'error' };

export function formatSarif(reports: readonly FileReport[], cwd: string, version: string): string {
  const rules = ALL_RULES.map((r) => ({ id: r.id, summary: r.summary, level: r.defaultLevel }));
  const results = reports.flatMap((r) => {
    // A relative URI reference: each segment percent-encoded (spaces, `#`, `%`, `?` are not literal in a URI).
    const uri = path.relative(cwd, r.filePath).split(path.sep).map(encodeURIComponent).join('/');
    const location = (line: number, column: number, endLine: number, endColumn: number) => [{
      physicalLocation: { artifactLocation: { uri, uriBaseId: 'SRCROOT' }, region: { startLine: line, startColumn: column, endLine, endColumn } },
    }];
    const found = r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: rules.findIndex((x) => x.id === f.ruleId),
      level: SARIF_LEVEL[f.level],
      message: { text: f.message },
      locations: location(f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1),
    }));
    return r.fatal ? [{ ruleId: SYNTAX_RULE_ID, ruleIndex: rules.findIndex((x) => x.id === SYNTAX_RULE_ID), level: 'error', message: { text: r.fatal }, locations: location(1, 1, 1, 1) }, ...found] : found;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'etag-guard',
          version,
          informationUri: 'https://github.com/etag-guard/etag-guard',
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.summary },
            helpUri: docsUrl(r.id),
            defaultConfiguration: { level: SARIF_LEVEL[r.level] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
      results,
    }],
  };
  return JSON.stringify(log, null, 2);
}
