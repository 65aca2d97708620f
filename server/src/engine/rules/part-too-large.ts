/**
 * part-too-large: a large `.http` file is linted in slices cut at `###` lines; a stretch of more than
 * `MAX_SLICE_PARSE_CHARS` with no separator to cut at (one request with a million headers, a million variable
 * lines) is not parsed — its syntax tree alone would take gigabytes — and one notice at its first line says so.
 * Not a model check: the sliced linter emits it.
 */
import type { RuleInfo } from './types';

export const partTooLarge: RuleInfo = {
  id: 'part-too-large',
  defaultLevel: 'warning',
  summary: 'A stretch of a large .http file has no ### separator for over 8 MB, so it was not analysed.',
  languages: ['http'],
};
