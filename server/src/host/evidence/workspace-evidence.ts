/**
 * The evidence a workspace holds outside the linted files, for both hosts: its OpenAPI documents, what the
 * runner has seen (`.etag-guard/observations.json`) and the probes (`.etag-guard/probes.json`), turned into the
 * engine's evidence sources. Read once per workspace root and kept until `forget` (a file changed, the runner
 * saw something new, the user cleared it).
 */
import type { ApiDocument, EvidenceSource, Observation } from '../../engine';
import { observedSource, openApiSource } from '../../engine';
import { probeSource } from '../../engine/evidence/probed';
import type { ProbeEvidence } from '../../engine/probe/evidence';
import { readProbeStore } from '../../runner/probe/store';
import { scanApiDocuments } from './openapi-files';
import { readObservations } from './observation-store';

export interface WorkspaceEvidence {
  root: string;
  documents: ApiDocument[];
  /** Set when a limit stopped the OpenAPI scan (documents past it are not read), in words. */
  scanStopped?: string;
  observations: Observation[];
  probes: ProbeEvidence[];
  sources: EvidenceSource[];
}

export class WorkspaceEvidenceCache {
  private readonly byRoot = new Map<string, WorkspaceEvidence>();

  /** The evidence of `root` (read on first use). */
  get(root: string): WorkspaceEvidence {
    let e = this.byRoot.get(root);
    if (!e) this.byRoot.set(root, e = loadWorkspaceEvidence(root));
    return e;
  }

  /** Forgets one root, or all. */
  forget(root?: string): void {
    if (root === undefined) this.byRoot.clear();
    else this.byRoot.delete(root);
  }
}

export function loadWorkspaceEvidence(root: string): WorkspaceEvidence {
  const { documents, stopped } = scanApiDocuments(root);
  const observations = readObservations(root);
  let probes: ProbeEvidence[] = [];
  try {
    probes = readProbeStore(root);
  } catch {
    // A damaged probe store is the probe command's to report; the linter goes on without it.
  }
  const sources: EvidenceSource[] = [];
  if (documents.length) sources.push(openApiSource(documents));
  if (observations.length) sources.push(observedSource(observations));
  if (probes.length) sources.push(probeSource(probes));
  return { root, documents, ...(stopped ? { scanStopped: stopped } : {}), observations, probes, sources };
}
