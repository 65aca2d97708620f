/**
 * jQuery and the SharePoint Framework's spHttpClient (libraries.ts "Page scripts", resolve.ts) in what the rules see:
 * which names stand for them and which do not, and a read whose completion callback writes back (completion-callbacks.ts).
 * The annotated fixtures (test/fixtures/code/jquery.js, spfx.ts, evidence-jquery.js, evidence-spfx.ts) cover the rest.
 */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lintCode, type CodeParsers } from '../../server/src/engine';
import { testParsers } from './parsers';

let parsers: CodeParsers;
const STRICT = { ...DEFAULT_CONFIG, strict: true };

function missing(text: string, language: 'javascript' | 'typescript' = 'javascript', config = STRICT): number[] {
  return lintCode(text, language, config, parsers).findings
    .filter((f) => f.ruleId === 'missing-precondition').map((f) => f.range.start.line);
}

const put = "  $.ajax({ url: '/api/notes/' + id, type: 'PUT', data: note });";

describe('page clients: jQuery and SPFx spHttpClient', () => {
  before(async () => {
    parsers = await testParsers();
  });

  it('$ imported from jquery is jQuery; a $ the file declares is not', () => {
    assert.deepEqual(missing(["import $ from 'jquery';", 'export function save(id, note) {', put, '}'].join('\n')), [2]);
    assert.deepEqual(missing(['const $ = (sel) => document.querySelector(sel);', 'function save(id, note) {', put, '}'].join('\n')), []);
  });

  it('the IIFE parameter `$` of a jQuery plugin is jQuery', () => {
    assert.deepEqual(missing(['(function ($) {', '  function save(id, note) {', `  ${put}`, '  }', '})(jQuery);'].join('\n')), [2]);
  });

  it('without `type` or `method` $.ajax is a GET; `method` wins as jQuery 1.9+ reads it', () => {
    assert.deepEqual(missing("$.ajax({ url: '/api/notes/1', data: { q: 1 } });"), []);
    assert.deepEqual(missing("$.ajax({ url: '/api/notes/1', method: 'PATCH', data: note });"), [0]);
    assert.deepEqual(missing("$.ajax({ url: '/api/notes/1', type: 'GET', method: 'PUT', data: note });"), [0]);
  });

  it('a page-wide $.ajaxSetup that only sets a CSRF token leaves the writes judged', () => {
    const text = ["$.ajaxSetup({ headers: { 'X-CSRF-TOKEN': token } });", 'function save(id, note) {', put, '}'].join('\n');
    assert.deepEqual(missing(text), [2]);
  });

  it('spHttpClient.fetch takes its verb from `method`; a name other than spHttpClient is not the SPFx client', () => {
    const spfx = [
      "import { SPHttpClient } from '@microsoft/sp-http';",
      'export async function drop(spHttpClient: SPHttpClient, url: string, other: any): Promise<void> {',
      "  await spHttpClient.fetch(url, SPHttpClient.configurations.v1, { method: 'DELETE' });",
      "  await other.fetch(url, SPHttpClient.configurations.v1, { method: 'DELETE' });",
      '}',
    ].join('\n');
    assert.deepEqual(missing(spfx, 'typescript'), [2]);
  });

  it('a write in the .done() of a read of the same URL is a read-modify-write (default mode)', () => {
    const text = [
      "const url = 'https://tasks.acme-intranet.net/api/tasks/7';",
      'function tick() {',
      '  $.getJSON(url).done((task) => {',
      '    task.done = true;',
      "    $.ajax({ url, type: 'PUT', data: JSON.stringify(task) });",
      '  });',
      '}',
    ].join('\n');
    const findings = lintCode(text, 'javascript', DEFAULT_CONFIG, parsers).findings.filter((f) => f.ruleId === 'missing-precondition');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 4);
    assert.match(findings[0].message, /follows a GET of the same URL on line 3/);
  });
});
