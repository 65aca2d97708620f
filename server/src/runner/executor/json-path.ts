/**
 * The JSONPath subset response references use: `$`, `.key`, `['key']`, `[0]`, `[-1]` and `*` for the whole
 * body. Enough for `{{get.response.body.$.id}}` and `jsonPath(response.body, "$.items[0].etag")`, with no
 * evaluation of filter expressions (they would be code).
 */

const STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[\s*(-?\d+)\s*\]|\[\s*(['"])(.*?)\3\s*\])/;

/** Parses `path` into keys and indices, or undefined when it uses syntax outside the subset. */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  let rest = path.trim();
  if (rest === '*' || rest === '$') return [];
  if (!rest.startsWith('$')) rest = `$.${rest}`; // `response.body.id` style
  rest = rest.slice(1);
  const steps: (string | number)[] = [];
  while (rest !== '') {
    const m = STEP.exec(rest);
    if (!m) return undefined;
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[4]));
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/** The value at `path` in `document`, or undefined when a step is missing. */
export function evaluateJsonPath(document: unknown, steps: readonly (string | number)[]): unknown {
  let value = document;
  for (const step of steps) {
    if (typeof step === 'number' && Array.isArray(value)) value = value[step < 0 ? value.length + step : step];
    else if (typeof step === 'string' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.prototype.hasOwnProperty.call(value, step) ? (value as Record<string, unknown>)[step] : undefined;
    } else return undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/** A JSON value as it is substituted into a request: strings bare, everything else as JSON. */
export function stringifyJsonValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
