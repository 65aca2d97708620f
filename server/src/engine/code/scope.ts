/**
 * Per-function dataflow, as far as precision allows: which value a name (or `this.x` / `self.x`) was last
 * given before a point, looking in the enclosing function first and then in the functions around it.
 * Destructuring keeps the property path (`const { headers } = res` → `headers` is `res.headers`).
 */
import type { SyntaxIndex } from './syntax-index';
import { EnclosingFunctions } from './functions';
import { calleeText, type Node } from './syntax';

export interface Binding {
  /** The assigned name as written: `etag`, `this.api`, `self.session`. */
  key: string;
  /** The expression assigned, or the `with` item's value. */
  value: Node;
  /** Property path read from `value` by a destructuring pattern. */
  path: string[];
  /** Where the binding takes effect. */
  at: Node;
  /** Where `at` ends (read once: each read of `endIndex` is a call into WebAssembly). */
  end: number;
  scope: Node;
}

export class Scopes {
  private readonly byScope = new Map<number, Map<string, Binding[]>>();
  /** Every binding by key, for the few questions asked about the whole file (instances, mutations). */
  readonly all = new Map<string, Binding[]>();

  private readonly functions: EnclosingFunctions;

  constructor(index: SyntaxIndex) {
    this.functions = new EnclosingFunctions(index.functions, index.root);
    for (const node of index.assignments) for (const b of bindingsOf(node, node.endIndex, this.functionOf(node))) this.add(b);
  }

  /** The nearest enclosing function (or the file's root). */
  functionOf(node: Node): Node {
    return this.functions.of(node);
  }

  /** The binding of `key` in effect at `use`: the latest one before it, innermost function first. */
  lookup(key: string, use: Node): Binding | undefined {
    let scope = this.functionOf(use);
    for (;;) {
      const list = this.byScope.get(scope.id)?.get(key);
      if (list) {
        for (let i = list.length - 1; i >= 0; i--) if (list[i].end <= use.startIndex) return list[i];
      }
      if (scope.id === this.functions.root.id) return undefined;
      scope = this.functionOf(scope);
    }
  }

  /**
   * The binding that the one in effect at `use` is only the fallback of: where that one is set in an `except` clause
   * (`try: item = read(…)` / `except NotFound: item = {…}`), the last binding of `key` in the try's body, the value
   * the name holds whenever the try succeeded.
   */
  tried(key: string, use: Node): Binding | undefined {
    const b = this.lookup(key, use);
    let clause = b?.at.parent;
    while (clause && clause.type !== 'except_clause' && clause.id !== b!.scope.id) clause = clause.parent;
    const attempt = clause?.type === 'except_clause' ? clause.parent : undefined;
    const body = attempt?.childForFieldName('body');
    // Only after the whole try statement: inside the except clause the name holds the fallback.
    if (!b || !attempt || !body || use.startIndex < attempt.endIndex) return undefined;
    const list = this.byScope.get(b.scope.id)?.get(key) ?? [];
    return list.filter((x) => x.at.startIndex >= body.startIndex && x.end <= body.endIndex).pop();
  }

  private add(b: Binding): void {
    let scoped = this.byScope.get(b.scope.id);
    if (!scoped) this.byScope.set(b.scope.id, (scoped = new Map()));
    for (const map of [scoped, this.all]) {
      const list = map.get(b.key);
      if (list) list.push(b);
      else map.set(b.key, [b]);
    }
  }
}

function bindingsOf(node: Node, end: number, scope: Node): Binding[] {
  if (node.type === 'with_item') {
    const pattern = node.childForFieldName('value');
    if (pattern?.type !== 'as_pattern') return [];
    const value = pattern.firstNamedChild;
    const alias = pattern.childForFieldName('alias')?.firstNamedChild;
    return value && alias ? [{ key: calleeText(alias), value, path: [], at: node, end, scope }] : [];
  }
  const target = node.childForFieldName(node.type === 'variable_declarator' ? 'name' : 'left');
  const value = node.childForFieldName(node.type === 'variable_declarator' ? 'value' : 'right');
  if (!target || !value) return [];
  if (['identifier', 'member_expression', 'attribute'].includes(target.type)) return [{ key: calleeText(target), value, path: [], at: node, end, scope }];
  if (target.type !== 'object_pattern') return [];
  const out: Binding[] = [];
  for (const p of target.namedChildren) {
    if (p.type === 'shorthand_property_identifier_pattern') out.push({ key: p.text, value, path: [p.text], at: node, end, scope });
    else if (p.type === 'pair_pattern') {
      const key = p.childForFieldName('key');
      const local = p.childForFieldName('value');
      if (key && local?.type === 'identifier') out.push({ key: local.text, value, path: [key.text.replace(/^['"]|['"]$/g, '')], at: node, end, scope });
    }
  }
  return out;
}
