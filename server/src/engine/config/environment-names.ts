/**
 * The variable names environment files define, read without running anything, so `unknown-reference` does not
 * call `{{baseUrl}}` undefined when an environment file beside the `.http` file defines it. Pure: the hosts
 * find and read the files, this only parses their text.
 */

/** Every name: returned for configuration files that can define anything (httpYac's JavaScript config). */
export const ANY_NAME = '*';

/**
 * Names defined by one environment file, judged by its base name: JetBrains / httpYac `*.env.json`
 * (`{"dev": {"host": …}}`), VS Code `settings.json` (`rest-client.environmentVariables`,
 * `httpyac.environmentVariables`), dotenv files (`KEY=value`), httpYac config files (anything).
 * Unreadable text gives no names.
 */
export function environmentNamesIn(baseName: string, text: string): string[] {
  if (/^(httpyac\.config\.[cm]?js|\.httpyac(\.[cm]?js|\.json)?)$/.test(baseName)) return [ANY_NAME];
  if (baseName.endsWith('.env.json')) return namesOfEnvironments(parseJsonc(text));
  if (baseName === 'settings.json') {
    const settings = parseJsonc(text) as Record<string, unknown> | undefined;
    return ['rest-client.environmentVariables', 'httpyac.environmentVariables'].flatMap((k) => namesOfEnvironments(settings?.[k]));
  }
  if (baseName === '.env' || baseName.endsWith('.env') || baseName.startsWith('.env.')) {
    return text.split(/\r?\n/).map((l) => /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=/.exec(l)?.[1]).filter((n): n is string => !!n);
  }
  return [];
}

/** `{envName: {variable: value}}` → the variable names of every environment. */
function namesOfEnvironments(environments: unknown): string[] {
  if (typeof environments !== 'object' || environments === null) return [];
  return Object.values(environments).flatMap((vars) => (typeof vars === 'object' && vars !== null ? Object.keys(vars) : []));
}

/** JSON with comments and trailing commas, as VS Code writes settings; undefined when it still does not parse. */
function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else out += c;
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

/** Index just past the string literal starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
