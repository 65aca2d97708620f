// Helpers for the request-runner tests: the response view (a virtual document per request) and lenses.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { describeDiagnostics, fixture, hasCode, lineOf, waitForDiagnostics, withCode } from './util';

/** The response view's URI scheme (client/src/runner/response-view.ts); part of the extension's contract. */
export const RESPONSE_SCHEME = 'etag-guard-response';

/** What the runner commands return per request (the subset the tests read; server/src/runner/executor/types.ts). */
export interface ExchangeSummary {
  name?: string;
  line: number;
  request: { method: string; url: string; headers: [string, string][] };
  attempts: { status: number }[];
  response?: { status: number; headers: Record<string, string | string[]> };
  error?: { message: string };
}

const responseDocs = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === RESPONSE_SCHEME);

/**
 * Resolves with the response-view document whose text satisfies `predicate`, checked now and whenever a
 * response document opens or changes (never polls). Start it before the send when the text must be new.
 */
export function waitForResponseView(predicate: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const finish = (settle: () => void) => { clearTimeout(timer); subs.forEach((s) => s.dispose()); settle(); };
    const check = (doc: vscode.TextDocument) => {
      if (doc.uri.scheme === RESPONSE_SCHEME && predicate(doc.getText())) finish(() => resolve(doc));
    };
    subs.push(vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidChangeTextDocument((e) => check(e.document)));
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for a response view with ${what}; ` +
      `response documents: ${responseDocs().map((d) => `${d.uri.path}:\n${d.getText()}`).join('\n---\n') || 'none'}`))), timeoutMs);
    responseDocs().forEach(check);
  });
}

/** Open editor tabs showing a response view (optionally one URI). */
export function responseTabs(uri?: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText &&
    t.input.uri.scheme === RESPONSE_SCHEME && (!uri || t.input.uri.toString() === uri.toString()));
}

/** The language server's code lenses on `uri` whose title matches. */
export async function lensesTitled(uri: vscode.Uri, title: RegExp): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.filter((l) => l.command && title.test(l.command.title)).sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Runs a lens's command the way a click does, returning what the command returned. */
export function clickLens<T>(lens: vscode.CodeLens): Thenable<T> {
  if (!lens.command) throw new Error(`lens on line ${lens.range.start.line} has no command`);
  return vscode.commands.executeCommand<T>(lens.command.command, ...(lens.command.arguments ?? []));
}

/** The single value of a response header (lower-case name). */
export function header(exchange: ExchangeSummary, name: string): string | undefined {
  const v = exchange.response?.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The value of a header as it was sent. */
export function sentHeader(exchange: ExchangeSummary, name: string): string | undefined {
  return exchange.request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** Opens a request file in the active editor. */
export async function openRequests(rel: string): Promise<{ doc: vscode.TextDocument; uri: vscode.Uri }> {
  const uri = fixture(rel);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return { doc, uri };
}

/** Sends the request whose request line matches `needle`, through the command its "Send request" lens carries. */
export async function send(rel: string, needle: RegExp): Promise<{ doc: vscode.TextDocument; uri: vscode.Uri; line: number; exchanges: ExchangeSummary[] }> {
  const { doc, uri } = await openRequests(rel);
  const line = lineOf(doc, needle);
  const lens = (await lensesTitled(uri, /^Send request$/)).find((l) => l.range.start.line === line);
  assert.ok(lens, `no "Send request" lens on line ${line} of ${rel}`);
  const exchanges = (await clickLens<ExchangeSummary[]>(lens)) ?? [];
  return { doc, uri, line, exchanges };
}

/** Waits for the one precondition-failed diagnostic `act` causes on `uri`; resolves to it and what `act` returned. */
export async function withPreconditionFailed<T>(uri: vscode.Uri, act: () => Promise<T>): Promise<{ result: T; diagnostic: vscode.Diagnostic }> {
  const diagnosed = waitForDiagnostics(uri, hasCode('precondition-failed'), 15_000, { afterEvent: true, what: 'precondition-failed after the 412' });
  diagnosed.catch(() => undefined); // awaited below, after the send
  const result = await act();
  const diagnostics = withCode(await diagnosed, 'precondition-failed');
  assert.strictEqual(diagnostics.length, 1, describeDiagnostics(diagnostics));
  return { result, diagnostic: diagnostics[0] };
}

/**
 * Runs `command` and accepts the quick input it opens, the way Enter does (`accept`: `quickInput.accept` for an
 * input box, `workbench.action.acceptSelectedQuickOpenItem` for a pick), until the command settles, bounded:
 * no API event says when a quick input is shown.
 */
export async function acceptingQuickInput<T>(accept: string, command: string, ...args: unknown[]): Promise<T> {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => { settled = true; });
  for (let i = 0; i < 50 && !settled; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (!settled) await vscode.commands.executeCommand(accept);
  }
  return result;
}
