/**
 * The "add an ETag parameter" fix: when no read of the resource is in scope, the data a write sends was read
 * somewhere else, and only the ETag of that read protects it. The honest fix asks the caller for it: a parameter
 * `etag` on the function around the write (typed `string` where the other parameters are typed), sent as
 * If-Match. Refused where a new last parameter would change the meaning or the syntax: rest parameters, optional
 * parameters and defaults, Python `*args` / `**kwargs`, arrow functions with a bare parameter (`x => …`), the
 * file's top level.
 */
import type { TextEdit } from '../text/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import { isName } from './options';
import { unwrap, type Node } from './syntax';

export interface EtagParameter {
  edits: TextEdit[];
  name: string;
  /** The body the write sends is one of the function's parameters: the caller read the data. */
  dataFromCaller: boolean;
}

/** The edit that adds the parameter, or undefined where none can be added safely. */
export function etagParameter(ctx: CodeContext, call: HttpCall, body: Node | undefined, name: string): EtagParameter | undefined {
  const fn = ctx.scopes.functionOf(call.call);
  if (fn.id === ctx.index.root.id) return undefined;
  const params = fn.childForFieldName('parameters');
  if (!params || (params.type !== 'formal_parameters' && params.type !== 'parameters')) return undefined;
  const list = params.namedChildren.filter((p) => p.type !== 'comment');
  const py = ctx.family === 'python';
  // A required parameter cannot follow an optional one (TypeScript, Python) and nothing follows a rest one.
  const refused = (p: Node) => py
    ? p.type !== 'identifier' && p.type !== 'typed_parameter'
    : p.type === 'rest_pattern' || p.type === 'optional_parameter' || p.type === 'assignment_pattern' ||
      (p.type === 'required_parameter' && (p.childForFieldName('value') !== null || p.childForFieldName('pattern')?.type === 'rest_pattern'));
  if (list.some(refused)) return undefined;
  const names = list.map(parameterName);
  if (names.includes(name)) return undefined;
  const typed = !py && list.some((p) => p.type === 'required_parameter' && p.childForFieldName('type'));
  const text = `${name}${typed ? ': string' : ''}`;
  const last = list[list.length - 1];
  const at = last ? last.endPosition : { row: params.startPosition.row, column: params.startPosition.column + 1 };
  const position = { line: at.row, character: at.column };
  const bodyName = body && isName(unwrap(body)) ? unwrap(body).text : undefined;
  return {
    edits: [{ range: { start: position, end: position }, newText: last ? `, ${text}` : text }],
    name,
    dataFromCaller: bodyName !== undefined && names.includes(bodyName),
  };
}

/** The name a parameter binds (`x`, `x: T`, `x = 1`, `self`). */
function parameterName(p: Node): string {
  const inner = p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? p.childForFieldName('left') ?? p.namedChildren[0] ?? p;
  return inner.type === 'identifier' ? inner.text : p.text;
}
