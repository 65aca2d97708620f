/** One document symbol per request (its name, else method and URL), and one folding range per request. */
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { HttpFile } from '../../engine';
import { rangeOf } from '../../engine/text/span';

export function documentSymbols(file: HttpFile): DocumentSymbol[] {
  return file.requests.map((req) => {
    const line = `${req.requestLine.method} ${req.requestLine.url}`;
    const label = req.name?.value ?? req.title;
    return {
      name: label ?? line,
      detail: label ? line : undefined,
      kind: SymbolKind.Method,
      range: rangeOf(req.range),
      selectionRange: rangeOf(req.requestLine.range),
    };
  });
}

export function foldingRanges(file: HttpFile): FoldingRange[] {
  return file.requests
    .map((r) => rangeOf(r.range))
    .filter((r) => r.end.line > r.start.line)
    .map((r) => ({ startLine: r.start.line, endLine: r.end.line, kind: 'region' }));
}
