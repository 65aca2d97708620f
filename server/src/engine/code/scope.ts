/**
 * Per-function dataflow, as far as precision allows: which value a name (or `this.x` / `self.x`) was last
 * given before a point, looking in the enclosing function first and then in the functions around it.
 * Destructuring keeps the property path (`const { headers } = res` → `headers` is `res.headers`).
 */
import type { SyntaxIndex } from './syntax-index';
import { calleeText, isFunction, type Node } from './syntax';

export interface Binding {
  /** The assigned name as written: `etag`, `this.api`, `self.session`. */
  key: string;
  /** The expression assigned, or the `with` item's value. */
  value: Node;
  /** Property path read from `value` by a destructuring pattern. */
  path: string[];
  /** Where the binding takes effect. */
  at: Node;
  scope: Node;
}

export class Scopes {
  private readonly byScope = new Map<number, Map<string, Binding[]>>();
  /** Every binding by key, for the few questions asked about the whole file (instances, mutations). */
  readonly all = new Map<string, Binding[]>();

  /** Enclosing function by node id: lookups walk the same parents again and again. */
  private readonly functions = new Map<number, Node>();

  constructor(index: SyntaxIndex) {
    for (const node of index.assignments) for (const b of bindingsOf(node, this.functionOf(node))) this.add(b);
  }

  /** The nearest enclosing function (or the file's root), memoised for every node on the way up. */
  functionOf(node: Node): Node {
    const visited: number[] = [];
    let n: Node = node;
    let found: Node | undefined;
    for (;;) {
      found = this.functions.get(n.id);
      if (found) break;
      visited.push(n.id);
      const parent = n.parent;
      if (!parent || isFunction(parent) || !parent.parent) {
        found = parent ?? n;
        break;
      }
      n = parent;
    }
    for (const id of visited) this.functions.set(id, found);
    return found;
  }

  /** The binding of `key` in effect at `use`: the latest one before it, innermost function first. */
  lookup(key: string, use: Node): Binding | undefined {
    let scope = this.functionOf(use);
    for (;;) {
      const list = this.byScope.get(scope.id)?.get(key);
      if (list) {
        for (let i = list.length - 1; i >= 0; i--) if (list[i].at.endIndex <= use.startIndex) return list[i];
      }
      if (!scope.parent) return undefined;
      scope = this.functionOf(scope);
    }
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

function bindingsOf(node: Node, scope: Node): Binding[] {
  if (node.type === 'with_item') {
    const pattern = node.childForFieldName('value');
    if (pattern?.type !== 'as_pattern') return [];
    const value = pattern.firstNamedChild;
    const alias = pattern.childForFieldName('alias')?.firstNamedChild;
    return value && alias ? [{ key: calleeText(alias), value, path: [], at: node, scope }] : [];
  }
  const target = node.childForFieldName(node.type === 'variable_declarator' ? 'name' : 'left');
  const value = node.childForFieldName(node.type === 'variable_declarator' ? 'value' : 'right');
  if (!target || !value) return [];
  if (['identifier', 'member_expression', 'attribute'].includes(target.type)) return [{ key: calleeText(target), value, path: [], at: node, scope }];
  if (target.type !== 'object_pattern') return [];
  const out: Binding[] = [];
  for (const p of target.namedChildren) {
    if (p.type === 'shorthand_property_identifier_pattern') out.push({ key: p.text, value, path: [p.text], at: node, scope });
    else if (p.type === 'pair_pattern') {
      const key = p.childForFieldName('key');
      const local = p.childForFieldName('value');
      if (key && local?.type === 'identifier') out.push({ key: local.text, value, path: [key.text.replace(/^['"]|['"]$/g, '')], at: node, scope });
    }
  }
  return out;
}
