/**
 * Preconditions set only when a tag is at hand: `if (etag) headers['If-Match'] = etag` before the call. When the
 * read brought no ETag, the write goes out with no precondition at all, which is the lost update the header was
 * meant to stop. A precondition is conditional when it is set inside an `if` (that does not hold the call) whose
 * test reads the very value sent, and no other precondition is set on the other arm of that `if`
 * (`if etag: If-Match … else: If-None-Match: *` is complete). Options flags (`if (!overwrite)`) are a choice
 * the caller makes, not a missing tag: they are not conditional here.
 */
import { isPreconditionName } from '../rules/vocabulary';
import type { CodeContext } from './context';
import type { HeaderEntry } from './headers';
import { parameterNames } from './local-functions';
import { encloses, unwrap, type Node } from './syntax';

const IFS = new Set(['if_statement']);

/** The entries of `entries` that are preconditions set only when their value is present. */
export function conditionalPreconditions(entries: readonly HeaderEntry[], call: Node, ctx: CodeContext): Set<HeaderEntry> {
  const out = new Set<HeaderEntry>();
  const guards = entries.filter((e) => isPreconditionName(e.name));
  if (guards.length === 0) return out;
  const arms = guards.map((e) => armOf(e, call, ctx));
  guards.forEach((e, i) => {
    const arm = arms[i];
    if (!arm || !testsValue(arm.test, e.value)) return;
    // Another precondition on another arm of the same `if`: every path sends one.
    if (arms.some((other, j) => j !== i && other?.statement.id === arm.statement.id && other.branch !== arm.branch)) return;
    out.add(e);
  });
  return out;
}

interface Arm {
  statement: Node;
  test: Node;
  /** 'then', or the id of the else/elif clause. */
  branch: string;
}

/** The innermost `if` around the entry that does not also hold the call, and which arm the entry is in. */
function armOf(e: HeaderEntry, call: Node, ctx: CodeContext): Arm | undefined {
  if (encloses(call, e.whole)) return undefined;
  const ancestors = ctx.ancestry.of(e.whole);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const n = ancestors[i];
    if (encloses(n, call)) return undefined;
    if (!IFS.has(n.type)) continue;
    const test = n.childForFieldName('condition');
    if (!test) return undefined;
    const child = ancestors[i + 1] ?? e.whole;
    const consequence = n.childForFieldName('consequence');
    const branch = consequence && child.id === consequence.id ? 'then' : String(child.id);
    // The test itself is not an arm.
    if (child.id === test.id) return undefined;
    return { statement: n, test, branch };
  }
  return undefined;
}

/** True when the `if` test reads the value sent (`etag`, `this.etag`, `etag is not None`, `!!etag`). */
function testsValue(test: Node, value: Node): boolean {
  const v = unwrap(value).text;
  if (!/^[\w$.]+$/.test(v)) return false;
  const escaped = v.replace(/[.$]/g, (c) => `\\${c}`);
  return new RegExp(`(^|[^\\w$.])${escaped}($|[^\\w$])`).test(test.text);
}

/**
 * True when the conditional value is a parameter of the function around the call (`def put_page(path, content,
 * etag)`, `apiPut(path, body, etag?)`): whether a tag is at hand is its callers' to say, as a request helper's optional
 * tag is by design (lesson from real code: a wiki publisher that passes the page's ETag when the page exists and none
 * when its GET returned 404, so that the PUT creates it).
 */
export function tagFromCaller(e: HeaderEntry, call: Node, ctx: CodeContext): boolean {
  const v = unwrap(e.value);
  return v.type === 'identifier' && parameterNames(ctx.scopes.functionOf(call)).includes(v.text);
}
