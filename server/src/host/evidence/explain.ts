/**
 * What `etag-guard lint --explain-evidence PATHS…` and the editor's "Show Remembered Evidence" print: is known about each API and how each write of the `.http`
 * files is judged — the workspace's OpenAPI documents, what the runner and the probe have seen, and per write
 * its decision (warn / hint / silent, or guarded when it sends a precondition) with every piece of evidence or the
 * reason it is out of scope. Client code too when the host gives its parsers (the CLI does): a warning there names
 * only its first piece of evidence.
 */
import * as path from 'node:path';
import type { CodeLanguage, EngineConfig } from '../../engine';
import { buildHttpModel, describeObservation, isCodeLanguage, languageOfPath, mergeConfig, parseHttp } from '../../engine';
import type { ExplainedWrite } from '../../engine/code/explain-code';
import type { Evidence } from '../../engine/evidence/types';
import { judgeWrite } from '../../engine/rules/missing-precondition';
import { hasWritePrecondition, isWrite } from '../../engine/rules/vocabulary';
import { applyRcFile } from '../config-files';
import { MAX_SOURCE_BYTES, readRegularFile } from '../regular-file';
import { OBSERVATION_STORE_FILE } from './observation-store';
import type { WorkspaceEvidence } from './workspace-evidence';
import { startLineOf } from '../../engine/text/span';

/**
 * How a host with client-code parsers explains a code file's writes (`engine/code/explain-code.ts`, given the parsers).
 * A function handed in, not an import: the language server, which explains `.http` files only, then keeps the
 * client-code engine out of its start-up bundle (it loads with the first code document, `server-code.js`).
 */
export type ExplainCode = (text: string, language: CodeLanguage, config: EngineConfig) => readonly ExplainedWrite[];

export function explainEvidence(
  files: readonly string[], cwd: string, base: EngineConfig, workspaceOf: (file: string) => WorkspaceEvidence,
  explainCode?: ExplainCode,
): string {
  const lines: string[] = [];
  const rel = (p: string) => path.relative(cwd, p) || '.';
  const shownRoots = new Set<string>();
  for (const file of files) {
    const ws = workspaceOf(file);
    if (!shownRoots.has(ws.root)) {
      shownRoots.add(ws.root);
      lines.push(`Workspace ${rel(ws.root)}`);
      lines.push(`  OpenAPI documents: ${ws.documents.length ? ws.documents.map((d) => rel(d.path)).join(', ') : 'none found'}`);
      if (ws.scanStopped) lines.push(`  (the scan for them stopped after ${ws.scanStopped}: documents further in are not read)`);
      lines.push(`  Seen by the runner (${path.join(rel(ws.root), OBSERVATION_STORE_FILE)}): ${ws.observations.length ? '' : 'nothing'}`);
      for (const o of ws.observations) lines.push(`    ${new URL(o.url).origin}: ${describeObservation(o)}`);
      lines.push(`  Probes: ${ws.probes.length ? ws.probes.map((p) => `${p.origin}${p.path} (${p.probedAt})`).join(', ') : 'none'}`);
    }
    const language = languageOfPath(file);
    if (language === undefined || (language !== 'http' && !(explainCode && isCodeLanguage(language)))) continue;
    let text: string;
    try {
      text = readRegularFile(file, 'utf8', { maxBytes: MAX_SOURCE_BYTES });
    } catch {
      continue;
    }
    const config = { ...mergeConfig(applyRcFile(base, file).config, {}), evidenceSources: ws.sources };
    if (language !== 'http') {
      const writes = explainCode!(text, language, config);
      if (writes.length === 0) continue;
      lines.push(rel(file));
      for (const w of writes) {
        lines.push(`  ${w.line}: ${w.method} ${w.url} → ${w.decision}${w.why ? ` (${w.why})` : ''}`);
        lines.push(...evidenceLines(w.evidence));
      }
      continue;
    }
    const model = buildHttpModel(parseHttp(text.replace(/^\uFEFF/, '')), config.environmentVariables);
    const writes = model.requests.filter((r) => isWrite(r.method, config));
    if (writes.length === 0) continue;
    lines.push(rel(file));
    for (const r of writes) {
      if (hasWritePrecondition(r, config)) {
        // The rule says nothing of a write that sends its precondition: its judgement without one would mislead.
        lines.push(`  ${startLineOf(r.anchor) + 1}: ${r.method} ${r.url ?? ''} → guarded (it sends a precondition)`);
        continue;
      }
      const j = judgeWrite(r, model, config, 'http');
      const what = j.outOfScope ? `out of scope: ${j.outOfScope}` : j.hintOnly ? `only a hint: ${j.hintOnly}` : j.evidence.length ? '' : 'no evidence';
      lines.push(`  ${startLineOf(r.anchor) + 1}: ${r.method} ${r.url ?? ''} → ${j.decision}${what ? ` (${what})` : ''}`);
      lines.push(...evidenceLines(j.evidence));
    }
  }
  return lines.join('\n');
}

function evidenceLines(evidence: readonly Evidence[]): string[] {
  return evidence.map((e) => `      ${e.kind}: ${e.sentence}${e.document && e.kind !== 'openapi' ? ` (${e.document})` : ''}`);
}
