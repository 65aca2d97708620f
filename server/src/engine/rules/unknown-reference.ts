/**
 * unknown-reference: a `{{name.response…}}` (REST Client), `{{nameResponse…}}` (httpYac) reference naming no
 * request before it, which fails when the request is sent; and, as info, a plain `{{var}}` defined nowhere the
 * analysis can see (file variables, the environments, handler scripts), usually a typo or a missing environment.
 */
import { ANY_NAME } from '../config/environment-names';
import type { RequestModel, UnresolvedReference } from '../model/types';
import type { Rule } from './types';
import { startLineOf } from '../text/span';
import type { EngineConfig } from '../config/config';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultLevel: 'error',
  summary: 'A reference names no earlier request (error), or a `{{variable}}` is defined nowhere (info).',
  languages: ['http', 'code'],
  check({ model, config }, report) {
    for (const u of model.unresolved) {
      if (u.kind === 'variable') {
        const environmentNames = knownNames(config);
        // With no environment in sight, a variable may come from one we cannot read (editor settings): precision
        // first, so plain variables are only judged against environments we can see.
        if (environmentNames.size === 0 || environmentNames.has(u.name) || environmentNames.has(ANY_NAME)) continue;
        report({
          message: `\`{{${u.text}}}\` is defined neither in this file nor in a handler script, and no known environment ` +
            'defines it: unless an environment etag-guard cannot see does (editor settings, a CI variable), it is sent as ' +
            `written. Declare it (\`@${u.name} = …\`), or list it in \`environmentNames\` of .etagguardrc.json.`,
          range: u.range,
          fixes: [],
          level: 'info',
        });
      } else {
        report({ message: requestMessage(u, model.requests), range: u.range, fixes: [] });
      }
    }
  },
};

/**
 * The names the environments in sight define (the environment files' read here, by the host), once per configuration
 * and only when a variable is unresolved: a
 * large file linted in slices (lint-sliced.ts) shares one configuration listing every request name and variable of
 * the file, thousands, and most slices leave no variable unresolved.
 */
const namesByConfig = new WeakMap<EngineConfig, ReadonlySet<string>>();

function knownNames(config: EngineConfig): ReadonlySet<string> {
  let names = namesByConfig.get(config);
  if (!names) {
    const fromFiles = config.environmentFileNames?.() ?? [];
    namesByConfig.set(config, names = new Set([...config.environmentNames, ...fromFiles, ...Object.keys(config.environmentVariables)]));
  }
  return names;
}

function requestMessage(u: UnresolvedReference, requests: readonly RequestModel[]): string {
  const later = requests.find((r) => r.name === u.name && startLineOf(r.range) > u.range.start.line);
  if (later) {
    return `\`{{${u.text}}}\` refers to ${u.name}, which is defined only after this request (line ${startLineOf(later.anchor) + 1}): ` +
      'when this request is sent, that response does not exist yet. Move the named request before this one.';
  }
  return `\`{{${u.text}}}\` refers to a request named ${u.name}, but no request before this one has that name: ` +
    'the reference cannot be resolved. Check the spelling or add `# @name ' + u.name + '` to the request it should read.';
}
