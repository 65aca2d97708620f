/**
 * Large `.http` files are linted in slices: the text is cut at `###` separator lines into pieces of about
 * `SLICE_CHARS`, each parsed and linted on its own, so memory is bounded by one slice (a 50 MB file does not
 * become a 1.5 GB syntax tree) and a host can yield between slices (the language server answers other
 * documents meanwhile). What crosses a slice boundary is read from the whole text by a cheap line scan: file
 * variables, request names, handler captures and `etag-guard-disable` comments.
 */
import { directiveOf } from './directives';
import type { Directive } from './ast';

/** Texts longer than this are linted in slices. */
export const SLICE_THRESHOLD_CHARS = 1024 * 1024;
/** About how much text one slice holds (it ends at the first separator after this). */
export const SLICE_CHARS = 64 * 1024;

export interface Slice {
  text: string;
  /** Line of the whole text where the slice starts. */
  line: number;
}

/** What the slices share: read from the whole text. */
export interface SliceContext {
  /** File variables, the last declaration winning (as in REST Client). */
  variables: Record<string, string>;
  /** Names set by `client.global.set("name", …)` anywhere. */
  handlerVariables: string[];
  /** `# @name X` request names with the line they are declared on. */
  requestNames: Map<string, number>;
  /** `etag-guard-disable` comments (to the end of the file), in whole-text lines. */
  directives: Directive[];
  /** True when any script could define variables at run time. */
  hasScripts: boolean;
}

const VARIABLE_LINE = /^\s*@([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*$/;
const NAME_LINE = /^\s*(?:#|\/\/)\s*@name\s+(\S+)/;
const COMMENT_LINE = /^\s*(?:#|\/\/)(.*)$/;
const HANDLER_SET = /client\.global\.set\(\s*["']([\w.-]+)["']/g;

/** Cuts `text` into slices at separator lines (`###…`). */
export function sliceHttp(text: string, sliceChars = SLICE_CHARS): Slice[] {
  const slices: Slice[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    if (at - start >= sliceChars && text.startsWith('###', at)) {
      slices.push({ text: text.slice(start, at), line: startLine });
      start = at;
      startLine = line;
    }
    at = next;
    line++;
  }
  slices.push({ text: text.slice(start), line: startLine });
  return slices;
}

/** One pass over the whole text: only lines starting with `@`, `#` or `/` are looked at closely. */
export function sliceContext(text: string): SliceContext {
  const context: SliceContext = { variables: {}, handlerVariables: [], requestNames: new Map(), directives: [], hasScripts: false };
  context.hasScripts = text.includes('{%') || /^\s*[<>]\s+\S+\.js\s*$/m.test(text);
  for (const m of text.matchAll(HANDLER_SET)) context.handlerVariables.push(m[1]);
  let line = 0;
  for (let at = 0; at < text.length; line++) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    let first = at;
    while (first < next && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const c = first < next ? text.charCodeAt(first) : -1;
    // A line opening with `##` (every `###` separator: a title per request) can be neither: a name and a directive
    // follow one `#` and blanks (NAME_LINE, directives.ts), so it is not sliced out and searched.
    if (c === 64 /* @ */ || (c === 35 /* # */ && text.charCodeAt(first + 1) !== 35) || c === 47 /* / */) {
      const current = text.slice(at, next);
      // A comment matters here only when it names a request or is a directive.
      if (c === 64 || current.includes('@name') || current.includes('etag-guard-')) readLine(current.replace(/\r?\n$/, ''), line, context);
    }
    at = next;
  }
  return context;
}

function readLine(current: string, line: number, context: SliceContext): void {
  if (current.trimStart()[0] === '@') {
    const m = VARIABLE_LINE.exec(current);
    if (m) context.variables[m[1]] = m[2];
    return;
  }
  const name = NAME_LINE.exec(current);
  if (name && !context.requestNames.has(name[1])) context.requestNames.set(name[1], line);
  const comment = COMMENT_LINE.exec(current);
  const directive = comment && directiveOf(comment[1], line);
  if (directive?.kind === 'disable') context.directives.push(directive);
}
