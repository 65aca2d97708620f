// Helpers for the integration tests: fixture URIs, event-driven waits for diagnostics, small queries.
import * as vscode from 'vscode';

export const EXT_ID = 'etag-guard.etag-guard';
export const SOURCE = 'etag-guard';

/** A file in the (copied) fixture workspace the launcher opened. */
export function fixture(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the launcher must open a copy of test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

/** The rule id of a diagnostic: `code` is `{ value, target }` (or a bare string/number). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Diagnostics from etag-guard only (other extensions may publish too). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '[]';
  return ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} "${d.message}"`).join('; ');
}

export type DiagnosticsPredicate = (ds: vscode.Diagnostic[]) => boolean;

export interface WaitOptions {
  /** Ignore the current state; resolve only on a diagnostics event for `uri` (use to wait for "none"). */
  afterEvent?: boolean;
  /** What is awaited, for the timeout message. */
  what?: string;
}

/**
 * Resolves with etag-guard's diagnostics for `uri` once `predicate` holds, evaluated now (unless
 * `afterEvent`) and on every `onDidChangeDiagnostics` event for that URI. Never polls or sleeps.
 * Rejects with what was awaited and what was last seen after `timeoutMs`.
 */
export function waitForDiagnostics(uri: vscode.Uri, predicate: DiagnosticsPredicate, timeoutMs = 15_000,
  opts: WaitOptions = {}): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let last: vscode.Diagnostic[] = ours(uri);
    let events = 0;
    const finish = (settle: () => void) => { clearTimeout(timer); sub.dispose(); settle(); };
    const check = (): void => {
      last = ours(uri);
      if (predicate(last)) finish(() => resolve(last));
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) { events++; check(); }
    });
    const timer = setTimeout(() => finish(() => reject(new Error(
      `timed out after ${timeoutMs} ms waiting for diagnostics on ${vscode.workspace.asRelativePath(uri)}` +
      ` (${opts.what ?? predicate.toString()}); ${events} event(s) for it; last seen: ${describeDiagnostics(last)}`))), timeoutMs);
    if (!opts.afterEvent) check();
  });
}

export const hasCode = (code: string): DiagnosticsPredicate => (ds) => ds.some((d) => codeOf(d) === code);
export const lacksCode = (code: string): DiagnosticsPredicate => (ds) => !ds.some((d) => codeOf(d) === code);

/** Opens (and shows) a fixture, listening for diagnostics before the open so no event is missed. */
export async function openWithDiagnostics(rel: string, predicate: DiagnosticsPredicate, opts: WaitOptions = {},
  timeoutMs = 15_000): Promise<{ doc: vscode.TextDocument; uri: vscode.Uri; diags: vscode.Diagnostic[]; editor: vscode.TextEditor }> {
  const uri = fixture(rel);
  const waiting = waitForDiagnostics(uri, predicate, timeoutMs, opts);
  waiting.catch(() => undefined); // handled by the await below; avoids an early unhandled-rejection report
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const diags = await waiting;
  return { doc, uri, diags, editor };
}

/** 0-based line of the first line containing `needle`; throws if absent (fixtures are located by text). */
export function lineOf(doc: vscode.TextDocument, needle: string | RegExp, from = 0): number {
  for (let i = from; i < doc.lineCount; i++) {
    const t = doc.lineAt(i).text;
    if (typeof needle === 'string' ? t.includes(needle) : needle.test(t)) return i;
  }
  throw new Error(`fixture ${vscode.workspace.asRelativePath(doc.uri)} has no line matching ${String(needle)}`);
}

export function withCode(ds: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return ds.filter((d) => codeOf(d) === code);
}

/** Applies a code action the way the lightbulb would: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction | vscode.Command): Promise<void> {
  if ('title' in action && 'command' in action && typeof action.command === 'string') {
    const cmd = action as vscode.Command;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    return;
  }
  const ca = action as vscode.CodeAction;
  if (ca.edit) {
    const ok = await vscode.workspace.applyEdit(ca.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused the edit of "${ca.title}"`);
  }
  if (ca.command) await vscode.commands.executeCommand(ca.command.command, ...(ca.command.arguments ?? []));
}

/**
 * Code actions at `range`, as the lightbulb would ask for them. Asked again (at most 3 times) when the request is
 * cancelled: VS Code cancels it when another provider (TypeScript's, while its project loads) reports a change,
 * and the lightbulb simply asks again too.
 */
export async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<(vscode.CodeAction | vscode.Command)[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', uri, range, undefined, 50)) ?? [];
    } catch (err) {
      if (attempt >= 3 || (err as Error).name !== 'Canceled') throw err;
    }
  }
}

/** Quick fixes only (VS Code itself may add others, e.g. chat "Fix"/"Explain" actions). */
export function quickFixes(actions: (vscode.CodeAction | vscode.Command)[]): vscode.CodeAction[] {
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

/** The titles of `actions`, for assertion messages. */
export const titles = (as: (vscode.CodeAction | vscode.Command)[]): string => as.map((a) => a.title).join(' | ') || 'none';

/** Text of a hover's contents, whatever shape each part has. */
export function hoverText(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))).join('\n');
}
