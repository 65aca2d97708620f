/**
 * Client objects handed in, told by their declared type: a parameter `client: WebDAVClient` (from 'webdav'), `es:
 * Client` (from '@elastic/elasticsearch'), `table: TableClient` (from '@azure/data-tables'), a Python `es:
 * Elasticsearch`, or a class field declared with such a type (`private readonly client: Client`, a constructor's
 * parameter property) that the class never assigns. Real code passes one client made at start-up to every sync or
 * repository function; the type the code declares says which SDK its calls go through, as the factory would.
 *
 * A type names a client when it is an SDK's class whose constructor is a known factory (`new Client(…)`), or one of
 * the interface types listed below for clients made by a function (`createClient(…)` returns a `WebDAVClient`).
 */
import type { CodeContext } from './context';
import { factoryPrefix } from './libraries';
import type { Resolved } from './resolve';
import type { Node } from './syntax';

/** Interface types of clients made by a factory function: module → type → the path their methods are listed under. */
const CLIENT_TYPES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  webdav: { WebDAVClient: ['Client'] },
  '@microsoft/microsoft-graph-client': { Client: ['GraphClient'] },
};

/** JS parameters and Python typed parameters: the node types that carry a declared type. */
const TYPED_PARAMETERS = new Set(['required_parameter', 'optional_parameter', 'typed_parameter', 'typed_default_parameter']);

/** The client a parameter named `id` of a function around it is declared to be, if its type names one. */
export function typedParameter(id: Node, ctx: CodeContext): Resolved | undefined {
  if (!mayNameClients(ctx)) return undefined;
  for (let fn = ctx.scopes.functionOf(id); fn.id !== ctx.index.root.id; fn = ctx.scopes.functionOf(fn)) {
    const params = fn.childForFieldName('parameters');
    for (const p of params?.namedChildren ?? []) {
      if (parameterName(p) !== id.text) continue;
      // The innermost parameter of that name is the one used, typed or not.
      return TYPED_PARAMETERS.has(p.type) ? clientOfType(p.childForFieldName('type'), ctx) : undefined;
    }
  }
  return undefined;
}

/**
 * The client a class field `this.name` is declared to be (`private client: Client;`, `constructor(private readonly
 * es: Client)`), for a field the class never assigns a value the analysis follows.
 */
export function typedField(member: Node, ctx: CodeContext): Resolved | undefined {
  const object = member.childForFieldName('object');
  const name = member.childForFieldName('property')?.text;
  if (object?.type !== 'this' || !name || !mayNameClients(ctx)) return undefined;
  let cls: Node | null = member.parent;
  while (cls && cls.type !== 'class_declaration' && cls.type !== 'class' && cls.type !== 'abstract_class_declaration') cls = cls.parent;
  const body = cls?.childForFieldName('body');
  for (const m of body?.namedChildren ?? []) {
    if (m.type === 'public_field_definition' && m.childForFieldName('name')?.text === name) return clientOfType(m.childForFieldName('type'), ctx);
    if (m.type !== 'method_definition' || m.childForFieldName('name')?.text !== 'constructor') continue;
    for (const p of m.childForFieldName('parameters')?.namedChildren ?? []) {
      if (parameterName(p) === name && p.namedChildren.some((c) => c.type === 'accessibility_modifier' || c.type === 'readonly')) {
        return clientOfType(p.childForFieldName('type'), ctx);
      }
    }
  }
  return undefined;
}

function parameterName(p: Node): string | undefined {
  const name = p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? (p.type === 'typed_parameter' ? p.firstNamedChild : p);
  return name?.type === 'identifier' ? name.text : undefined;
}

/**
 * The client a declared type names: `Client`, `WebDAVClient | null`, `Pick<WebDAVClient, 'putFileContents'>`,
 * `es.Client` through a namespace import, Python `elasticsearch.Elasticsearch`. The first name in it that an import
 * makes a client type wins.
 */
function clientOfType(type: Node | null, ctx: CodeContext): Resolved | undefined {
  if (!type) return undefined;
  const names = type.type === 'identifier' || type.type === 'type_identifier' ? [type] : type.descendantsOfType(['type_identifier', 'nested_type_identifier', 'identifier', 'attribute']);
  for (const n of names) {
    const [first, ...rest] = n.text.split('.');
    const imported = ctx.modules.get(first);
    if (!imported) continue;
    const path = [...imported.path, ...rest];
    const prefix = CLIENT_TYPES[imported.module]?.[path.join('.')] ?? factoryPrefix(imported.module, path);
    if (prefix) return { module: imported.module, path: [...prefix] };
  }
  return undefined;
}

/**
 * True when an import could name a client type (a client class or interface, or a namespace that holds one): asked
 * once per document, so files without one never look at parameter types.
 */
function mayNameClients(ctx: CodeContext): boolean {
  let answer = ctx.memo.get('imports client types');
  if (answer === undefined) {
    answer = [...ctx.modules.values()].some((m) => m.path.length === 0 || CLIENT_TYPES[m.module] !== undefined || factoryPrefix(m.module, m.path) !== undefined);
    ctx.memo.set('imports client types', answer);
  }
  return answer;
}
