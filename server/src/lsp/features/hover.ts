/**
 * Hovers: on a conditional header, what it does and how the server evaluates it (RFC 9110 §13); on a
 * response reference, the request it comes from.
 */
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { HttpFile, Range } from '../../engine';
import { findTemplates, headerDoc, headerHoverMarkdown } from '../../engine';

function inside(r: Range, p: Position): boolean {
  return r.start.line === p.line && r.start.character <= p.character && p.character <= r.end.character;
}

export function hover(file: HttpFile, position: Position): Hover | undefined {
  for (const req of file.requests) {
    if (position.line < req.range.start.line || position.line > req.range.end.line) continue;
    for (const h of req.headers) {
      const doc = headerDoc(h.name.value);
      if (doc && inside(h.name.range, position)) {
        return { contents: { kind: MarkupKind.Markdown, value: headerHoverMarkdown(doc) }, range: h.name.range };
      }
      for (const t of findTemplates(h.value.value, h.value.range.start.line, h.value.range.start.character)) {
        if (!inside(t.range, position) || t.parsed.kind !== 'request-ref') continue;
        const ref = t.parsed;
        const source = file.requests.find((r) => r.name?.value === ref.request && r.index < req.index);
        const where = source
          ? `the ${source.requestLine.method.value} \`${source.requestLine.url.value}\` on line ${source.requestLine.range.start.line + 1}`
          : 'no earlier request of that name (see `unknown-reference`)';
        const value = `**${ref.request}** → ${ref.part} ${ref.section}${ref.path ? ` \`${ref.path}\`` : ''}\n\nFrom ${where}. ` +
          'Its value is known once that request has run in this session.';
        return { contents: { kind: MarkupKind.Markdown, value }, range: t.range };
      }
    }
  }
  return undefined;
}
