/**
 * file-too-large: a client-code file over `maxCodeFileBytes` is not analysed; one notice at its top says so,
 * so that an empty Problems panel is never read as "no risk here". Not a model check: lintCode emits it
 * instead of parsing.
 */
import type { RuleInfo } from './types';

export const fileTooLarge: RuleInfo = {
  id: 'file-too-large',
  defaultLevel: 'info',
  summary: 'A client-code file is larger than `maxCodeFileBytes`, so it was not analysed.',
  languages: ['code'],
};
