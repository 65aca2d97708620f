/**
 * The configuration in force for a document: defaults ← the client's `etagGuard` settings ← the project's
 * `.etagguardrc.json` (the project file wins, so the editor agrees with `etag-guard lint` in CI).
 */
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { EngineConfig } from '../engine';
import { DEFAULT_CONFIG, mergeConfig } from '../engine';
import { applyRcFile } from '../host/config-files';

export class Settings {
  private cache = new Map<string, Promise<EngineConfig>>();

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

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
    return loaded.config;
  }
}
