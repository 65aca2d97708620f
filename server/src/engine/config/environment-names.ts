/**
 * The variable names environment files define, read without running anything, so `unknown-reference` does not
 * call `{{baseUrl}}` undefined when an environment file beside the `.http` file defines it. Pure: the hosts
 * find and read the files, this only parses their text.
 */

import { parseJsonc } from './jsonc';

/** Every name: returned for configuration files that can define anything (httpYac's JavaScript config). */
export const ANY_NAME = '*';

/**
 * Names defined by one environment file, judged by its base name: JetBrains / httpYac `*.env.json`
 * (`{"dev": {"host": …}}`), VS Code `settings.json` (`rest-client.environmentVariables`,
 * `httpyac.environmentVariables`), httpYac config files (anything). Dotenv files are the host's: it reads them
 * with `dotenv`, as the runner does (host/environment-files.ts).
 * Unreadable text gives no names.
 */
export function environmentNamesIn(baseName: string, text: string): string[] {
  if (/^(httpyac\.config\.[cm]?js|\.httpyac(\.[cm]?js|\.json)?)$/.test(baseName)) return [ANY_NAME];
  if (baseName.endsWith('.env.json')) return namesOfEnvironments(jsonValue(text));
  if (baseName === 'settings.json') {
    const settings = jsonValue(text) as Record<string, unknown> | undefined;
    return ['rest-client.environmentVariables', 'httpyac.environmentVariables'].flatMap((k) => namesOfEnvironments(settings?.[k]));
  }
  return [];
}

/** `{envName: {variable: value}}` → the variable names of every environment. */
function namesOfEnvironments(environments: unknown): string[] {
  if (typeof environments !== 'object' || environments === null) return [];
  return Object.values(environments).flatMap((vars) => (typeof vars === 'object' && vars !== null ? Object.keys(vars) : []));
}

/** The parsed JSON with comments, or undefined when it does not parse. */
function jsonValue(text: string): unknown {
  const parsed = parseJsonc(text);
  return parsed.ok ? parsed.value : undefined;
}
