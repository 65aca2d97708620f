/**
 * Functions of the file itself that a call names: `name(…)` (a function declaration, or a name holding an arrow
 * or function expression), `this.name(…)` / `self.name(…)` (a method of the class around the call), `Obj.name(…)`
 * where `Obj` holds an object literal with that method (`const Sync = { async gfetch(path, opt) { … } }`). Helpers that
 * build headers or URLs, or pass a request on to `fetch`, are written this way in real client code; reading what
 * they return keeps the request visible instead of unknown.
 */
import type { CodeContext } from './context';
import { calleeText, isFunction, unwrap, type Node } from './syntax';

/** The function of this file `callee` names, if exactly one can be told. */
export function localFunction(callee: Node, ctx: CodeContext): Node | undefined {
  const n = unwrap(callee);
  if (n.type === 'identifier') return namedFunction(n, ctx);
  if (n.type !== 'member_expression' && n.type !== 'attribute') return undefined;
  const object = n.childForFieldName('object');
  const name = n.childForFieldName(n.type === 'attribute' ? 'attribute' : 'property')?.text;
  if (object?.type === 'identifier' && object.text !== 'self' && name && n.type === 'member_expression') return methodOfObject(object, name, ctx);
  if (object?.type !== 'this' && !(object?.type === 'identifier' && object.text === 'self')) return undefined;
  return name ? methodOfEnclosingClass(n, name, ctx) : undefined;
}

/**
 * The method `name` of the object literal a name holds: `async gfetch(…) { … }` or `gfetch: (…) => …`. The object's
 * own methods call each other through its name (`Sync.gfetch(…)` inside `Sync`), before its declaration ends: a name
 * bound once in the file is that binding.
 */
function methodOfObject(object: Node, name: string, ctx: CodeContext): Node | undefined {
  const all = ctx.scopes.all.get(object.text);
  const bound = ctx.scopes.lookup(object.text, object) ?? (all?.length === 1 ? all[0] : undefined);
  const literal = bound && bound.path.length === 0 ? unwrap(bound.value) : undefined;
  return literal?.type === 'object' ? ownMethod(literal, name) : undefined;
}

/** The method `name` an object literal defines: `async name(…) { … }` or `name: (…) => …` (no getter or setter). */
function ownMethod(literal: Node, name: string): Node | undefined {
  for (const m of literal.namedChildren) {
    if (m.type === 'method_definition' && m.childForFieldName('name')?.text === name && !m.children.some((c) => c.type === 'get' || c.type === 'set')) return m;
    const value = m.type === 'pair' && m.childForFieldName('key')?.text === name ? m.childForFieldName('value') : undefined;
    if (value && isFunction(unwrap(value))) return unwrap(value);
  }
  return undefined;
}

/** A member of an object literal whose `this` is the object: a method, or a `function` (an arrow keeps the outer `this`). */
function isObjectMethod(member: Node | undefined): boolean {
  if (member?.type === 'method_definition') return true;
  const value = member?.type === 'pair' ? member.childForFieldName('value') : undefined;
  return !!value && unwrap(value).type === 'function_expression';
}

/**
 * The wrapper of the file `call` calls: the one filed under its callee's last name, when the callee names that very
 * function (a same-named function of another module or object is not it).
 */
export function calledWrapper<W extends { fn: Node }>(call: Node, wrappers: ReadonlyMap<string, W>, ctx: CodeContext): W | undefined {
  const callee = call.childForFieldName('function');
  const w = callee && wrappers.get(calleeText(callee).split('.').pop() ?? '');
  return w && localFunction(callee, ctx)?.id === w.fn.id ? w : undefined;
}

/** A function declared under that name (one only), or the arrow / function a name in scope holds. */
function namedFunction(id: Node, ctx: CodeContext): Node | undefined {
  const bound = ctx.scopes.lookup(id.text, id);
  if (bound) {
    const value = unwrap(bound.value);
    return bound.path.length === 0 && isFunction(value) ? value : undefined;
  }
  const declared = ctx.index.functions.filter((f) => (f.type === 'function_declaration' || f.type === 'function_definition')
    && f.childForFieldName('name')?.text === id.text);
  return declared.length === 1 ? declared[0] : undefined;
}

/**
 * The method `name` of the class around `use` (JS class body, Python class block), or of the object literal whose
 * method `use` is in (`this.graph(…)` inside `saveJson() { … }` of `const api = { graph(…) {…}, saveJson() {…} }`).
 */
function methodOfEnclosingClass(use: Node, name: string, ctx: CodeContext): Node | undefined {
  const ancestors = ctx.ancestry.of(use);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (a.type === 'object' && isObjectMethod(ancestors[i + 1])) return ownMethod(a, name);
    if (a.type === 'class_body') {
      return a.namedChildren.find((m) => m.type === 'method_definition' && m.childForFieldName('name')?.text === name
        && !m.children.some((c) => c.type === 'get' || c.type === 'set'));
    }
    if (a.type === 'class_definition') {
      const body = a.childForFieldName('body');
      for (const s of body?.namedChildren ?? []) {
        const def = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
        if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name) return def;
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * What the function returns: an arrow's expression body, or the values of its own `return` statements (not
 * those of functions inside it). Empty when a `return` has no value.
 */
export function returnedValues(fn: Node, ctx: CodeContext): Node[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  if (fn.type === 'arrow_function' && body.type !== 'statement_block') return [body];
  const out: Node[] = [];
  for (const r of body.descendantsOfType('return_statement')) {
    if (ctx.scopes.functionOf(r).id !== fn.id) continue;
    const value = r.firstNamedChild;
    if (!value) return [];
    out.push(value);
  }
  return out;
}

/** The names of the function's parameters in order (a destructured or unusual one is undefined). */
export function parameterNames(fn: Node): (string | undefined)[] {
  const list = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (!list) return [];
  if (list.type === 'identifier') return [list.text];
  const out: (string | undefined)[] = [];
  for (const p of list.namedChildren) {
    if (p.type === 'comment') continue;
    // A rest parameter gathers the remaining arguments: no one argument is its value.
    if (['rest_pattern', 'list_splat_pattern', 'dictionary_splat_pattern'].includes(p.type)) {
      out.push(undefined);
      continue;
    }
    const name = p.type === 'identifier' ? p : p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? p.childForFieldName('left') ?? p.firstNamedChild;
    out.push(name?.type === 'identifier' ? name.text : undefined);
  }
  // Python methods receive `self` / `cls` first, which a call through `self.name(…)` does not pass.
  return fn.type === 'function_definition' && (out[0] === 'self' || out[0] === 'cls') ? out.slice(1) : out;
}

/**
 * The name a function is known by: `function f`, `def f`, a method `f(…) { … }`, `const f = (…) => …`, an object's
 * `f: (…) => …`.
 */
export function functionName(fn: Node, ctx: CodeContext): string | undefined {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  const parent = ctx.ancestry.of(fn).at(-1);
  const holder = parent?.type === 'variable_declarator' || parent?.type === 'pair' ? parent.childForFieldName(parent.type === 'pair' ? 'key' : 'name') : undefined;
  return holder?.type === 'identifier' || holder?.type === 'property_identifier' ? holder.text : undefined;
}
