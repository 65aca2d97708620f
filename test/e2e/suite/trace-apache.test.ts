// Trace, compare and escalate from the editor against a real Apache httpd with mod_dav (issue 10): Show trace,
// Copy as cURL run by the real curl, the Markdown incident report with the whole timeline, and the test-only
// resend without preconditions on 127.0.0.1.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { apacheContent, strongEtag } from './apache';
import { APACHE_STALE_TAG, apacheSession, apacheStaleWrite, FIRST_VERSION } from './apache-requests';
import { test } from './harness';
import { fixture, lineOf } from './util';

/** What etagGuard.resendWithoutPreconditions resolves to (server/src/runner/resend/resend.ts). */
interface ResendSummary {
  status: number;
  verdict: string;
  removed: string[];
  serverDate?: string;
}

/** Runs a generated curl command through bash (so its quoting is tested too); resolves to the HTTP status curl got. */
function runCurl(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', `${command} --silent --show-error --output /dev/null --write-out '%{http_code}'`], (err, stdout, stderr) => {
      if (err) reject(new Error(`curl failed: ${stderr || err.message}\n${command}`));
      else resolve(stdout);
    });
  });
}

const exec = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);

test('Apache: "Show trace" of the 412 shows the request as sent and Apache\'s answer, curl -v style', async () => {
  const { base, uri, line } = await apacheStaleWrite();
  const text = await exec<string | undefined>('etagGuard.showTrace', uri.toString(), line);
  assert.ok(text, 'no trace for the request that just ran');
  assert.match(text, new RegExp(`^\\* Connected to 127\\.0\\.0\\.1 \\(127\\.0\\.0\\.1\\) port ${new URL(base).port}`, 'm'), text);
  assert.match(text, /^> PUT \/dav\/report\.txt HTTP\/1\.1$/m, text);
  assert.ok(text.includes(`\n> If-Match: ${APACHE_STALE_TAG}\n`), text);
  assert.match(text, /^> my stale write$/m, text);
  assert.match(text, /^< HTTP\/1\.1 412 Precondition Failed$/m, text);
  assert.match(text, /^< server: Apache/im, text);
  const shown = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'etag-guard-trace' && d.getText() === text);
  assert.ok(shown, 'the trace was not opened as a document');
});

test('Apache: "Copy as cURL" gives a command that reproduces the 412 with the real curl, and writes once the ETag is current', async () => {
  const { uri, line, fileUrl } = await apacheStaleWrite();
  const command = await exec<string | undefined>('etagGuard.copyAsCurl', uri.toString(), line, { mask: false });
  assert.ok(command, 'Copy as cURL returned nothing');
  const options = command.split(' \\\n  ');
  assert.deepStrictEqual([options[0], options[1]], ['curl -X PUT', fileUrl], command);
  assert.ok(options.includes(`-H 'If-Match: ${APACHE_STALE_TAG}'`), command);
  assert.strictEqual(await runCurl(command), '412');
  assert.strictEqual(await apacheContent(fileUrl), FIRST_VERSION, 'the reproduced 412 changed the file');
  // The same command with Apache's current ETag is the request as it should have been: it carries the body.
  const current = await strongEtag(fileUrl);
  assert.strictEqual(await runCurl(command.replace(APACHE_STALE_TAG, current)), '204');
  assert.strictEqual(await apacheContent(fileUrl), 'my stale write');
});

