/**
 * What a `.http` file says about its APIs besides its requests' own headers: which later requests use which
 * earlier responses (`{{item.response.body.id}}` in a URL, a captured ETag in a header, through file
 * variables and JetBrains handler variables), and handler scripts that check for 412/428 or read an ETag.
 * One pass over the file; the evidence index turns these into evidence per route.
 */
import type { HttpFile, HttpRequest, Script } from '../http/ast';
import { handlerCaptures } from '../http/handlers';
import { findTemplates, type TemplateKind } from '../http/templates';
import type { DocumentEvidence, ResponseUse } from './types';
import type { StaticVariables } from './variables';

type Use = Omit<ResponseUse, 'user' | 'line'>;

/** The response uses and script evidence of a whole file, in file order. */
export function httpEvidence(file: HttpFile, vars: StaticVariables): { responseUses: ResponseUse[]; evidence: DocumentEvidence[] } {
  const responseUses: ResponseUse[] = [];
  const evidence: DocumentEvidence[] = [];
  const byName = new Map<string, number>();
  /** JetBrains handler variables → the response part they hold (latest assignment wins, as at run time). */
  const handlerVars = new Map<string, Use>();
  for (const req of file.requests) {
    const resolve = (t: TemplateKind): Use | undefined => useOf(t, byName, handlerVars, vars);
    for (const { text, line, character } of templatedText(req)) {
      for (const t of findTemplates(text, line, character)) {
        const use = resolve(t.parsed);
        if (use) responseUses.push({ ...use, user: req.index, line: t.range.start.line });
      }
    }
    if (req.name) byName.set(req.name.value, req.index);
    if (req.title && !req.name) byName.set(req.title, req.index);
    for (const s of req.scripts) {
      for (const c of handlerCaptures(s)) {
        handlerVars.set(c.variable, c.source.kind === 'header'
          ? { source: req.index, part: 'headers', path: c.source.name }
          : { source: req.index, part: 'body', path: c.source.path });
      }
      evidence.push(...scriptEvidence(s, req));
    }
  }
  return { responseUses, evidence };
}

/** The pieces of a request that may hold templates, each with where it starts. */
function* templatedText(req: HttpRequest): Iterable<{ text: string; line: number; character: number }> {
  for (const p of req.requestLine.urlParts) yield { text: p.value, line: p.range.start.line, character: p.range.start.character };
  for (const h of req.headers) yield { text: h.value.value, line: h.value.range.start.line, character: h.value.range.start.character };
  const body = req.body?.text;
  if (body && body.includes('{{')) {
    const start = req.body!.range.start.line;
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i].includes('{{')) yield { text: lines[i], line: start + i, character: 0 };
  }
}

/** The earlier response a template reads, directly or through one variable. */
function useOf(t: TemplateKind, byName: ReadonlyMap<string, number>, handlerVars: ReadonlyMap<string, Use>, vars: StaticVariables, depth = 0): Use | undefined {
  if (t.kind === 'request-ref') {
    const source = byName.get(t.request);
    if (source === undefined || t.part !== 'response') return undefined;
    return { source, part: t.section, path: t.path };
  }
  if (t.kind !== 'variable') return undefined;
  const handler = handlerVars.get(t.name);
  if (handler && !vars.has(t.name)) return handler;
  // httpYac: a named request's response body is a variable of that name (`{{item.id}}`).
  const [root, ...rest] = t.name.split('.');
  const named = byName.get(root);
  if (named !== undefined && !vars.has(root)) return { source: named, part: 'body', path: rest.join('.') };
  const raw = vars.raw(t.name);
  if (raw === undefined || depth > 0) return undefined;
  for (const inner of findTemplates(raw, 0)) {
    const use = useOf(inner.parsed, byName, handlerVars, vars, depth + 1);
    if (use) return use;
  }
  return undefined;
}

const HANDLES_PRECONDITION_STATUS = /\b(?:status(?:Code)?|code)\b[^\n;]{0,12}\b(412|428)\b|\b(412|428)\b[^\n;]{0,12}\bstatus/;
const READS_VALIDATOR = /headers\s*(?:\.valueOf\(\s*|\[\s*|\.get\(\s*|\.)["'`]?(etag|last-modified)\b/i;

/** A handler that checks for 412/428 or reads the ETag of its request's response. */
function scriptEvidence(script: Script, req: HttpRequest): DocumentEvidence[] {
  if (script.source === '' || script.kind === 'pre-request') return [];
  const found: DocumentEvidence[] = [];
  const lineOf = (index: number) => script.sourceStartLine + script.source.slice(0, index).split('\n').length - 1;
  const status = HANDLES_PRECONDITION_STATUS.exec(script.source);
  if (status) {
    found.push({
      request: req.index, kind: 'same-file', verdict: 'versioned', line: lineOf(status.index),
      sentence: `the handler on line ${lineOf(status.index) + 1} checks for ${status[1] ?? status[2]}`,
    });
  }
  const validator = READS_VALIDATOR.exec(script.source);
  if (validator) {
    found.push({
      request: req.index, kind: 'same-file', verdict: 'versioned', line: lineOf(validator.index),
      sentence: `the handler on line ${lineOf(validator.index) + 1} reads the response's ${validator[1]}`,
    });
  }
  return found;
}
