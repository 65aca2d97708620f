/**
 * Reads what JetBrains-style response handlers capture, without ever running them: the calls
 * `client.global.set("v", response.headers.valueOf("ETag"))` and `client.global.set("v", jsonPath(response.body, "$.x"))`
 * (and `response.body.x`) are recognised statically. Anything more dynamic is left alone.
 */
import type { Script } from './ast';

export interface HandlerCapture {
  variable: string;
  source: { kind: 'header'; name: string } | { kind: 'body'; path: string };
  /** Line in the document of the `client.global.set` call. */
  line: number;
}

const SET_CALL = /client\.global\.set\(\s*(["'`])([^"'`]+)\1\s*,\s*([^;\n]*)\)/g;
const HEADER_VALUE = /^response\.headers\.valueOf\(\s*(["'`])([^"'`]+)\1\s*\)$/;
const JSON_PATH = /^jsonPath\(\s*response\.body\s*,\s*(["'`])([^"'`]+)\1\s*\)$/;
const BODY_PROPERTY = /^response\.body((?:\.[A-Za-z_$][\w$]*|\[\d+\])+)$/;

export function handlerCaptures(script: Script): HandlerCapture[] {
  if (script.kind !== 'response-handler' || script.source === '') return [];
  const captures: HandlerCapture[] = [];
  for (const m of script.source.matchAll(SET_CALL)) {
    const expr = m[3].trim();
    const line = script.sourceStartLine + countNewlines(script.source, m.index ?? 0);
    const header = HEADER_VALUE.exec(expr);
    if (header) {
      captures.push({ variable: m[2], source: { kind: 'header', name: header[2] }, line });
      continue;
    }
    const path = JSON_PATH.exec(expr) ?? BODY_PROPERTY.exec(expr);
    if (path) captures.push({ variable: m[2], source: { kind: 'body', path: path[2] ?? `$${path[1]}` }, line });
  }
  return captures;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
