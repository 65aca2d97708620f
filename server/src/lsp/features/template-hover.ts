/**
 * Hovers on `{{…}}`: the value the runner would substitute now (masked when the name says secret, with the
 * runner's masking) and where it comes from — an environment and the setting or file defining it, a file or
 * request variable and its line, `.env`, a `client.global` capture, or the response of a named request and
 * when it arrived. Values come from `ValueSources` (lsp/run-state.ts); the lookup order is the runner's own.
 */
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { HttpFile, HttpRequest, Template, TemplateKind } from '../../engine';
import { findTemplates } from '../../engine';
import { wholeTemplate } from '../../engine/http/templates';
import type { Environments } from '../../runner/executor/environments';
import { capturesOf } from '../../runner/executor/captures';
import { MASK, isSecretName, maskHeaderValue } from '../../runner/executor/mask';
import { responseReference } from '../../runner/executor/response-refs';
import { referableExchange, type SessionSnapshot } from '../../runner/executor/session-snapshot';
import { findVariable } from '../../runner/executor/variable-origin';
import { rangeOf, startLineOf } from '../../engine/text/span';

export interface ValueSources {
  /** The environment requests are sent with. */
  environmentName?: string;
  environments?: Environments;
  /** Why environment files were not read (untrusted workspace, invalid JSON). */
  unreadFiles?: string;
  dotenv?: { file: string; values: () => ReadonlyMap<string, string> };
  /** The captures of this file's run session. */
  session?: SessionSnapshot;
}

type RequestRef = Extract<TemplateKind, { kind: 'request-ref' }>;

/** The `{{…}}` under `position` on `lineText`, if any. */
export function templateAt(lineText: string, position: Position): Template | undefined {
  return findTemplates(lineText, position.line).find((t) => t.range.start.character <= position.character && position.character <= t.range.end.character);
}

/** The hover for `template` (found on `position`'s line of `file`), or undefined when there is nothing to say. */
export function templateHover(file: HttpFile, template: Template, sources: ValueSources): Hover | undefined {
  const line = template.range.start.line;
  const request = file.requests.find((r) => startLineOf(r.range) <= line && line <= rangeOf(r.range).end.line);
  const t = template.parsed;
  let value: string | undefined;
  if (t.kind === 'variable') value = variableMarkdown(t.name, file, request, line, sources);
  else if (t.kind === 'request-ref') value = referenceMarkdown(t, file, request, sources);
  else if (t.kind === 'dynamic' && t.name === 'dotenv') value = dotenvMarkdown(t.args.trim(), sources);
  return value === undefined ? undefined : { contents: { kind: MarkupKind.Markdown, value }, range: template.range };
}

