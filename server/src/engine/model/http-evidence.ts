/**
 * What a `.http` request says about its APIs besides its own headers: which earlier responses it uses
 * (`{{item.response.body.id}}` in a URL, a captured ETag in a header, through file variables and JetBrains
 * handler variables), its handler scripts that check for 412/428 or read an ETag, its httpYac assertions on the
 * ETag and the file variables that capture its ETag. Worked out per request
 * while lowering it (http-lowering.ts; the uses with the request's other templates, request-templates.ts), through
 * the same recorded look-ups, so an editor's analysis reuses it with the request's model; the evidence index turns
 * these into evidence per route.
 */
import type { HttpRequest, Script } from '../http/ast';
import { templateSpans, type TemplateKind } from '../http/templates';
import type { Lookups } from './http-lowering';
import type { DocumentEvidence, ResponseUse } from './types';
import type { StaticVariables } from './variables';
import { startLineOf } from '../text/span';

/** An earlier response part a template reads (what a JetBrains handler variable holds, too). */
export type ResponsePart = Omit<ResponseUse, 'user' | 'line' | 'sent'>;

/** One request's response uses and script evidence, in the order the file states them. */
export interface RequestEvidence {
  uses: ResponseUse[];
  evidence: DocumentEvidence[];
}

export const NO_EVIDENCE: DocumentEvidence[] = [];

/**
 * What `req`'s scripts, assertions and the file variables that capture its validator state (`captures`, the file's
 * `validatorCaptures`) say about its API. Its response uses are found with its other templates (request-templates.ts,
 * `useOf` below). A request with none of the three states nothing: the lowering tells so before it calls.
 */
export function statedEvidence(req: HttpRequest, captures: ValidatorCaptures): DocumentEvidence[] {
  let evidence = NO_EVIDENCE;
  // Indexed loops, no empty list for a request without assertions: this runs for every request of a file.
  const scripts = req.scripts;
  for (let i = 0; i < scripts.length; i++) {
    const found = scriptEvidence(scripts[i], req);
    if (found.length) evidence = evidence === NO_EVIDENCE ? found : [...evidence, ...found];
  }
  const assertions = req.assertions;
  for (let i = 0; assertions && i < assertions.length; i++) {
    const a = assertions[i];
    const checked = ASSERTS_VALIDATOR.exec(a.value);
    if (!checked) continue;
    const line = startLineOf(a.range);
    const found: DocumentEvidence = {
      request: req.index, kind: 'same-file', verdict: 'versioned', line,
      sentence: `the assertion on line ${line + 1} checks the response's ${checked[1]}`,
    };
    evidence = evidence === NO_EVIDENCE ? [found] : [...evidence, found];
  }
  const captured = req.name && captures.size ? captures.get(req.name.value) : undefined;
  if (captured) {
    const found = captured.map((c): DocumentEvidence => ({
      request: req.index, kind: 'same-file', verdict: 'versioned', line: c.line,
      sentence: `the file variable @${c.variable} on line ${c.line + 1} captures the response's ${c.header}`,
    }));
    evidence = evidence === NO_EVIDENCE ? found : [...evidence, ...found];
  }
  return evidence;
}

/** httpYac's `?? header etag exists` (any test of the response's ETag or Last-Modified), like a handler reading it. */
const ASSERTS_VALIDATOR = /^\?\?\s+header\s+(etag|last-modified)\b/i;

/** `{{name.response.headers.ETag}}` (or Last-Modified) in a file variable's value. */
const CAPTURED_VALIDATOR = /\{\{\s*([\w.-]+?)\.response\.headers\.(etag|last-modified)\s*\}\}/gi;

interface Capture {
  variable: string;
  line: number;
  header: string;
}

/** The file variables that capture a named request's validator, by request name (`validatorCaptures`). */
export type ValidatorCaptures = ReadonlyMap<string, readonly Capture[]>;

/**
 * The file variables that capture a named request's ETag or Last-Modified (`@tag = {{note.response.headers.ETag}}`,
 * REST Client), by request name: like a JetBrains handler that reads the ETag, a capture the author took even when
 * no request sends it (the forgotten If-Match). Worked out once per lowering scope (one per file version: a change
 * of the file's variables re-lowers every request), not looked up per named request.
 */
