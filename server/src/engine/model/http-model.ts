/**
 * Lowers a parsed `.http` file into the language-neutral document model: resolved targets, header value
 * sources (REST Client and httpYac references, file variables holding them, JetBrains handler captures) and
 * the editor that lets quick fixes add headers and reads in the file's own syntax.
 */
import type { HttpFile, HttpRequest, Spanned } from '../http/ast';
import { handlerCaptures } from '../http/handlers';
import { findTemplates, wholeTemplate, type TemplateKind } from '../http/templates';
import type { DocumentModel, HeaderModel, RequestModel, UnresolvedReference, ValueSource } from './types';
import { hostOf, queryParamNames, resourceKey } from './target';
import { StaticVariables } from './variables';
import { HttpRequestEditor } from './http-editor';
import { httpEvidence } from './http-evidence';

/** Names httpYac templates (JavaScript expressions) can always use: the last response, the request, Node's process. */
const HTTPYAC_BUILTINS = new Set(['response', 'request', 'process']);

interface HandlerCaptureAt {
  request: number;
  header: string;
}

export function buildHttpModel(file: HttpFile, environment: Readonly<Record<string, string>> = {}): DocumentModel {
  const vars = new StaticVariables(file, environment);
  const byName = new Map<string, number>();
  /** Variables set by JetBrains handlers, to the request whose response header they hold (latest wins). */
  const handlerVars = new Map<string, HandlerCaptureAt>();
  const handlerVarNames = new Set<string>();
  for (const r of file.requests) {
    for (const s of r.scripts) for (const c of handlerCaptures(s)) handlerVarNames.add(c.variable);
  }
  for (const s of file.scripts) for (const c of handlerCaptures(s)) handlerVarNames.add(c.variable);
  // Scripts can define any variable at run time: with any script present, stay silent about plain variables.
  const scriptsDefineVariables = file.scripts.length > 0 || file.requests.some((r) => r.scripts.some((s) => s.source !== '' || s.file));

  // httpYac `# @import other.http` brings that file's named requests (and variables) in: unseen from here.
  const importsRequests = file.requests.some((r) => r.metadata.some((m) => m.key === 'import'));
  const requests: RequestModel[] = [];
  const unresolved: UnresolvedReference[] = [];
  for (const req of file.requests) {
    const model = lowerRequest(req, file, vars, byName, handlerVars, requests);
    requests.push(model);
    collectUnresolved(req, vars, byName, scriptsDefineVariables || importsRequests ? undefined : handlerVarNames, importsRequests, unresolved);
    if (req.name) byName.set(req.name.value, req.index);
    if (req.title && !req.name) byName.set(req.title, req.index);
    for (const s of req.scripts) {
      for (const c of handlerCaptures(s)) {
        if (c.source.kind === 'header') handlerVars.set(c.variable, { request: req.index, header: c.source.name });
        else handlerVars.delete(c.variable);
      }
    }
  }
  return { requests, unresolved, syntax: file.diagnostics, ...httpEvidence(file, vars) };
}

function lowerRequest(
  req: HttpRequest, file: HttpFile, vars: StaticVariables, byName: ReadonlyMap<string, number>,
  handlerVars: ReadonlyMap<string, HandlerCaptureAt>, earlier: readonly RequestModel[],
): RequestModel {
  const url = vars.resolve(req.requestLine.url.value);
  const headers: HeaderModel[] = req.headers.map((h) => ({
    name: vars.resolve(h.name.value),
    value: h.value.value,
    resolvedValue: vars.resolve(h.value.value),
    nameRange: h.name.range,
    valueRange: h.value.range,
    range: h.range,
    source: valueSource(h.value.value, vars, byName, handlerVars),
  }));
  const model: RequestModel = {
    index: req.index,
    name: req.name?.value ?? req.title,
    method: req.requestLine.method.value,
    url,
    target: resourceKey(url),
    queryParams: queryParamNames(url),
    body: req.body?.file ? undefined : req.body?.text,
    host: hostOf(url),
    headers,
    anchor: req.requestLine.range,
    range: req.range,
    editor: undefined!,
  };
  model.editor = new HttpRequestEditor(file, req, earlier);
  return model;
}

/** Follows a header value to an earlier response header, through at most one variable. */
function valueSource(
  value: string, vars: StaticVariables, byName: ReadonlyMap<string, number>, handlerVars: ReadonlyMap<string, HandlerCaptureAt>,
): ValueSource {
  if (!value.includes('{{')) return { kind: 'literal' };
  const t = wholeTemplate(value);
  if (!t) return { kind: 'unknown' };
  const direct = captureOf(t, byName);
  if (direct) return direct;
  if (t.kind === 'variable') {
    const handler = handlerVars.get(t.name);
    if (handler && !vars.has(t.name)) return { kind: 'capture', request: handler.request, header: handler.header, via: `handler variable ${t.name}` };
    const raw = vars.raw(t.name);
    const inner = raw === undefined ? undefined : wholeTemplate(raw);
    const viaVar = inner && captureOf(inner, byName);
    if (viaVar) return { ...viaVar, via: `variable @${t.name}` };
    if (raw !== undefined && !raw.includes('{{')) return { kind: 'literal' };
  }
  return { kind: 'unknown' };
}

function captureOf(t: TemplateKind, byName: ReadonlyMap<string, number>): Extract<ValueSource, { kind: 'capture' }> | undefined {
  if (t.kind !== 'request-ref' || t.part !== 'response' || t.section !== 'headers') return undefined;
  const request = byName.get(t.request);
  if (request === undefined) return undefined;
  return { kind: 'capture', request, header: t.path, via: `{{${t.request}…}}` };
}

/**
 * References to requests not defined before this one, and plain variables defined nowhere (only checked when
 * `handlerVars` is given, i.e. when no script could define them).
 */
function collectUnresolved(
  req: HttpRequest, vars: StaticVariables, byName: ReadonlyMap<string, number>, handlerVars: ReadonlySet<string> | undefined,
  importsRequests: boolean, out: UnresolvedReference[],
): void {
  for (const piece of templatedPieces(req)) {
    for (const t of findTemplates(piece.value, piece.range.start.line, piece.range.start.character)) {
      const p = t.parsed;
      if (p.kind === 'request-ref' && !byName.has(p.request) && !importsRequests) {
        if (p.dialect === 'rest-client' || !vars.has(p.request + 'Response')) {
          out.push({ text: t.source, range: t.range, kind: 'request', name: p.request });
        }
      } else if (p.kind === 'variable' && handlerVars) {
        // httpYac reads `{{item.id}}` as property `id` of variable `item`: the root is what must be defined.
        const root = p.name.split('.')[0];
        if (vars.has(p.name) || vars.has(root) || handlerVars.has(root) || byName.has(root) || HTTPYAC_BUILTINS.has(root)) continue;
        // httpYac `# @loop` keeps each iteration's response as `name0`, `name1`, …
        if (byName.has(root.replace(/\d+$/, ''))) continue;
        out.push({ text: t.source, range: t.range, kind: 'variable', name: p.name });
      }
    }
  }
}

/** The URL lines and header names and values that hold a `{{template}}`, in order (most hold none). */
function templatedPieces(req: HttpRequest): Spanned[] {
  const pieces: Spanned[] = [];
  for (const p of req.requestLine.urlParts) if (p.value.includes('{{')) pieces.push(p);
  for (const h of req.headers) {
    if (h.name.value.includes('{{')) pieces.push(h.name);
    if (h.value.value.includes('{{')) pieces.push(h.value);
  }
  return pieces;
}
