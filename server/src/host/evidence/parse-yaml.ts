/**
 * The `yaml` library's parser, for OpenAPI / Swagger documents (JSON is YAML). A module of its own so the language
 * server can load it only when a workspace has such a document: esbuild.js makes it a bundle beside the server's
 * (`dist/server-yaml.js`), and a server that never reads one never parses or runs the library (docs/performance.md,
 * "Issue 16, sixteenth session").
 */
import { parse } from 'yaml';

/** The document's content; throws on text that is not YAML. Aliases are bounded, so a crafted file cannot explode. */
export function parseYaml(text: string): unknown {
  return parse(text, { maxAliasCount: 1000 });
}
