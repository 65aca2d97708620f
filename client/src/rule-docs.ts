/**
 * Rule documentation inside VS Code, offline: the server links each diagnostic to the rule's page on the web
 * (other editors and SARIF keep that); the client points the link at the same page shipped in the .vsix
 * (`docs/rules/<id>.md`, see .vscodeignore), which VS Code opens in an editor without a network.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const shipped = new Map<string, vscode.Uri | undefined>();

/** `diagnostics` with each rule's docs link replaced by the shipped page, when the extension carries it. */
export function withShippedDocs(diagnostics: vscode.Diagnostic[], context: vscode.ExtensionContext): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    if (typeof d.code !== 'object' || d.code === null) continue;
    const page = shippedPage(String(d.code.value), context);
    if (page) d.code = { value: d.code.value, target: page };
  }
  return diagnostics;
}

function shippedPage(ruleId: string, context: vscode.ExtensionContext): vscode.Uri | undefined {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  if (!shipped.has(ruleId)) {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
    shipped.set(ruleId, uri.scheme === 'file' && fs.existsSync(uri.fsPath) ? uri : undefined);
  }
  return shipped.get(ruleId);
}