test('Apache: "Export 412 report" writes the Markdown incident with the whole timeline, clocks, diagnosis and traces', async () => {
  const { fileUrl, etag, doc, uri } = await apacheSession();
  const target = fixture('412-report.md').fsPath;
  const markdown = await exec<string | undefined>('etagGuard.exportReport', uri.toString(), target);
  assert.ok(markdown, 'no report for a file with a 412');
  assert.strictEqual(fs.readFileSync(target, 'utf8'), markdown, 'the file written is not the report returned');
  assert.match(markdown, /^# 412 incident report — apache-session\.http\n/);
  // one incident per 412 of the file's recent runs, in order: this test's is the last; an appendix with the
  // stored probe of Apache (probe-apache.test.ts stored one) may follow the incidents since the probe landed
  const appendix = markdown.indexOf('\n## Appendix: server precondition support\n');
  const incidents = appendix < 0 ? markdown : markdown.slice(0, appendix);
  const incident = incidents.slice(incidents.lastIndexOf('\n## '));
  assert.ok(incident.startsWith(`\n## `) && incident.includes(`PUT ${fileUrl} → 412\n`), markdown);
  for (const section of ['### Summary', '### Timeline', '### Clocks', '### Diagnosis', '### Advice', '### Traces']) {
    assert.ok(incident.includes(`\n${section}\n`), `no ${section} section:\n${incident}`);
  }
  const rows = incident.split('\n').filter((l) => /^\| \d \|/.test(l)).map((r) => r.split(' | '));
  const get = lineOf(doc, /^GET /);
  const put = lineOf(doc, /^PUT /);
  const stalePut = lineOf(doc, /^PUT /, put + 1);
  assert.deepStrictEqual(rows.map((r) => r[3]), [
    `Validator captured: notes: GET ${fileUrl} (line ${get + 1})`,
    `Write since: Save my edit, guarded by the ETag just read: PUT ${fileUrl} (line ${put + 1})`,
    `Failing request: Save again from the same read: its ETag is stale now: PUT ${fileUrl} (line ${stalePut + 1}) with If-Match: ${etag}`,
    'Re-read without preconditions (Cache-Control: no-cache)',
  ], incident);
  assert.deepStrictEqual(rows.map((r) => r[4]), ['200', '204', '412', '200'], incident);
  // every event has the local clock and Apache's Date
  for (const row of rows) assert.match(row.slice(1, 3).join(' | '), /^\d{4}-\d\d-\d\dT[\d:.]+Z \| \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT$/);
  assert.match(incident, /^- cause: \w+$/m);
  assert.ok(incident.includes(`\n> If-Match: ${etag}\n`), 'the traces do not show the failing request\'s If-Match');
});

test('Apache: "Resend without preconditions" on 127.0.0.1 → 204, only when allowed, never on a protected host', async () => {
  const { uri, line, fileUrl } = await apacheStaleWrite();
  const config = vscode.workspace.getConfiguration('etagGuard');
  const resend = () => exec<ResendSummary | undefined>('etagGuard.resendWithoutPreconditions', uri.toString(), line, { confirmed: true });
  try {
    assert.strictEqual(await resend(), undefined, 'resent although etagGuard.allowUnconditionalResend is off');
    await config.update('allowUnconditionalResend', true, vscode.ConfigurationTarget.Workspace);
    await config.update('protectedHosts', ['127.0.0.1'], vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await resend(), undefined, 'resent to a host listed in etagGuard.protectedHosts');
    assert.strictEqual(await apacheContent(fileUrl), FIRST_VERSION, 'a refused resend reached Apache');
    await config.update('protectedHosts', undefined, vscode.ConfigurationTarget.Workspace);
    const result = await resend();
    assert.ok(result, 'the allowed resend did not run');
    assert.strictEqual(result.status, 204);
    assert.deepStrictEqual(result.removed, [`If-Match: ${APACHE_STALE_TAG}`]);
    assert.strictEqual(result.verdict, 'without preconditions the server answers 204: the failure was the precondition');
    assert.match(result.serverDate ?? '', /GMT$/);
    assert.strictEqual(await apacheContent(fileUrl), 'my stale write');
    const report = await exec<string | undefined>('etagGuard.exportReport', uri.toString(), fixture('resend-report.md').fsPath);
    assert.ok(report?.includes(`\n- Resend without preconditions: ${result.verdict}\n`), report);
  } finally {
    await config.update('allowUnconditionalResend', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('protectedHosts', undefined, vscode.ConfigurationTarget.Workspace);
  }
});
