/**
 * The configuration in force for a document: defaults ← the client's `etagGuard` settings ← the project's
 * `.etagguardrc.json` (the project file wins, so the editor agrees with `etag-guard lint` in CI).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { EngineConfig } from '../engine';
import { DEFAULT_CONFIG, mergeConfig } from '../engine';
import { applyRcFile } from '../host/config-files';
import { WorkspaceEvidenceCache, type WorkspaceEvidence } from '../host/evidence/workspace-evidence';
import { findWorkspaceRoot } from '../host/workspace-root';

export class Settings {
  private cache = new Map<string, Promise<EngineConfig>>();
  /** The workspace folders the client opened (file system paths), longest first. */
  private roots: string[] = [];
  readonly evidence = new WorkspaceEvidenceCache();

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  setWorkspaceFolders(paths: readonly string[]): void {
    this.roots = [...paths].sort((a, b) => b.length - a.length);
  }

  /** The workspace root of a file: the innermost open workspace folder holding it, else its project root. */
  rootOf(filePath: string): string {
    return this.roots.find((r) => filePath === r || filePath.startsWith(r.endsWith(path.sep) ? r : r + path.sep)) ??
      findWorkspaceRoot(filePath);
  }

  /** The evidence of the workspace holding `uri` (OpenAPI documents, the runner's observations, probes). */
  evidenceFor(uri: string): WorkspaceEvidence | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    // Only inside an open workspace folder: a loose file in /tmp must not make the server scan /tmp.
    const root = this.roots.find((r) => file.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
    return root ? this.evidence.get(root) : undefined;
  }

  /** Forgets cached settings (on didChangeConfiguration or a changed rc file). */
  reset(): void {
    this.cache.clear();
  }

  forDocument(uri: string): Promise<EngineConfig> {
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.load(uri);
      this.cache.set(uri, pending);
    }
    return pending;
  }

  private async load(uri: string): Promise<EngineConfig> {
    let config = DEFAULT_CONFIG;
    if (this.canPull()) {
      const section: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'etagGuard' }).catch(() => undefined);
      const problems: { path: string; message: string }[] = [];
      config = mergeConfig(config, section, problems);
      for (const p of problems) this.connection.console.warn(`etagGuard.${p.path}: ${p.message}`);
    }
    if (!uri.startsWith('file:')) return config;
    const loaded = applyRcFile(config, fileURLToPath(uri));
    for (const p of loaded.problems) this.connection.console.warn(`${loaded.file ?? ''} ${p.path}: ${p.message}`);
    return { ...loaded.config, evidenceSources: this.evidenceFor(uri)?.sources ?? [] };
  }
}