export function validatorCaptures(vars: StaticVariables): ValidatorCaptures {
  const found = new Map<string, Capture[]>();
  for (const v of vars.declarations) {
    const value = v.value.value;
    if (!value.includes('.response.headers.')) continue;
    for (const m of value.matchAll(CAPTURED_VALIDATOR)) {
      const list = found.get(m[1]);
      const capture = { variable: v.name.value, line: startLineOf(v.range), header: m[2] };
      if (list) list.push(capture);
      else found.set(m[1], [capture]);
    }
  }
  return found;
}

/** The earlier response a template reads, directly or through one variable. */
export function useOf(t: TemplateKind, lookups: Lookups, vars: StaticVariables, depth = 0): ResponsePart | undefined {
  if (t.kind === 'request-ref') {
    if (t.part !== 'response') return undefined;
    const source = lookups.request(t.request);
    if (source === undefined) return undefined;
    return { source, part: t.section, path: t.path };
  }
  if (t.kind !== 'variable') return undefined;
  // A name the file (or environment) defines is that variable: no handler variable or named request can stand for
  // it, so neither is looked up (most templates, `{{base}}`, `{{token}}`: the look-ups were most of the walk's).
  const raw = vars.raw(t.name);
  const defined = raw !== undefined;
  if (!defined) {
    const handler = lookups.handlerPart(t.name);
    if (handler) return handler;
  }
  // httpYac: a named request's response body is a variable of that name (`{{item.id}}`).
  const dot = t.name.indexOf('.');
  const root = dot < 0 ? t.name : t.name.slice(0, dot);
  if (dot < 0 ? !defined : !vars.has(root)) {
    const named = lookups.request(root);
    if (named !== undefined) return { source: named, part: 'body', path: dot < 0 ? '' : t.name.slice(dot + 1) };
  }
  if (!defined || depth > 0) return undefined;
  // Indexed: most values hold no template, and `for…of` made an iterator over the shared empty list each time.
  const inner = templateSpans(raw);
  for (let i = 0; i < inner.length; i++) {
    const use = useOf(inner[i].parsed, lookups, vars, depth + 1);
    if (use) return use;
  }
  return undefined;
}

const HANDLES_PRECONDITION_STATUS = /\b(?:status(?:Code)?|code)\b[^\n;]{0,12}\b(412|428)\b|\b(412|428)\b[^\n;]{0,12}\bstatus/;
const READS_VALIDATOR = /headers\s*(?:\.valueOf\(\s*|\[\s*|\.get\(\s*|\.)["'`]?(etag|last-modified)\b/i;

/** A handler that checks for 412/428 or reads the ETag of its request's response. */
function scriptEvidence(script: Script, req: HttpRequest): DocumentEvidence[] {
  if (script.source === '' || script.kind === 'pre-request') return NO_EVIDENCE;
  const found: DocumentEvidence[] = [];
  const source = script.source;
  // Most handlers name no 412/428 at all: the pattern only runs on those that do.
  const status = (source.includes('412') || source.includes('428')) ? HANDLES_PRECONDITION_STATUS.exec(source) : null;
  if (status) {
    const line = lineOf(script, status.index);
    found.push({
      request: req.index, kind: 'same-file', verdict: 'versioned', line,
      sentence: `the handler on line ${line + 1} checks for ${status[1] ?? status[2]}`,
    });
  }
  const validator = READS_VALIDATOR.exec(source);
  if (validator) {
    const line = lineOf(script, validator.index);
    found.push({
      request: req.index, kind: 'same-file', verdict: 'versioned', line,
      sentence: `the handler on line ${line + 1} reads the response's ${validator[1]}`,
    });
  }
  return found;
}

/** The document line of character `index` of a script's source. */
function lineOf(script: Script, index: number): number {
  let line = script.sourceStartLine;
  for (let at = script.source.indexOf('\n'); at >= 0 && at < index; at = script.source.indexOf('\n', at + 1)) line++;
  return line;
}
