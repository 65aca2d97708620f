/**
 * Re-parses a document that changes a little at a time (an editor's buffer): sections (see sections.ts) whose
 * text, position and first request number are unchanged since the last version keep their parse; only the
 * sections an edit touched are parsed again. The result equals `parseHttp(text)`: the same sections parsed
 * by the same code, put together the same way.
 */
import type { Line } from '../text/lines';
import { splitLines } from '../text/lines';
import type { HttpFile } from './ast';
import { parseSection } from './parser';
import { assembleFile, type ParsedSection } from './sections';

interface CachedSection {
  parsed: ParsedSection;
  /** The number of its first request (requests are numbered across the file). */
  firstIndex: number;
  /** Line terminators in the section's text (its line count when a section follows it). */
  terminators: number;
}

export class IncrementalHttpParser {
  /** The previous version's sections, by their text. */
  private sections = new Map<string, CachedSection>();

  /** Parses `text`, reusing the sections the previous call saw unchanged. */
  parse(text: string): HttpFile {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const plan = this.plan(body);
    const lineCount = plan.length ? plan[plan.length - 1].end : 1;
    const next = new Map<string, CachedSection>();
    const parsed: ParsedSection[] = [];
    // The document's lines: all of them when most sections are new (opening a file), else one array filled only
    // where a section is parsed again.
    let lines: Line[] | undefined = plan.filter((p) => !p.cached).length * 2 > plan.length ? splitLines(body) : undefined;
    const placed = lines === undefined;
    let index = 0;
    for (let k = 0; k < plan.length; k++) {
      const { text: sectionText, start, from, end, terminators } = plan[k];
      let cached = plan[k].cached;
      // Same text elsewhere, or after a change in the line count or request count above it: parse it again.
      if (!cached || cached.parsed.from !== from || cached.parsed.end !== end || cached.firstIndex !== index) {
        lines ??= new Array<Line>(lineCount);
        // Its lines and the separator after it: readers stop at that separator, as in a full parse.
        if (placed) placeLines(lines, body, start, k + 1 < plan.length ? lineEnd(body, plan[k + 1].start) : body.length, from);
        cached = { parsed: parseSection(lines, from, end, index), firstIndex: index, terminators };
      }
      next.set(sectionText, cached);
      parsed.push(cached.parsed);
      index += cached.parsed.requests.length;
    }
    this.sections = next;
    return assembleFile(parsed, lineCount, firstEol(body));
  }

  /** Each section's text, offset and line bounds, with its previous parse when its text is unchanged. */
  private plan(body: string): Array<{ text: string; start: number; from: number; end: number; terminators: number; cached?: CachedSection }> {
    const starts = sectionStarts(body);
    const plan = [];
    let from = 0;
    for (let k = 0; k < starts.length; k++) {
      const last = k === starts.length - 1;
      const text = body.slice(starts[k], last ? body.length : starts[k + 1]);
      const cached = this.sections.get(text);
      // A non-last section's text ends with its terminators; the last one's last line may have none.
      const terminators = cached?.terminators ?? countTerminators(text);
      const end = from + terminators + (last ? 1 : 0);
      plan.push({ text, start: starts[k], from, end, terminators, cached });
      from = end;
    }
    return plan;
  }
}

/** Offsets where sections start: 0, and each line that begins with `###`. */
function sectionStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('###', 1); at >= 0; at = text.indexOf('###', at + 3)) {
    const before = text.charCodeAt(at - 1);
    if (before === 10 || before === 13) starts.push(at);
  }
  return starts;
}

/** `\r\n`, `\r` and `\n` each end a line (as in splitLines). */
function countTerminators(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** Splits text[start, stop) into lines and puts them into `lines` from line `from` on. */
function placeLines(lines: Line[], text: string, start: number, stop: number, from: number): void {
  const own = splitLines(text.slice(start, stop));
  for (let i = 0; i < own.length; i++) lines[from + i] = { ...own[i], offset: start + own[i].offset };
}

/** The offset of the terminator that ends the line starting at `at` (or the text's end). */
function lineEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The terminator new lines should use: the document's first (as preferredEol), else `\n`. */
function firstEol(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