function variableMarkdown(name: string, file: HttpFile, request: HttpRequest | undefined, line: number, s: ValueSources): string {
  const environment = s.environments?.variables(s.environmentName) ?? {};
  const found = findVariable(name, {
    file, line: request ? startLineOf(request.requestLine.range) : line, local: request?.variables ?? [], overrides: {},
    globals: new Map(s.session?.globals ?? []), environment,
  });
  const head = `**{{${name}}}**`;
  const capturer = file.requests.find((r) => capturesOf(r).some((c) => c.variable === name));
  const capturedBy = capturer ? `the response handler (\`client.global.set\`) of ${describe(capturer)}` : undefined;
  if (!found) {
    const where = capturedBy ? `Set by ${capturedBy} once it has run in this session.`
      : `Not defined: no \`@${name} = …\` in this file, and ${s.environmentName ? `environment \`${s.environmentName}\`` : 'no picked environment'} does not define it.`;
    return `${head}\n\n${where}${s.unreadFiles ? ` (${s.unreadFiles}.)` : ''}`;
  }
  const shown = isSecretName(name) ? MASK : found.value;
  const o = found.origin;
  const origin = o.kind === 'file-variable' ? `File variable, line ${o.line + 1}.`
    : o.kind === 'request-variable' ? `Request variable, line ${o.line + 1}.`
    : o.kind === 'global' ? `Captured in this session by ${capturedBy ?? 'a response handler (`client.global.set`)'}.`
    : o.kind === 'environment' ? environmentOrigin(name, s) : 'Set by the caller.';
  // `@etag = {{read.response.headers.ETag}}`: also what that reference reads now.
  const inner = isSecretName(name) ? undefined : wholeTemplate(found.value);
  const now = inner?.kind === 'request-ref' ? currentReference(inner, s) : undefined;
  return `${head} = ${code(shown)}\n\n${origin}${now ? `\n\n${now}` : ''}`;
}

function environmentOrigin(name: string, s: ValueSources): string {
  const o = s.environments?.originOf(name, s.environmentName);
  if (!o) return `From environment \`${s.environmentName ?? '$shared'}\`.`;
  const env = o.environment === '$shared' ? '`$shared`' : `environment \`${o.environment}\``;
  return `From ${env} in \`${o.source}\`${o.environment === '$shared' && s.environmentName ? ` (picked: \`${s.environmentName}\`)` : ''}.`;
}

function referenceMarkdown(ref: RequestRef, file: HttpFile, request: HttpRequest | undefined, s: ValueSources): string {
  const before = request?.index ?? file.requests.length;
  const source = file.requests.find((r) => r.name?.value === ref.request && r.index < before);
  const where = source ? `the ${describe(source)}` : 'no earlier request of that name (see `unknown-reference`)';
  const head = `**${ref.request}** → ${ref.part} ${ref.section}${ref.path ? ` \`${ref.path}\`` : ''}\n\nFrom ${where}.`;
  const now = currentReference(ref, s);
  return now ? `${head}\n\n${now}` : `${head} Not run in this session yet: its value is known once that request has run.`;
}

/** What the reference reads in the session now and from which response, or undefined before the request ran. */
function currentReference(ref: RequestRef, s: ValueSources): string | undefined {
  const captured = s.session?.responses.find((r) => r.name === ref.request);
  if (!captured) return undefined;
  const when = new Date(captured.at).toLocaleTimeString();
  const what = `response of \`${ref.request}\`${captured.response ? ` (${captured.response.status})` : ''} at ${when}`;
  try {
    const value = responseReference(ref, referableExchange(captured));
    return `Now: ${code(maskedReference(ref, value))} — ${what}, line ${captured.line + 1}.`;
  } catch (err) {
    return `${(err as Error).message} (${what}${captured.response?.cut ? '; the body was cut for the hover' : ''}).`;
  }
}

/** A header reference is masked like the header; a body reference when its last key says secret. */
function maskedReference(ref: RequestRef, value: string): string {
  if (ref.section === 'headers') return maskHeaderValue(ref.path, value);
  const key = /([A-Za-z_$][\w$-]*)['"\]]*$/.exec(ref.path)?.[1];
  return key && isSecretName(key) ? MASK : value;
}

function dotenvMarkdown(name: string, s: ValueSources): string {
  const head = `**{{$dotenv ${name}}}**`;
  if (!s.dotenv) return `${head}\n\n${s.unreadFiles ? `Not read: ${s.unreadFiles}.` : 'No `.env` file next to this file or above it (up to the workspace root).'}`;
  const value = s.dotenv.values().get(name);
  if (value === undefined) return `${head}\n\nNot in \`${s.dotenv.file}\`.`;
  return `${head} = ${code(isSecretName(name) ? MASK : value)}\n\nFrom \`${s.dotenv.file}\` (\`.env\`).`;
}

function describe(r: HttpRequest): string {
  return `${r.requestLine.method} \`${r.requestLine.url}\` on line ${startLineOf(r.requestLine.range) + 1}`;
}

/** Inline code that survives backticks in the value. */
function code(value: string): string {
  const v = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  const fence = v.includes('`') ? '``' : '`';
  return `${fence}${v}${fence}`;
}
