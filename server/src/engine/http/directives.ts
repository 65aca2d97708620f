/**
 * In-file suppression comments, shared by `.http` files and client code:
 * `etag-guard-disable-next-line id[, id]` silences those rules (all rules when none is named) on the next line;
 * `etag-guard-disable id` silences them from there to the end of the file.
 */
import type { Directive } from './ast';

const DIRECTIVE = /^\s*etag-guard-(disable-next-line|disable)\b(.*)$/;

/** Reads a directive from a comment's text (without its `#`, `//` marker). */
export function directiveOf(comment: string, line: number): Directive | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const rules = m[2]
    .replace(/--.*$/, '') // `-- reason` after the ids, as ESLint allows
    .split(/[\s,]+/)
    .filter((r) => r !== '');
  return { kind: m[1] as Directive['kind'], rules, line };
}

/**
 * `directiveOf` for the comment whose body starts at `from` in `text`: most comments name no directive, and are not
 * copied to find that out.
 */
export function directiveAt(text: string, from: number, line: number): Directive | undefined {
  return text.indexOf('etag-guard-', from) < 0 ? undefined : directiveOf(text.slice(from), line);
}

/** True when a finding of `ruleId` on `line` is silenced by one of the directives. */
export function isSuppressed(directives: readonly Directive[], ruleId: string, line: number): boolean {
  return directives.some((d) => {
    const matches = d.rules.length === 0 || d.rules.includes(ruleId);
    if (!matches) return false;
    return d.kind === 'disable-next-line' ? d.line + 1 === line : d.line < line;
  });
}
