/**
 * Keeps docs/rules and docs/configuration.md in step with the code: every rule has a page with its id as title,
 * its default level and its summary, every page has a rule, the index lists them all, and every setting is
 * documented.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, DEFAULT_CONFIG } from '../engine';

const ROOT = path.resolve(__dirname, '../../../..');
const DOCS = path.join(ROOT, 'docs/rules');
const HEADINGS = ['## What it finds', '## Why it matters', '## Examples', '### Bad', '### Good', '## The fix', '## When to turn it off'];
const ALL = ALL_RULES;

const read = (file: string) => fs.readFileSync(path.join(DOCS, file), 'utf8');

describe('docs/rules', () => {
  for (const rule of ALL) {
    it(`documents ${rule.id} with its title, default level, summary and the standard sections`, () => {
      const lines = read(`${rule.id}.md`).split('\n');
      assert.equal(lines[0], `# ${rule.id}`);
      assert.match(lines[2], new RegExp(`^> Default level: \\*\\*${rule.defaultLevel}\\*\\* · Quick fix: (yes|no) · Applies to: `));
      assert.equal(lines[4], rule.summary);
      assert.deepEqual(lines.filter((l) => l.startsWith('## ') || l.startsWith('### ')), HEADINGS);
    });
  }

  it('has no page without a rule', () => {
    const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    assert.deepEqual(pages.sort(), ALL.map((r) => r.id).sort());
  });

  it('lists every rule in the index with its level and summary', () => {
    const index = read('README.md');
    for (const r of ALL) {
      const row = `| [\`${r.id}\`](${r.id}.md) | ${r.defaultLevel} | ${r.summary.replace(/\|/g, '\\|')} |`;
      assert.ok(index.includes(row), `README.md lacks the row:\n${row}`);
    }
  });
});

describe('docs/configuration.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8');

  it('documents every etagGuard setting the extension contributes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as
      { contributes: { configuration: { properties: Record<string, unknown> } } };
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(doc.includes(`\`${key}\``), key);
  });

  it('documents every key of .etagguardrc.json', () => {
    for (const key of Object.keys(DEFAULT_CONFIG)) assert.ok(doc.includes(`\`${key}\``), key);
  });
});
