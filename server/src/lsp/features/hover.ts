/**
 * Hovers: on a conditional header, what it does and how the server evaluates it (RFC 9110 §13); on a
 * `{{variable}}` or response reference, its current value and where it comes from (template-hover.ts).
 */
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { HttpFile, Range } from '../../engine';
import { headerDoc, headerHoverMarkdown } from '../../engine';
import { templateAt, templateHover, type ValueSources } from './template-hover';
import { rangeOf } from '../../engine/text/span';
import { headerNameSpan } from '../../engine/http/nodes';

function inside(r: Range, p: Position): boolean {
  return r.start.line === p.line && r.start.character <= p.character && p.character <= r.end.character;
}

/** The hover at `position`, whose line reads `lineText`; `sources` are asked for only on a `{{…}}`. */
export async function hover(file: HttpFile, position: Position, lineText: string, sources: () => Promise<ValueSources>): Promise<Hover | undefined> {
  const template = templateAt(lineText, position);
  if (template) return templateHover(file, template, await sources());
  for (const req of file.requests) {
    const block = rangeOf(req.range);
    if (position.line < block.start.line || position.line > block.end.line) continue;
    for (const h of req.headers) {
      const doc = headerDoc(h.name);
      const name = rangeOf(headerNameSpan(h));
      if (doc && inside(name, position)) {
        return { contents: { kind: MarkupKind.Markdown, value: headerHoverMarkdown(doc) }, range: name };
      }
    }
  }
  return undefined;
}
