/**
 * Run-time `{{…}}` substitution. A name is looked up as variable-origin.ts says (overrides, the request's own
 * variables, `client.global` captures, file variables, the environment). Values are substituted recursively and lazily,
 * so `@etag = {{get.response.headers.ETag}}` reads the response that exists when the request runs.
 * Values that come from a response (references, `client.global` captures) are data: they are inserted as they
 * are, never expanded again, so a server cannot make the runner send `{{$processEnv SECRET}}` back to it.
 * Expansion is bounded by work and size, so variables that repeat each other cannot grow exponentially.
 * Values read from `$processEnv`, `$dotenv` or a secret-named variable are remembered in the session, so every
 * output can mask them wherever they end up.
 */
import type { HttpFile, HttpRequest } from '../../engine';
import { classifyTemplate, type TemplateKind } from '../../engine';
import { dynamicValue, type DynamicSources } from './dynamic-values';
import { RunnerError } from './errors';
import { isSecretName } from './mask';
import { isPrompted } from './prompts';
import { responseReference } from './response-refs';
import type { Session } from './session';
import { findVariable } from './variable-origin';
import { startLineOf } from '../../engine/text/span';

const MAX_DEPTH = 10;
/** Substitutions per request: real files use a few dozen. */
export const MAX_SUBSTITUTIONS = 100_000;
/** Characters one expanded text may reach (a URL, a header, a body). */
export const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;
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
  /** Substitutions made so far for this request (shared by every text of it). */
  work?: { substitutions: number };
}

/** `text` with every `{{…}}` replaced. Throws `RunnerError('variable')` for anything that has no value. */
export async function substitute(text: string, scope: ResolveScope, depth = 0): Promise<string> {
  if (!text.includes('{{')) return text;
  if (depth >= MAX_DEPTH) throw new RunnerError('variable', `Variables nest more than ${MAX_DEPTH} deep (a variable that refers to itself?).`);
  const work = (scope.work ??= { substitutions: 0 });
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TEMPLATE)) {
    if (++work.substitutions > MAX_SUBSTITUTIONS) throw tooLarge(`${MAX_SUBSTITUTIONS.toLocaleString('en')} substitutions`, m[0]);
    out += text.slice(last, m.index) + (await valueOf(classifyTemplate(m[1].trim()), scope, depth));
    if (out.length > MAX_EXPANDED_CHARS) throw tooLarge(`${MAX_EXPANDED_CHARS / 1024 / 1024} MB`, m[0]);
    last = m.index! + m[0].length;
  }
  return out + text.slice(last);
}

function tooLarge(limit: string, template: string): RunnerError {
  return new RunnerError('variable', `Variable expansion passed ${limit} at ${template}: variables that repeat each other grow ` +
    'exponentially (see the variable-too-large rule). Declare the value directly or use a body file.');
}

async function valueOf(template: TemplateKind, scope: ResolveScope, depth: number): Promise<string> {
  switch (template.kind) {
    case 'dynamic': {
      const value = dynamicValue(template.name, await substitute(template.args, scope, depth + 1), scope.dynamic);
      if (template.name === 'processEnv' || template.name === 'dotenv') scope.session.secrets.add(value);
      return value;
    }
    case 'request-ref':
      if (!scope.session.responses.has(template.request)) await scope.ensureResponse?.(template.request);
      return responseReference(template, scope.session.responses.get(template.request));
    case 'variable': {
      const found = await rawVariable(template.name, scope);
      // A captured value came from a response: data, inserted as is.
      const value = found.fromResponse ? found.value : await substitute(found.value, scope, depth + 1);
      if (isSecretName(template.name)) scope.session.secrets.add(value);
      return value;
    }
    case 'expression':
      throw new RunnerError('variable', `{{${template.source}}} is a script expression; etag-guard never runs code from request ` +
        'files. Use a variable, a {{$dynamic}} value or a response reference instead.');
  }
}

async function rawVariable(name: string, scope: ResolveScope): Promise<{ value: string; fromResponse: boolean }> {
  const found = lookup(name, scope);
  if (found !== undefined) return found;
  await scope.ensureCapture?.(name);
  const captured = scope.session.globals.get(name);
  if (captured !== undefined) return { value: captured, fromResponse: true };
  if (isPrompted(scope.request, name)) {
    throw new RunnerError('variable', `Variable {{${name}}} is asked for when the request is sent (# @prompt ${name}), and nothing here ` +
      `can ask: pass --var ${name}=… on the command line.`);
  }
  throw new RunnerError('variable', `Variable {{${name}}} is not defined: declare '@${name} = …', pick an environment that ` +
    'defines it, or pass --var on the command line.');
}

function lookup(name: string, scope: ResolveScope): { value: string; fromResponse: boolean } | undefined {
  const found = findVariable(name, {
    file: scope.file, line: startLineOf(scope.request.requestLine.range), local: scope.request.variables,
    overrides: scope.overrides, globals: scope.session.globals, environment: scope.environment,
  });
  // A `client.global` capture holds what a response said: data.
  return found && { value: found.value, fromResponse: found.origin.kind === 'global' };
}
