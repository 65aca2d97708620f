// Checks the packaged .vsix carries every rule's documentation page (docs/rules/*.md), which the diagnostics'
// links open inside VS Code, offline. Lists the archive with `unzip -l`.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** `{ ok, error }`: ok when every docs/rules/*.md of `root` is in `vsix` under extension/docs/rules/. */
function checkRuleDocs(vsix, root) {
  const listing = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
  if (listing.status !== 0) return { ok: false, error: `unzip -l ${vsix} failed: ${listing.stderr || listing.error}` };
  const entries = new Set(listing.stdout.split('\n').map((l) => l.trim().split(/\s+/).pop()));
  const pages = fs.readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
  const missing = pages.filter((f) => !entries.has(`extension/docs/rules/${f}`));
  return missing.length === 0 && pages.length > 0 ? { ok: true } : { ok: false, error: `not in the .vsix: ${missing.join(', ') || 'no rule pages found'}` };
}

module.exports = { checkRuleDocs };
