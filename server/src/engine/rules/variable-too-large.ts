/**
 * variable-too-large: a file variable whose expansion passes 64 KB, almost always a chain where each variable
 * repeats the one before (`@v2 = {{v1}}{{v1}}…`), which grows exponentially: seven levels of sixteen copies
 * are under 1 KB to write and 268 million characters to send. The analysis leaves it unexpanded; `run` stops
 * with an error before building it. Also reported, once, when all the expansions of the file together pass
 * 16 MB (many requests each repeating a large value), the rest of the file then being checked unexpanded.
 */
import { MAX_EXPANSION_CHARS, MAX_TOTAL_EXPANSION_CHARS } from '../model/variables';
import type { Rule } from './types';
import { rangeOf } from '../text/span';

export const variableTooLarge: Rule = {
  id: 'variable-too-large',
  defaultLevel: 'error',
  summary: 'A file variable expands to more than 64 KB (usually variables repeating each other), so it cannot be sent.',
  languages: ['http'],
  check({ model }, report) {
    for (const v of model.oversized ?? []) {
      report({
        message: `\`@${v.name}\` expands to more than ${MAX_EXPANSION_CHARS / 1024} KB: its value repeats other variables that repeat ` +
          'others in turn, so the text grows exponentially. etag-guard does not expand it, and `run` refuses to send it. ' +
          'Declare the value directly, or repeat it fewer times.',
        range: v.range,
        fixes: [],
      });
    }
    const first = model.requests[0];
    if (model.expansionExhausted && first) {
      report({
        message: `The variables of this file expand to more than ${MAX_TOTAL_EXPANSION_CHARS / 1024 / 1024} MB in total (large values ` +
          'repeated by many requests): the rest of the file is checked with its variables unexpanded. Use smaller values or a body file.',
        range: rangeOf(first.anchor),
        fixes: [],
      });
    }
  },
};
