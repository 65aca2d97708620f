/**
 * Completion: methods at the start of a request, header names in the header section, and for If-Match /
 * If-None-Match the ETag references of earlier named requests (plus `*`).
 */
import type { CompletionItem, Position } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import type { HttpFile } from '../../engine';
import { PRECONDITION_HEADERS } from '../../engine';
import { startLineOf } from '../../engine/text/span';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const COMMON_HEADERS = ['Accept', 'Authorization', 'Content-Type', 'Cache-Control', 'Range'];

export function completions(file: HttpFile, lineText: string, position: Position): CompletionItem[] {
  const before = lineText.slice(0, position.character);
  const conditional = /^(If-Match|If-None-Match)\s*:\s*[^,]*$/i.exec(before);
  if (conditional) {
    const earlier = file.requests.filter((r) => r.name && startLineOf(r.requestLine.range) < position.line);
    const items: CompletionItem[] = earlier.map((r) => ({
      label: `{{${r.name!.value}.response.headers.ETag}}`,
      kind: CompletionItemKind.Reference,
      detail: `ETag of ${r.requestLine.method} ${r.requestLine.url}`,
    }));
    if (conditional[1].toLowerCase() === 'if-none-match') items.push({ label: '*', kind: CompletionItemKind.Value, detail: 'create only: fail if the resource exists' });
    return items;
  }
  if (before.includes(':') || before.includes(' ')) return [];
  const req = file.requests.find((r) => startLineOf(r.requestLine.range) < position.line && position.line <= r.headerInsertLine);
  if (req && !req.body) {
    return [
      ...PRECONDITION_HEADERS.map((h) => ({ label: h.name, kind: CompletionItemKind.Property, detail: h.summary, insertText: `${h.name}: ` })),
      ...COMMON_HEADERS.map((h) => ({ label: h, kind: CompletionItemKind.Property, insertText: `${h}: ` })),
    ];
  }
  return METHODS.map((m) => ({ label: m, kind: CompletionItemKind.Keyword, insertText: `${m} ` }));
}
