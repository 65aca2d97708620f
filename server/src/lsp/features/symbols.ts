/** One document symbol per request (its name, else method and URL), and one folding range per request. */
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { HttpFile } from '../../engine';

export function documentSymbols(file: HttpFile): DocumentSymbol[] {
  return file.requests.map((req) => {
    const line = `${req.requestLine.method.value} ${req.requestLine.url.value}`;
    const label = req.name?.value ?? req.title;
    return {
      name: label ?? line,
      detail: label ? line : undefined,
      kind: SymbolKind.Method,
      range: req.range,
      selectionRange: req.requestLine.range,
    };
  });
}

export function foldingRanges(file: HttpFile): FoldingRange[] {
  return file.requests
    .filter((r) => r.range.end.line > r.range.start.line)
    .map((r) => ({ startLine: r.range.start.line, endLine: r.range.end.line, kind: 'region' }));
}
