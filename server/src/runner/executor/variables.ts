/**
 * Run-time `{{…}}` substitution. A name is looked up as variable-origin.ts says (overrides, the request's own
 * variables, `client.global` captures, file variables, the environment). Values are substituted recursively and lazily,
 * so `@etag = {{get.response.headers.ETag}}` reads the response that exists when the request runs.
 */
import type { HttpFile, HttpRequest } from '../../engine';
import { classifyTemplate, type TemplateKind } from '../../engine';
import { dynamicValue, type DynamicSources } from './dynamic-values';
import { RunnerError } from './errors';
import { responseReference } from './response-refs';
import type { Session } from './session';
import { findVariable } from './variable-origin';

const MAX_DEPTH = 10;
const TEMPLATE = /\{\{(.*?)\}\}/gs;

/** Everything a substitution may read. */
export interface ResolveScope {
  file: HttpFile;
  request: HttpRequest;
  environment: Readonly<Record<string, string>>;
  overrides: Readonly<Record<string, string>>;
  session: Session;
  dynamic: DynamicSources;
  /** Runs the named request when a reference needs its response and it has not run yet. */
  ensureResponse?: (name: string) => Promise<void>;
  /** Runs the request whose response handler captures `variable`, when nothing else defines it. */
  ensureCapture?: (variable: string) => Promise<void>;
}

/** `text` with every `{{…}}` replaced. Throws `RunnerError('variable')` for anything that has no value. */
export async function substitute(text: string, scope: ResolveScope, depth = 0): Promise<string> {
  if (!text.includes('{{')) return text;
  if (depth >= MAX_DEPTH) throw new RunnerError('variable', `Variables nest more than ${MAX_DEPTH} deep (a variable that refers to itself?).`);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TEMPLATE)) {
    out += text.slice(last, m.index) + (await valueOf(classifyTemplate(m[1].trim()), scope, depth));
    last = m.index! + m[0].length;
  }
  return out + text.slice(last);
}

async function valueOf(template: TemplateKind, scope: ResolveScope, depth: number): Promise<string> {
  switch (template.kind) {
    case 'dynamic':
      return dynamicValue(template.name, await substitute(template.args, scope, depth + 1), scope.dynamic);
    case 'request-ref':
      if (!scope.session.responses.has(template.request)) await scope.ensureResponse?.(template.request);
      return responseReference(template, scope.session.responses.get(template.request));
    case 'variable':
      return substitute(await rawVariable(template.name, scope), scope, depth + 1);
    case 'expression':
      throw new RunnerError('variable', `{{${template.source}}} is a script expression; etag-guard never runs code from request ` +
        'files. Use a variable, a {{$dynamic}} value or a response reference instead.');
  }
}

async function rawVariable(name: string, scope: ResolveScope): Promise<string> {
  const found = lookup(name, scope);
  if (found !== undefined) return found;
  await scope.ensureCapture?.(name);
  const captured = scope.session.globals.get(name);
  if (captured !== undefined) return captured;
  throw new RunnerError('variable', `Variable {{${name}}} is not defined: declare '@${name} = …', pick an environment that ` +
    'defines it, or pass --var on the command line.');
}

function lookup(name: string, scope: ResolveScope): string | undefined {
  return findVariable(name, {
    file: scope.file, line: scope.request.requestLine.range.start.line, local: scope.request.variables,
    overrides: scope.overrides, globals: scope.session.globals, environment: scope.environment,
  })?.value;
}
