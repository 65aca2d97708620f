// "etag-guard: Check Server Precondition Support" against the launcher's Apache mod_dav (issue 17): on a request
// line it probes that request's URL with its headers and environment, opens the Markdown report card, stores the
// result in the workspace's .etag-guard/probes.json; write checks run only when confirmed and never on a
// protected host, and Apache's content is byte-identical afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { apacheContent, apacheDav, settledFile } from './apache';
import { test } from './harness';
import { fixture, lineOf } from './util';

/** What the command resolves to (client/src/probe/probe-command.ts). */
interface ProbeSummary {
  result: { url: string; wrote: boolean; checks: { id: string; status: string; summary: string; evidence: string[] }[] };
  markdown: string;
  stored?: string;
}

const exec = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);

test('Apache: "Check Server Precondition Support" reports, stores, writes only when confirmed and never to a protected host', async () => {
  const base = await apacheDav();
  const fileUrl = `${base}/dav/probe.txt`;
  const content = 'probe me: the same bytes must come back\n'.repeat(20);
  await settledFile(fileUrl, content);
  const uri = fixture('apache-probe.http');
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = lineOf(doc, /^GET /);
  const probe = (options: { write?: boolean; confirmed?: boolean }) => exec<ProbeSummary | undefined>('etagGuard.checkServerPreconditions', uri.toString(), line, options);
  const status = (s: ProbeSummary, id: string) => s.result.checks.find((c) => c.id === id)?.status;
  const config = vscode.workspace.getConfiguration('etagGuard');
  try {
    // Read-only: nothing written, every write check skipped with why.
    const readOnly = await probe({ write: false });
    assert.ok(readOnly, 'the read-only probe did not run');
    assert.strictEqual(readOnly.result.url, fileUrl);
    assert.strictEqual(readOnly.result.wrote, false);
    assert.strictEqual(status(readOnly, 'if-match-get-mismatch'), 'pass');
    assert.strictEqual(status(readOnly, 'if-match-mismatch-write'), 'skipped');

    // A protected host: asked to write, the probe refuses and says so in the report.
    await config.update('protectedHosts', ['127.0.0.1'], vscode.ConfigurationTarget.Workspace);
    const refused = await probe({ write: true, confirmed: true });
    assert.ok(refused, 'the probe did not run on the protected host');
    assert.strictEqual(refused.result.wrote, false);
    assert.match(refused.result.checks.find((c) => c.id === 'if-match-mismatch-write')!.summary, /127\.0\.0\.1 is in etagGuard\.protectedHosts/);
    await config.update('protectedHosts', undefined, vscode.ConfigurationTarget.Workspace);

    // Confirmed writes on 127.0.0.1: Apache refuses the wrong If-Match, the content comes back byte-identical.
    const written = await probe({ write: true, confirmed: true });
    assert.ok(written, 'the write probe did not run');
    assert.strictEqual(written.result.wrote, true);
    assert.strictEqual(status(written, 'if-match-mismatch-write'), 'pass');
    assert.strictEqual(status(written, 'if-match-current-write'), 'pass');
    assert.strictEqual(status(written, 'weak-after-write'), 'warn');
    assert.strictEqual(await apacheContent(fileUrl), content, 'the probe changed the file');

    // The report card: a table, the consequence for clients with its RFC 9110 reference, masked evidence.
    const md = written.markdown;
    assert.match(md, new RegExp(`^# Server precondition support — ${fileUrl.replace(/[.]/g, '\\.')}\\n`));
    assert.ok(md.includes('| `if-match-mismatch-write` | ✅ pass |'), md);
    assert.ok(md.includes('### `weak-after-write`: The ETag is strong right after a write — warn'), md);
    assert.ok(md.includes('**Reference:** [RFC 9110 §8.8.1](https://www.rfc-editor.org/rfc/rfc9110#section-8.8.1)'), md);
    assert.ok(!md.includes('e2e-probe-secret'), 'the request\'s token leaked into the report');
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'etag-guard-probe' && d.getText() === md);
    assert.ok(shown, 'the report card was not opened');

    // Stored as evidence in the workspace.
    assert.strictEqual(written.stored, fixture('.etag-guard/probes.json').fsPath);
    const store = JSON.parse(fs.readFileSync(written.stored!, 'utf8'));
    const entry = store.probes.find((p: { path: string }) => p.path === '/dav/probe.txt');
    assert.deepStrictEqual(entry.facts, { versioned: true, etag: 'strong', ifMatchOnWrite: 'honoured', preconditionRequired: false, gzipEtagRejected: false });
  } finally {
    await config.update('protectedHosts', undefined, vscode.ConfigurationTarget.Workspace);
  }
}, 90_000); // three probes, the write one waiting out Apache's one-second weak window twice
