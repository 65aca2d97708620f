/**
 * The error-tolerant `.http` parser. One pass over the lines, never throws, linear in the input: each line is
 * looked at once by the state machine (plus a bounded look-ahead where httpYac lets a request start without a
 * `###`). Anything it cannot read becomes a parse diagnostic that says how to fix it, and parsing goes on.
 */
import { preferredEol, splitLines } from '../text/lines';
import type { HttpFile } from './ast';
import { compactSection, finishDiagnostics, sectionEnd, type ParsedSection } from './sections';
import { SectionReader, type Sink } from './section-reader';

/**
 * Parses sections of one document: lines [from, end) of `lines`, where `from` is 0 or a `###` separator and `end`
 * the next separator or the end. Sections parse independently (nothing reads across a separator), which is what
 * lets an editor re-parse only the sections an edit touched (see incremental.ts); one reader serves every section
 * of a version's lines.
 */
export class SectionParser {
  private readonly parser: SectionReader;

  constructor(lines: readonly string[]) {
    this.parser = new SectionReader(lines);
  }

  /** Lines [from, end), their requests numbered from `firstIndex`, as a section the editor keeps. */
  parse(from: number, end: number, firstIndex: number): ParsedSection {
    const out: ParsedSection = {
      from, end, requests: [], variables: [], scripts: [], directives: [], responses: [], diagnostics: [], blankLineWarnings: [], httpYac: false,
    };
    out.httpYac = this.parser.read(out, from, end, firstIndex);
    return compactSection(out);
  }
}

/**
 * Parses a `.http` / `.rest` document. Total: any string gives a file, problems become diagnostics. A leading
 * byte-order mark is dropped (editors hide it), so ranges count from the first visible character. The sections
 * are read straight into the file's lists (a whole parse keeps no section of its own), in the order and with the
 * result `assembleFile` gives an editor's sections. `plainLane` false reads every section with the state machine
 * alone, not the common ones by regex (plain-section.ts): the same tree, slower; the tests compare the two.
 */
export function parseHttp(text: string, plainLane = true): HttpFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = splitLines(body);
  const { file, sink } = emptyFile(lines, body);
  const parser = new SectionReader(lines, plainLane);
  let httpYac = false;
  for (let from = 0; from < lines.length;) {
    const end = sectionEnd(lines, from);
    if (parser.read(sink, from, end, file.requests.length)) httpYac = true;
    from = end;
  }
  finishDiagnostics(file.diagnostics, httpYac ? [] : [sink.blankLineWarnings]);
  return file;
}

/**
 * A file with no item yet, for `body` split into `lines`, and the sink a `SectionReader` fills it through (the
 * file's own lists, and the blank-line warnings kept aside until the whole file is read: `finishDiagnostics`).
 */
export function emptyFile(lines: readonly string[], body: string): { file: HttpFile; sink: Sink } {
  const file: HttpFile = { requests: [], variables: [], scripts: [], directives: [], responses: [], diagnostics: [], lineCount: lines.length, eol: preferredEol(body) };
  return { file, sink: { ...file, blankLineWarnings: [] } };
}
