/**
 * Which local names stand for which modules: ES `import`, CommonJS `require`, Python `import` and
 * `from … import`. `node:http` is read as `http`.
 */
import type { SyntaxIndex } from './syntax-index';
import { stringLiteral, unwrap, type Node } from './syntax';

export interface ModuleBinding {
  module: string;
  /** Export path inside the module: empty for the module itself (namespace, default or `require`). */
  path: string[];
}

export type ModuleBindings = Map<string, ModuleBinding>;

/**
 * `node:http` is `http`; Deno's `npm:webdav@5` names the npm package `webdav`. Firebase's modular SDK loaded from its
 * CDN in a page (`https://www.gstatic.com/firebasejs/10.7.0/firebase-database.js`, Firebase's "use the CDN" setup) is
 * the `firebase/database` entry point, `firebase-firestore-lite.js` is `firebase/firestore/lite`; the scoped
 * `@firebase/firestore` that `firebase/firestore` re-exports is the same API.
 */
const moduleName = (raw: string) => raw.replace(/^node:/, '').replace(/^npm:(@?[^@]+)(@.*)?$/, '$1')
  .replace(/^https:\/\/www\.gstatic\.com\/firebasejs\/[^/]+\/firebase-([a-z-]+)\.js$/, (_, p: string) => `firebase/${p.replace(/-lite$/, '/lite')}`)
  .replace(/^@firebase\/(firestore|database)$/, 'firebase/$1')
  // The `webdav` package's browser build (`webdav/web`, its README's "use the web version" of v3 and v4) is the same API.
  .replace(/^webdav\/web$/, 'webdav');

export function moduleBindings(index: SyntaxIndex): ModuleBindings {
  const out: ModuleBindings = new Map();
  for (const node of index.imports) {
    if (node.type === 'import_statement' && node.childForFieldName('source')) readEsImport(node, out);
    else readPythonImport(node, out);
  }
  for (const decl of index.assignments) {
    if (decl.type !== 'variable_declarator') continue;
    const value = decl.childForFieldName('value');
    // `require('m').Export` binds the name to one export, as `const { Export } = require('m')` does.
    const bound = value && unwrap(value);
    const member = bound?.type === 'member_expression' ? bound : undefined;
    const call = member ? member.childForFieldName('object') : bound;
    if (call?.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'require') continue;
    const source = stringLiteral(call.childForFieldName('arguments')?.firstNamedChild);
    const name = decl.childForFieldName('name');
    if (!source || !name) continue;
    const module = moduleName(source.value);
    const exported = member?.childForFieldName('property')?.text;
    if (member && (!exported || name.type !== 'identifier')) continue;
    if (name.type === 'identifier') out.set(name.text, { module, path: exported ? [exported] : [] });
    else if (name.type === 'object_pattern') {
      for (const p of name.namedChildren) {
        if (p.type === 'shorthand_property_identifier_pattern') out.set(p.text, { module, path: [p.text] });
        else if (p.type === 'pair_pattern') {
          const key = p.childForFieldName('key')?.text;
          const local = p.childForFieldName('value');
          if (key && local?.type === 'identifier') out.set(local.text, { module, path: key === 'default' ? [] : [key] });
        }
      }
    }
  }
  return out;
}

function readEsImport(node: Node, out: ModuleBindings): void {
  const source = stringLiteral(node.childForFieldName('source'));
  const clause = node.namedChildren.find((c) => c.type === 'import_clause');
  if (!source || !clause) return;
  const module = moduleName(source.value);
  for (const c of clause.namedChildren) {
    if (c.type === 'identifier') out.set(c.text, { module, path: [] });
    else if (c.type === 'namespace_import') {
      const local = c.namedChildren.find((x) => x.type === 'identifier');
      if (local) out.set(local.text, { module, path: [] });
    } else if (c.type === 'named_imports') {
      for (const spec of c.namedChildren) {
        const name = spec.childForFieldName('name')?.text.replace(/^['"]|['"]$/g, '');
        const alias = spec.childForFieldName('alias')?.text ?? name;
        if (name && alias) out.set(alias, { module, path: name === 'default' ? [] : [name] });
      }
    }
  }
}

function readPythonImport(node: Node, out: ModuleBindings): void {
  const from = node.type === 'import_from_statement' ? node.childForFieldName('module_name')?.text : undefined;
  for (const item of node.childrenForFieldName('name')) {
    const name = (item.type === 'aliased_import' ? item.childForFieldName('name') : item)?.text;
    const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : undefined;
    if (!name) continue;
    if (from !== undefined) out.set(alias ?? name, { module: from, path: name.split('.') });
    // `import a.b` binds `a`; `import a.b as c` binds c to a.b.
    else if (alias) out.set(alias, { module: name.split('.')[0], path: name.split('.').slice(1) });
    else out.set(name.split('.')[0], { module: name.split('.')[0], path: [] });
  }
}
