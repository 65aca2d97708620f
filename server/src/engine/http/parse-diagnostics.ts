/**
 * The parse diagnostics and their wording. Each message says what is wrong and how to fix it, so a user who has
 * never read the dialect's spec can act on it.
 */
import { lineRange } from '../text/types';
import type { ParseDiagnostic } from './ast';
import { KNOWN_METHODS } from './line-kinds';

/** A diagnostic on part of one line (at least one character wide, so editors can show it). */
export function parseDiagnostic(
  line: number, start: number, end: number, code: string, severity: ParseDiagnostic['severity'], message: string,
): ParseDiagnostic {
  return { code, severity, message, range: lineRange(line, start, Math.max(end, start + 1)) };
}

/** For a line where a request should start and nothing else can be read: what it most likely is, and the fix. */
export function unreadableLine(line: number, text: string): ParseDiagnostic {
  const at = (code: string, message: string) => parseDiagnostic(line, 0, text.length, code, 'error', message);
  const word = /^\S+/.exec(text.trim())?.[0] ?? '';
  if (text.startsWith('@')) {
    return at('invalid-variable', 'A file variable needs a name and a value: write `@name = value`. ' +
      'For metadata such as `@name`, start the line with `#` (`# @name value`).');
  }
  if (KNOWN_METHODS.has(word.toUpperCase()) && text.trim() === word) {
    return at('missing-url', `\`${word}\` needs a URL after it: write \`${word.toUpperCase()} https://example.com/items\`.`);
  }
  const second = /^\S+[ \t]+(\S+)/.exec(text)?.[1];
  if (second !== undefined && KNOWN_METHODS.has(second)) {
    return at('command-line', `This is a command line (\`${word}\`), not a request: write the request itself, ` +
      `as in \`${second} https://example.com/items\`, with headers on the lines below it.`);
  }
  return at('expected-request-line', 'Expected a request line such as `GET https://example.com/items` here. ' +
    'Start comments with `#` or `//`, declare variables as `@name = value`, and separate requests with `###`.');
}

/** For a line among the headers that is no header: read as the body's start, as httpYac does, and said so. */
export function notAHeader(line: number, text: string): ParseDiagnostic {
  const spaced = /^([A-Za-z][\w-]*(?:[ \t]+[\w-]+)+)[ \t]*:/.exec(text);
  const message = spaced
    ? `A header name cannot contain spaces: write \`${spaced[1].trim().split(/[ \t]+/).join('-')}:\`. ` +
      'As written, the line is read as the start of the body.'
    : 'This line is not a header (`Name: value`), so it is read as the start of the body. Insert a blank line ' +
      'before it (JetBrains and REST Client need one), or add the missing `:` if it is a header.';
  return parseDiagnostic(line, 0, text.length, 'missing-blank-line', 'warning', message);
}

export const TEXT_AFTER_HANDLER =
  'Unexpected text after the response handler or file body. Put further body text before the handler, ' +
  'or start a new request with `###`.';
