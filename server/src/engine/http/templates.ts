/**
 * `{{ … }}` expressions in URLs, header values, bodies and variable values, classified into what the three
 * dialects mean by them: a variable, a `$dynamic` value, or a reference into an earlier request's response.
 */
import type { Range } from '../text/types';
import { lineRange } from '../text/types';
import { stringMemo } from '../text/string-memo';
import { restClientRefOf } from './request-ref';

export type TemplateKind =
  | { kind: 'variable'; name: string }
  | { kind: 'dynamic'; name: string; args: string }
  /** REST Client `name.response.headers.X` / `name.response.body.$.path` / `name.request.headers.X`. */
  | { kind: 'request-ref'; request: string; part: 'request' | 'response'; section: 'headers' | 'body'; path: string; dialect: 'rest-client' | 'httpyac' }
  /** Anything else (httpYac evaluates JavaScript expressions). */
  | { kind: 'expression'; source: string };

export interface Template {
  /** The text between the braces, trimmed. */
  source: string;
  /** The whole `{{ … }}` including braces. */
  range: Range;
  parsed: TemplateKind;
}

const HTTPYAC_HEADER_REF = /^([\w-]+)Response\.headers\.([\w-]+)$/;
const HTTPYAC_BRACKET_REF = /^([\w-]+)Response\.headers\[\s*(['"])([\w-]+)\2\s*\]$/;
const DYNAMIC = /^\$([\w.-]+)\s*(.*)$/;
const IDENTIFIER = /^[A-Za-z_][\w.-]*$/;

/** Sources longer than this are classified each time rather than kept as keys. */
const CLASSIFIED_SOURCE_CHARS = 256;

/**
 * A file repeats its variables and dynamic values (`{{base}}`, `{{token}}`) and the model reads each several times:
 * classified once. A reference to an earlier response is not kept: most name the request right above them
 * (`{{item7.response.headers.ETag}}`), so each is a distinct source that mostly grew the memo (4,000 entries for the
 * bench file, 400 asked again), and reading one again (a sticky-regex test, a few `startsWith`) is no dearer than
 * looking it up.
 */
const classifiedSource = stringMemo((source: string) => classify(source), 8192, (kind) => kind.kind !== 'request-ref');

/** What a template's source means (memoised for short sources but references; callers treat the answer as read-only). */
export function classifyTemplate(source: string): TemplateKind {
  return source.length > CLASSIFIED_SOURCE_CHARS ? classify(source) : classifiedSource(source);
}

function classify(source: string): TemplateKind {
  let m = DYNAMIC.exec(source);
  if (m) return { kind: 'dynamic', name: m[1], args: m[2] };
  const ref = restClientRefOf(source);
  if (ref) return ref;
  m = HTTPYAC_HEADER_REF.exec(source);
  if (m) return { kind: 'request-ref', request: m[1], part: 'response', section: 'headers', path: m[2], dialect: 'httpyac' };
  m = HTTPYAC_BRACKET_REF.exec(source);
  if (m) return { kind: 'request-ref', request: m[1], part: 'response', section: 'headers', path: m[3], dialect: 'httpyac' };
  if (IDENTIFIER.test(source)) return { kind: 'variable', name: source };
  return { kind: 'expression', source };
}

/** A template's place in its text: `{{` at `open`, `}}` at `close`. */
export interface TemplateSpan {
  source: string;
  open: number;
  close: number;
  parsed: TemplateKind;
}

const NO_SPANS: readonly TemplateSpan[] = [];

/**
 * The `{{ … }}` in one line of text, without document positions (read-only: the shared empty list when there are
 * none). Not memoised by text: most templated texts of a file are distinct (`{{base}}/items/7`,
 * `{{item7.response.headers.ETag}}`), so a memo hashed each and kept it for nothing, where the scan is two `indexOf`
 * and the (memoised) classification. A caller that only walks them uses `TemplateScan`, which makes no list.
 */
export function templateSpans(text: string): readonly TemplateSpan[] {
  if (!text.includes('{{')) return NO_SPANS;
  const found: TemplateSpan[] = [];
  for (const scan = new TemplateScan(text); scan.next();) found.push({ source: scan.source, open: scan.open, close: scan.close, parsed: scan.parsed });
  return found;
}

/**
 * A walk over the `{{ … }}` of one text: each `next()` moves to the following template and makes its fields the
 * current one's (a `TemplateSpan` until the next call). Linear: each `{{` is matched with the first `}}` after it;
 * an unclosed `{{` ends the walk. One walker for a request's pieces (`reset`) instead of a list and an object per
 * template: the lowering reads each template once, right away, and keeps only what it reports.
 */
export class TemplateScan implements TemplateSpan {
  source = '';
  open = -1;
  close = -1;
  parsed: TemplateKind = NO_TEMPLATE;
  private from = 0;

  constructor(private text = '') {}

  /** Starts over on `text`. */
  reset(text: string): this {
    this.text = text;
    this.from = 0;
    return this;
  }

  /** Moves to the next template; false when there is none (the fields then keep the last one's). */
  next(): boolean {
    const open = this.text.indexOf('{{', this.from);
    if (open < 0) return false;
    const close = this.text.indexOf('}}', open + 2);
    if (close < 0) return false;
    this.source = this.text.slice(open + 2, close).trim();
    this.open = open;
    this.close = close;
    this.parsed = classifyTemplate(this.source);
    this.from = close + 2;
    return true;
  }
}

/** What a `TemplateScan` holds before its first template (never read: `next()` is called first). */
const NO_TEMPLATE: TemplateKind = Object.freeze({ kind: 'expression', source: '' });

/** The range of a span of a text that starts at `offset` of `line`. */
export function spanRange(span: TemplateSpan, line: number, offset: number): Range {
  return lineRange(line, offset + span.open, offset + span.close + 2);
}

/**
 * Finds the `{{ … }}` in one line of text. `line`/`offset` place them in the document. Linear: each `{{`
 * is matched with the first `}}` after it; an unclosed `{{` ends the scan.
 */
export function findTemplates(text: string, line: number, offset = 0): Template[] {
  return templateSpans(text).map((t) => ({ source: t.source, range: spanRange(t, line, offset), parsed: t.parsed }));
}

/** The single template a value consists of, when the value is exactly one `{{ … }}` and nothing else. */
export function wholeTemplate(text: string): TemplateKind | undefined {
  const t = text.trim();
  if (!t.startsWith('{{') || !t.endsWith('}}')) return undefined;
  const inner = t.slice(2, -2);
  if (inner.includes('{{') || inner.includes('}}')) return undefined;
  return classifyTemplate(inner.trim());
}
