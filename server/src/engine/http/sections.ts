/**
 * A `.http` document as sections: each `###` separator line starts one, and the lines before the first
 * separator make the first. The parser's state machine restarts at every separator and no multi-line reader
 * crosses one, so each section parses on its own; the file is the sections' results put end to end.
 */
import type { HttpFile, ParseDiagnostic } from './ast';
import { isSeparator } from './line-kinds';
import { compactList } from '../text/compact-list';

/**
 * One section parsed on its own, with absolute line numbers: the file's collections (diagnostics in the order
 * the parser met them), plus what only the whole file decides.
 */
export interface ParsedSection extends Pick<HttpFile, 'requests' | 'variables' | 'scripts' | 'directives' | 'responses' | 'diagnostics'> {
  /** First line (0 or a separator) and the line after its last. */
  from: number;
  end: number;
  /** "Not a header" warnings: reported only when no section of the file is written for httpYac. */
  blankLineWarnings: ParseDiagnostic[];
  /** True when the section uses syntax only httpYac reads. */
  httpYac: boolean;
}

/** The line after the section that starts at line `from`: the next separator's line, or the line count. */
export function sectionEnd(lines: readonly string[], from: number): number {
  let end = from + 1;
  while (end < lines.length && !isSeparator(lines[end])) end++;
  return end;
}

/** An editor keeps every section's parse: its lists copied to their size, and the many empty ones shared. */
export function compactSection(section: ParsedSection): ParsedSection {
  section.requests = compactList(section.requests);
  section.variables = compactList(section.variables);
  section.scripts = compactList(section.scripts);
  section.directives = compactList(section.directives);
  section.responses = compactList(section.responses);
  section.diagnostics = compactList(section.diagnostics);
  section.blankLineWarnings = compactList(section.blankLineWarnings);
  return section;
}

/** Puts parsed sections (in document order, requests already numbered) together into the file. */
export function assembleFile(sections: readonly ParsedSection[], lineCount: number, eol: string): HttpFile {
  const file: HttpFile = { requests: [], variables: [], scripts: [], directives: [], responses: [], diagnostics: [], lineCount, eol };
  let httpYac = false;
  for (const s of sections) {
    // Loops, not push(...spread): a section may hold more items than a call has room for arguments.
    for (const r of s.requests) file.requests.push(r);
    for (const v of s.variables) file.variables.push(v);
    for (const x of s.scripts) file.scripts.push(x);
    for (const d of s.directives) file.directives.push(d);
    for (const r of s.responses) file.responses.push(r);
    for (const d of s.diagnostics) file.diagnostics.push(d);
    httpYac ||= s.httpYac;
  }
  finishDiagnostics(file.diagnostics, httpYac ? [] : sections.map((s) => s.blankLineWarnings));
  return file;
}

/**
 * The file's diagnostics in line order, the "not a header" warnings after the others of their line. A file written
 * for httpYac follows httpYac's rules, where a body needs no blank line: its caller passes no warnings.
 */
export function finishDiagnostics(diagnostics: ParseDiagnostic[], warnings: ReadonlyArray<readonly ParseDiagnostic[]>): void {
  for (const list of warnings) for (const d of list) diagnostics.push(d);
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
}
