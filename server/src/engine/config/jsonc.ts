/**
 * JSON with comments and trailing commas, as VS Code writes settings.json and users write env and rc files:
 * read by `jsonc-parser`, the parser VS Code itself uses. Pure: text in, value or one-line error out.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type JsoncResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJsonc(text: string): JsoncResult {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length === 0) return { ok: true, value };
  const first = errors[0];
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  return { ok: false, error: `${printParseErrorCode(first.error)} at line ${line}, column ${column}` };
}
