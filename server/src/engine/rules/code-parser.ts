/**
 * code-parser: the host supplied no parser for a client-code file's language (its grammar did not load), so
 * the file was not analysed. Not a model check: lintCode emits it instead of parsing.
 */
import type { RuleInfo } from './types';

export const codeParser: RuleInfo = {
  id: 'code-parser',
  defaultLevel: 'warning',
  summary: 'No parser for the language of a client-code file could be loaded, so it was not analysed.',
  languages: ['code'],
};
