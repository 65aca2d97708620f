/** "Send request" on every request and "Send all" on the first: served here so every LSP editor gets them. */
import type { CodeLens } from 'vscode-languageserver';
import type { HttpFile } from '../../engine';
import { SEND_ALL, SEND_REQUEST } from '../protocol';
import { rangeOf } from '../../engine/text/span';

export function codeLenses(uri: string, file: HttpFile): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const req of file.requests) {
    const range = rangeOf(req.requestLine.range);
    const line = range.start.line;
    if (req.index === 0 && file.requests.length > 1) {
      lenses.push({ range, command: { title: `Send all (${file.requests.length})`, command: SEND_ALL, arguments: [uri] } });
    }
    lenses.push({ range, command: { title: 'Send request', command: SEND_REQUEST, arguments: [uri, line] } });
  }
  return lenses;
}
