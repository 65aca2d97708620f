// Checks the packaged .vsix carries every rule's documentation page (docs/rules/*.md), which the diagnostics'
// links open inside VS Code, offline. Lists the archive with `unzip -l`.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** The archive's entry names, or the error of listing it. */
function entriesOf(vsix) {
  const listing = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
  if (listing.status !== 0) return { error: `unzip -l ${vsix} failed: ${listing.stderr || listing.error}` };
  return { entries: new Set(listing.stdout.split('\n').map((l) => l.trim().split(/\s+/).pop())) };
}

/** `{ ok, error }`: ok when every docs/rules/*.md of `root` is in `vsix` under extension/docs/rules/. */
function checkRuleDocs(vsix, root) {
  const { entries, error } = entriesOf(vsix);
  if (!entries) return { ok: false, error };
  const pages = fs.readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
  const missing = pages.filter((f) => !entries.has(`extension/docs/rules/${f}`));
  return missing.length === 0 && pages.length > 0 ? { ok: true } : { ok: false, error: `not in the .vsix: ${missing.join(', ') || 'no rule pages found'}` };
}

/**
 * `{ ok, error }`: ok when every extension and server bundle the build wrote (dist/extension*.js: the entry and the
 * chunks it requires at run time, the language client and the UI; dist/server*.js: the language server and the
 * client-code and YAML bundles it requires on the first code and OpenAPI documents) is in `vsix`; .vscodeignore lists them one by one.
 */
function checkExtensionBundles(vsix, root) {
  const { entries, error } = entriesOf(vsix);
  if (!entries) return { ok: false, error };
  const bundles = fs.readdirSync(path.join(root, 'dist')).filter((f) => /^(extension|server).*\.js$/.test(f));
  const missing = bundles.filter((f) => !entries.has(`extension/dist/${f}`));
  return missing.length === 0 && bundles.length > 0 ? { ok: true } : { ok: false, error: `not in the .vsix: ${missing.join(', ') || 'no dist/extension*.js found'}` };
}

module.exports = { checkRuleDocs, checkExtensionBundles };
