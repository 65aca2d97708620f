/**
 * Quick-fix edits in client code, in the idiom of the library at hand: add a header to the call's headers
 * (or a `headers` option, a `.set()` on a superagent chain, the wrapper's precondition argument), refer to an
 * ETag variable already in scope, or insert a read of the resource that captures its ETag before the write.
 */
import type { RequestEditor, RequestModel } from '../model/types';
import type { TextEdit } from '../text/types';
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import type { HeaderSet } from './headers';
import { eolOf, indentOf, insertEntry } from './insert-entry';
import { quoteStyle } from './quote-style';
import { etagParameter } from './etag-parameter';
import { readIdiom, etagOfResponse } from './read-idioms';
import { sentBody } from './sent-body';
import { followValue, isName } from './options';
import { encloses, unwrap, urlExpressionText, type Node, type StringLiteral } from './syntax';

/** What lint-code.ts needs to make fixes safe inside string literals (see fix-safety.ts). */
export interface FixSupport {
  /** Header names and values written as literals. */
  literals: StringLiteral[];
  /** Expressions the editor produced: an edit replacing a literal's content with one replaces the whole literal. */
  produced: Set<string>;
}

const STATEMENT_PARENTS = new Set(['statement_block', 'program', 'switch_case', 'switch_default', 'block', 'module']);

export class CodeRequestEditor implements RequestEditor {
  constructor(
    private readonly ctx: CodeContext,
    private readonly call: HttpCall,
    private readonly headers: HeaderSet,
    private readonly calls: readonly HttpCall[],
    private readonly fixes: FixSupport,
  ) {}

  addHeader(name: string, value: string): TextEdit[] {
    const valueText = this.fixes.produced.has(value) ? value : this.quote(value);
    const py = this.ctx.family === 'python';
    const pair = `${this.quote(name)}: ${valueText}`;
    const { call } = this;
    // Through a method wrapper the headers are the wrapper's: an edit there would change every request it sends.
    if (call.via) return [];
    if (call.wrapper) {
      // The wrapper's precondition argument, when it is the next one to write.
      const args = call.args.positional;
      return name === 'If-Match' && args.length === call.wrapper.config.etagArg && args.length > 0
        ? [insertAt(args[args.length - 1].endPosition, `, ${valueText}`)] : [];
    }
    const literal = this.headers.literal;
    if (literal && encloses(call.call, literal)) return insertEntry(literal, pair, this.ctx.text);
    if (call.library === 'superagent') return [insertAt(call.call.endPosition, `.set(${this.quote(name)}, ${valueText})`)];
    if (call.headers) return this.setOnLocalHeaders(call.headers, name, valueText);
    const options = call.options;
    const headersProp = py ? `headers={${pair}}` : `headers: { ${pair} }`;
    if (options && (options.node.type === 'argument_list' || encloses(call.call, options.node))) return insertEntry(options.node, headersProp, this.ctx.text);
    const at = call.shape.options;
    if (!options && typeof at === 'number' && call.args.positional.length === at && at > 0) {
      return [insertAt(call.args.positional[at - 1].endPosition, `, { ${headersProp} }`)];
    }
    return [];
  }

  /**
   * Headers held in a variable made in the write's own function (`const h = new Headers(); … fetch(u, { headers:
   * h })`, or a local object / dict): one statement right before the write sets the header on it (after any read
   * a fix inserts there: same-position insertions keep their order). A variable from elsewhere may be shared by
   * other requests: no edit.
   */
  private setOnLocalHeaders(expr: Node, name: string, valueText: string): TextEdit[] {
    const raw = unwrap(expr);
    if (!isName(raw)) return [];
    const value = followValue(raw, this.ctx);
    const scope = this.ctx.scopes.functionOf(this.call.call);
    const local = value !== raw && value.startIndex > scope.startIndex && value.endIndex < this.call.call.startIndex && this.ctx.scopes.functionOf(value).id === scope.id;
    const statement = statementOf(this.call.call, this.ctx.ancestry.of(this.call.call));
    if (!local || !statement) return [];
    const isHeaders = value.type === 'new_expression' && value.childForFieldName('constructor')?.text === 'Headers';
    if (!isHeaders && value.type !== 'object' && value.type !== 'dictionary') return [];
    const py = this.ctx.family === 'python';
    const set = isHeaders ? `${raw.text}.set(${this.quote(name)}, ${valueText});` : `${raw.text}[${this.quote(name)}] = ${valueText}${py ? '' : ';'}`;
    return [insertAt(statement.startPosition, set + eolOf(this.ctx.text) + indentOf(statement, this.ctx.text))];
  }

