/**
 * http-syntax: what the `.http` parser could not read, reported under one configurable id. Each problem keeps
 * the parser's own severity (a stray line among the headers is a warning) unless the user sets a level.
 */
import type { Rule } from './types';

export const httpSyntax: Rule = {
  id: 'http-syntax',
  defaultLevel: 'error',
  summary: 'A line of a `.http` / `.rest` file cannot be read as the dialects define it.',
  languages: ['http'],
  check({ model }, report) {
    for (const d of model.syntax ?? []) report({ message: d.message, range: d.range, fixes: [], level: d.severity });
  },
};
