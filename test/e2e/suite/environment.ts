// The environment the suite selects for sending requests: `{{baseUrl}}` in the request fixtures is whichever
// server the current test talks to (the demo API in the extension host, or the launcher's Apache).
import * as vscode from 'vscode';

/** The environment the suite selects; request fixtures use its `{{baseUrl}}`. */
export const E2E_ENVIRONMENT = 'e2e';

/** Points `{{baseUrl}}` at `url` through the `etagGuard.environments` / `etagGuard.environment` workspace settings. */
export async function selectBaseUrl(url: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('etagGuard');
  if (config.get<Record<string, { baseUrl?: string }>>('environments')?.[E2E_ENVIRONMENT]?.baseUrl === url) return;
  await config.update('environments', { [E2E_ENVIRONMENT]: { baseUrl: url } }, vscode.ConfigurationTarget.Workspace);
  await config.update('environment', E2E_ENVIRONMENT, vscode.ConfigurationTarget.Workspace);
}