  insertReadBefore(readHeaders: readonly (readonly [string, string])[] = []): { edits: TextEdit[]; etagExpression: string } | undefined {
    if (this.call.via) return undefined;
    const statement = statementOf(this.call.call, this.ctx.ancestry.of(this.call.call));
    const url = this.call.url;
    if (!statement || !url || urlExpressionText(url) === undefined) return undefined;
    const scope = this.ctx.scopes.functionOf(this.call.call);
    const fresh = (base: string) => freshName(base, scope, this.ctx);
    const idiom = readIdiom(this.ctx, this.call, this.headers.entries, url.text, fresh('current'), fresh('etag'), readHeaders.map(([name, value]) => `${this.quote(name)}: ${this.quote(value)}`));
    if (!idiom) return undefined;
    const indent = indentOf(statement, this.ctx.text);
    const eol = eolOf(this.ctx.text);
    const lines = idiom.lines.map((l) => l + eol + indent).join('');
    this.fixes.produced.add(idiom.etag);
    return { edits: [insertAt(statement.startPosition, lines)], etagExpression: idiom.etag };
  }

  referenceTo(read: RequestModel, header?: string): { edits: TextEdit[]; expression: string } | undefined {
    const readCall = this.calls[read.index];
    const expression = readCall && etagOfResponse(this.ctx, this.call.call, readCall, header);
    if (expression) this.fixes.produced.add(expression);
    return expression === undefined ? undefined : { edits: [], expression };
  }

  addEtagParameter(): { edits: TextEdit[]; expression: string; dataFromCaller: boolean } | undefined {
    if (this.call.wrapper || this.call.via) return undefined;
    const scope = this.ctx.scopes.functionOf(this.call.call);
    if (scope.id === this.ctx.index.root.id) return undefined;
    // An alternative to the inserted read, not an addition: it may take the name the read's fix takes, so the
    // name is looked up (once per scope and name) without being reserved.
    const name = ['etag', 'etag2', 'etag3'].find((n) => !nameUsed(n, scope, this.ctx));
    const added = name && etagParameter(this.ctx, this.call, sentBody(this.call), name);
    if (!added) return undefined;
    this.fixes.produced.add(added.name);
    return { edits: added.edits, expression: added.name, dataFromCaller: added.dataFromCaller };
  }

  /** A string literal in the quotes the call (else the file) already uses. */
  private quote(text: string): string {
    const q = quoteStyle(this.call.call, this.ctx);
    return q + text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
  }
}

/** The body the call sends (`body` / `data` / `json`), looked through `JSON.stringify(…)` / `json.dumps(…)`. */
function insertAt(p: { row: number; column: number }, newText: string): TextEdit {
  const position = { line: p.row, character: p.column };
  return { range: { start: position, end: position }, newText };
}

/** The statement holding the call, in a block where another statement can go before it (`ancestors` root first). */
function statementOf(node: Node, ancestors: readonly Node[]): Node | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    if (STATEMENT_PARENTS.has(ancestors[i].type)) return i === ancestors.length - 1 ? node : ancestors[i + 1];
  }
  return undefined;
}

/** True when `name` appears in the scope's text as a whole word. */
function nameUsed(name: string, scope: Node, ctx: CodeContext): boolean {
  return namesIn(scope, ctx).words.has(name);
}

/**
 * `base`, or `base2`, `base3`… : the first name the scope does not use and no other fix of this lint took. The
 * scope's words are read once, and each base remembers how far it got, so a file with thousands of calls in one
 * scope (a minified bundle) costs one scan of the scope, not one per call and name.
 */
function freshName(base: string, scope: Node, ctx: CodeContext): string {
  const names = namesIn(scope, ctx);
  for (let i = names.next.get(base) ?? 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (names.words.has(name) || names.taken.has(name)) continue;
    // Taken from now on: another write's inserted read in this scope (fixed in the same --fix pass) gets `base2`.
    names.taken.add(name);
    names.next.set(base, i + 1);
    return name;
  }
}

interface ScopeNames {
  /** Every maximal run of word characters in the scope's text: `\bname\b` matches exactly these. */
  words: Set<string>;
  /** Names fixes of this lint took in the scope. */
  taken: Set<string>;
  /** Where each base's search goes on. */
  next: Map<string, number>;
}

/** Per lint (its context) and scope; tree-sitter hands out new node objects, so scopes are keyed by extent. */
const scopeNames = new WeakMap<CodeContext, Map<string, ScopeNames>>();

function namesIn(scope: Node, ctx: CodeContext): ScopeNames {
  let byScope = scopeNames.get(ctx);
  if (!byScope) scopeNames.set(ctx, byScope = new Map());
  const key = `${scope.startIndex}:${scope.endIndex}`;
  let names = byScope.get(key);
  if (!names) {
    const words = new Set(ctx.text.slice(scope.startIndex, scope.endIndex).match(/\w+/g) ?? []);
    byScope.set(key, names = { words, taken: new Set(), next: new Map() });
  }
  return names;
}
