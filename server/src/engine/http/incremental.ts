/**
 * Re-parses a document that changes a little at a time (an editor's buffer): only the sections (see sections.ts)
 * an edit touched are found and parsed again; the others keep their parse. The result equals `parseHttp(text)`:
 * the same sections parsed by the same code, put together the same way.
 *
 * A keystroke costs the sections around it, not the file: the changed stretch is known from what the two
 * versions share at either end (the editor's change ranges say it, `Unchanged`; without them it is found by
 * comparing the texts), the section scan covers only that stretch, and when no line or request was added or
 * removed the file's lists are copied and patched where the stretch's items sit.
 */
import { preferredEol, splitLines } from '../text/lines';
import { detached } from '../text/detached';
import type { HttpFile } from './ast';
import { emptyFile, SectionParser } from './parser';
import { assembleFile, finishDiagnostics, type ParsedSection } from './sections';
import { SectionReader, type Sink } from './section-reader';
import { partitionPoint } from '../text/partition-point';
import { NONE } from '../text/compact-list';

interface CachedSection {
  /**
   * Its parse, less its requests once the file holds them (`dropRequests`): they are the file's requests
   * [firstIndex, firstIndex + requestCount), and a section's own list (one request, mostly) was ten thousand
   * arrays in a 10k-request file. Read them with `requestsOf`.
   */
  parsed: ParsedSection;
  /** Its first line (0 or a separator): kept here, since a section with nothing left of its parse shares one. */
  from: number;
  /** The number of its first request (requests are numbered across the file). */
  firstIndex: number;
  requestCount: number;
  /** Line terminators in the section's text (its line count when a section follows it). */
  terminators: number;
  /** Where its text starts in the document (after a byte-order mark) and how long it is. */
  start: number;
  length: number;
}

/** What two versions of a text share: the first `prefix` and the last `suffix` characters (UTF-16 units). */
export interface Unchanged {
  prefix: number;
  suffix: number;
}

/** The request positions whose syntax objects a parse made new: [start, end) now, [start, oldEnd) before. */
export interface RequestChange {
  start: number;
  end: number;
  oldEnd: number;
}

/** The lists of a file that sections fill in order (diagnostics are sorted, so they are put together apart). */
const LISTS = ['requests', 'variables', 'scripts', 'directives', 'responses'] as const;

export class IncrementalHttpParser {
  /** The previous version's sections, in order. */
  private sections: CachedSection[] = [];
  private body: string | undefined;
  private bom = false;
  private file: HttpFile | undefined;
  /** Sections written for httpYac (their blank-line warnings are dropped file-wide while there is one). */
  private httpYacSections = 0;
  /** The requests the last `parse` made new, by position; undefined: any may be (a first or whole parse). */
  lastChange: RequestChange | undefined;

  /**
   * Parses `text`, reusing the sections the previous call saw unchanged. `unchanged` (from the editor's change
   * ranges) says what the previous text and this one share at either end; it must be right, and when it is
   * missing it is worked out by comparing the two texts.
   */
  parse(text: string, unchanged?: Unchanged): HttpFile {
    const bom = text.charCodeAt(0) === 0xfeff;
    const body = bom ? text.slice(1) : text;
    const previous = this.body;
    if (previous === undefined || !this.file || bom !== this.bom) return this.parseWhole(body, bom);
    const shared = unchanged ? { prefix: unchanged.prefix - (bom ? 1 : 0), suffix: unchanged.suffix } : commonEnds(previous, body);
    const room = Math.min(previous.length, body.length);
    const prefix = Math.max(0, Math.min(shared.prefix, room));
    const suffix = Math.max(0, Math.min(shared.suffix, room - prefix));
    if (prefix + suffix === previous.length && previous.length === body.length) {
      this.body = body;
      this.lastChange = { start: 0, end: 0, oldEnd: 0 };
      return this.file;
    }
    return this.reparse(body, previous, prefix, suffix);
  }

  /**
   * A first (or whole) parse: every section is read straight into the file's lists, as `parseHttp` reads them, and
   * keeps the record of where it lies, with a parse of its own only when it holds something besides requests
   * (`readSection`: few do). Reading each section into lists of its own and putting them together after made the
   * editor's first parse of the 10k-request file ~1.8× `parseHttp`'s main-thread time: its first diagnostics
   * (docs/performance.md, "Issue 16, seventeenth session").
   */
  private parseWhole(body: string, bom: boolean): HttpFile {
    const lines = splitLines(body);
    const starts = sectionStarts(body, 0, body.length);
    const crs = body.indexOf('\r') >= 0;
    const { file, sink } = emptyFile(lines, body);
    const reader = new SectionReader(lines);
    const sections: CachedSection[] = [];
    let from = 0;
    let httpYacSections = 0;
    for (let k = 0; k < starts.length; k++) {
      const last = k === starts.length - 1;
      const start = starts[k];
      const stop = last ? body.length : starts[k + 1];
      const terminators = countTerminators(body, start, stop, crs);
      const end = from + terminators + (last ? 1 : 0);
      const firstIndex = file.requests.length;
      const parsed = readSection(reader, sink, from, end);
      if (parsed.httpYac) httpYacSections++;
      sections.push({ parsed, from, firstIndex, requestCount: file.requests.length - firstIndex, terminators, start, length: stop - start });
      from = end;
    }
    this.sections = sections;
    this.httpYacSections = httpYacSections;
    this.lastChange = undefined;
    finishDiagnostics(file.diagnostics, httpYacSections ? [] : [sink.blankLineWarnings]);
    return this.finish(body, bom, file);
  }

  /**
   * Parses again the sections from the one holding the first changed character to the last one the change
   * reached, and the ones below when lines or requests moved.
   */
  private reparse(body: string, previous: string, prefix: number, suffix: number): HttpFile {
    const old = this.sections;
    const delta = body.length - previous.length;
    // The section holding the first changed character; and the one before it when that character is on the
    // separator line, which the section before reads to know where it stops.
    const holding = lastStartAtOrBefore(old, prefix);
    const k0 = holding > 0 && prefix <= lineEnd(previous, old[holding].start) ? holding - 1 : holding;
    // The first section kept: the line end before its separator is unchanged, so it still starts a section.
    const k1 = firstStartAtOrAfter(old, previous.length - suffix + 1);
    const regionStart = old[k0].start;
    const regionEnd = k1 < old.length ? old[k1].start + delta : body.length;
    const starts = sectionStarts(body, regionStart, regionEnd);
    const crs = body.indexOf('\r', regionStart) >= 0;
    const terminators = starts.map((s, k) => countTerminators(body, s, k + 1 < starts.length ? starts[k + 1] : regionEnd, crs));
    let oldTerminators = 0;
    let oldRequests = 0;
    for (let k = k0; k < k1; k++) oldTerminators += old[k].terminators, oldRequests += old[k].requestCount;
    const lineShift = terminators.reduce((a, b) => a + b, 0) - oldTerminators;
    const oldLineCount = this.file!.lineCount;
    const lineCount = oldLineCount + lineShift;
    // Only the re-parsed sections' lines are placed, far into the file: a sparse array (V8 keeps it as a small
    // dictionary) instead of one slot per line of the file allocated on every keystroke. Readers stop at the
    // separator placed after their section, or, in the file's last section, at its last line (placed too).
    const lines: string[] = [];
    const parser = new SectionParser(lines);
    const region: CachedSection[] = [];
    let from = old[k0].from;
    let index = old[k0].firstIndex;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k];
      const stop = k + 1 < starts.length ? starts[k + 1] : regionEnd;
      const last = stop === body.length;
      const end = from + terminators[k] + (last ? 1 : 0);
      // Its lines and the separator after it: readers stop at that separator, as in a full parse.
      placeLines(lines, body, start, last ? body.length : lineEnd(body, stop), from);
      const section = cachedSection(parser.parse(from, end, index), index, terminators[k], start, stop - start);
      region.push(section);
      index += section.requestCount;
      from = end;
    }
    const requestShift = index - old[k0].firstIndex - oldRequests;
    const moved = lineShift !== 0 || requestShift !== 0;
    // Below an edit that moved no line and no request (a keystroke), the kept sections only shift their offsets: the
    // list is patched in place, nothing but this parser holds it (a copy was one slot per section per keystroke, the
    // young generation's fill: docs/performance.md, "Issue 16, twentieth session").
    const tail: CachedSection[] = moved ? old.slice(k1) : NONE;
    for (let k = k1; !moved && k < old.length; k++) old[k].start += delta;
    const reparsed: CachedSection[] = [];
    for (let k = 0; k < tail.length; k++) {
      const s = tail[k];
      const start = s.start + delta;
      // Lines and request numbers are absolute: below a change that moved them, sections are parsed again.
      const last = k === tail.length - 1;
      const end = from + s.terminators + (last ? 1 : 0);
      placeLines(lines, body, start, last ? body.length : lineEnd(body, start + s.length), from);
      tail[k] = cachedSection(parser.parse(from, end, index), index, s.terminators, start, s.length);
      reparsed.push(tail[k]);
      index += tail[k].requestCount;
      from = end;
    }
    const httpYac = this.httpYacSections - count(old, k0, k1, (s) => s.parsed.httpYac) + count(region, 0, region.length, (s) => s.parsed.httpYac);
    const patchable = !moved && sameCounts(old, k0, k1, region);
    const first = old[k0].firstIndex;
    const replaced = old.slice(k0, k1);
    const sections = moved ? old.slice(0, k0).concat(region, tail) : (old.splice(k0, k1 - k0, ...region), old);
    const file = patchable
      ? patchFile(this.file!, sections, k0, replaced, region, (this.httpYacSections > 0) !== (httpYac > 0), lineCount, preferredEol(body))
      : assembleFile(sections.map((s) => requestsOf(s, this.file!)), lineCount, preferredEol(body));
    dropRequests(region);
    dropRequests(reparsed);
    this.sections = sections;
    this.httpYacSections = httpYac;
    this.lastChange = moved
      ? { start: first, end: file.requests.length, oldEnd: this.file!.requests.length }
      : { start: first, end: first + oldRequests, oldEnd: first + oldRequests };
    return this.finish(body, this.bom, file);
  }

  private finish(body: string, bom: boolean, file: HttpFile): HttpFile {
    this.body = body;
    this.bom = bom;
    this.file = file;
    return file;
  }
}

/**
 * The file with `region` in place of `replaced` (as many items of each list, no line moved): the lists the
 * region has items of are copied and overwritten where its items sit. Diagnostics are put together again only when the region
 * had or has some, or whether the file is written for httpYac changed.
 */
function patchFile(previous: HttpFile, sections: readonly CachedSection[], k0: number, replaced: readonly CachedSection[],
  region: readonly CachedSection[], httpYacFlipped: boolean, lineCount: number, eol: string): HttpFile {
  const file: HttpFile = { ...previous, lineCount, eol };
  for (const list of LISTS) {
    // A list the region has no items of keeps its array (the same items); requests are numbered already.
    if (!region.some((s) => s.parsed[list].length > 0)) continue;
    let at = list === 'requests' ? region[0].firstIndex : 0;
    for (let k = 0; list !== 'requests' && k < k0; k++) at += sections[k].parsed[list].length;
    const items: unknown[] = previous[list].slice();
    for (const s of region) for (const item of s.parsed[list]) items[at++] = item;
    (file as unknown as Record<string, unknown[]>)[list] = items;
  }
  const diagnosed = (s: CachedSection) => s.parsed.diagnostics.length > 0 || s.parsed.blankLineWarnings.length > 0;
  if (httpYacFlipped || replaced.some(diagnosed) || region.some(diagnosed)) {
    file.diagnostics = assembleFile(sections.map((s) => ({ ...s.parsed, requests: [], variables: [], scripts: [], directives: [], responses: [] })), lineCount, eol).diagnostics;
  }
  return file;
}

function cachedSection(parsed: ParsedSection, firstIndex: number, terminators: number, start: number, length: number): CachedSection {
  return { parsed, from: parsed.from, firstIndex, requestCount: parsed.requests.length, terminators, start, length };
}

/**
 * What is left of most sections' parse once their requests are dropped: nothing (no variable, script, directive,
 * response, diagnostic; not httpYac's). They share this one record (read only) instead of keeping one each.
 */
const NOTHING_LEFT: ParsedSection = Object.freeze({
  from: -1, end: -1, requests: NONE, variables: NONE, scripts: NONE, directives: NONE, responses: NONE, diagnostics: NONE, blankLineWarnings: NONE,
  httpYac: false,
});

/**
 * Reads lines [from, end) into the file's lists (`sink`, its requests numbered on from those it holds). Returns what
 * the section keeps of its own, as `dropRequests` leaves it: what it added besides requests, cut from the file's
 * lists, or `NOTHING_LEFT`.
 */
function readSection(reader: SectionReader, sink: Sink, from: number, end: number): ParsedSection {
  const { variables, scripts, directives, responses, diagnostics, blankLineWarnings } = sink;
  const v = variables.length, s = scripts.length, d = directives.length, r = responses.length, g = diagnostics.length, w = blankLineWarnings.length;
  const httpYac = reader.read(sink, from, end, sink.requests.length);
  if (!httpYac && variables.length === v && scripts.length === s && directives.length === d && responses.length === r &&
    diagnostics.length === g && blankLineWarnings.length === w) return NOTHING_LEFT;
  return {
    from, end, requests: NONE, variables: cut(variables, v), scripts: cut(scripts, s), directives: cut(directives, d), responses: cut(responses, r),
    diagnostics: cut(diagnostics, g), blankLineWarnings: cut(blankLineWarnings, w), httpYac,
  };
}

/** The items of `list` from `start` on, as a kept list (`compactList`). */
function cut<T>(list: readonly T[], start: number): T[] {
  return start === list.length ? NONE : list.slice(start);
}

/** Once the file holds their requests, the sections keep none of their own (see `CachedSection.parsed`). */
function dropRequests(sections: readonly CachedSection[]): void {
  for (const s of sections) {
    const p = s.parsed;
    const nothingLeft = !p.httpYac && !p.variables.length && !p.scripts.length && !p.directives.length && !p.responses.length &&
      !p.diagnostics.length && !p.blankLineWarnings.length;
    if (nothingLeft) s.parsed = NOTHING_LEFT;
    else p.requests = NONE;
  }
}

/** The section's parse with its requests: its own when it still has them, else the previous file's. */
function requestsOf(s: CachedSection, previous: HttpFile): ParsedSection {
  if (s.parsed.requests.length === s.requestCount) return s.parsed;
  return { ...s.parsed, requests: previous.requests.slice(s.firstIndex, s.firstIndex + s.requestCount) };
}

/** How many items of `list` the section has (its requests are counted, not kept). */
function itemCount(s: CachedSection, list: (typeof LISTS)[number]): number {
  return list === 'requests' ? s.requestCount : s.parsed[list].length;
}

/** True when the region holds as many items of each list as the sections it replaces. */
function sameCounts(old: readonly CachedSection[], k0: number, k1: number, region: readonly CachedSection[]): boolean {
  return LISTS.every((list) => {
    let n = 0;
    for (let k = k0; k < k1; k++) n += itemCount(old[k], list);
    for (const s of region) n -= itemCount(s, list);
    return n === 0;
  });
}

function count(sections: readonly CachedSection[], from: number, to: number, test: (s: CachedSection) => boolean): number {
  let n = 0;
  for (let k = from; k < to; k++) if (test(sections[k])) n++;
  return n;
}

/** The index of the last section starting at or before `offset` (the first starts at 0). */
function lastStartAtOrBefore(sections: readonly CachedSection[], offset: number): number {
  return Math.max(0, partitionPoint(sections, (s) => s.start <= offset) - 1);
}

/** The index of the first section starting at or after `offset` (the count when none does). */
function firstStartAtOrAfter(sections: readonly CachedSection[], offset: number): number {
  return partitionPoint(sections, (s) => s.start < offset);
}

/**
 * How many characters two texts share at their start and, after that, at their end: binary searches over
 * native string comparisons, so two 1 MB texts compare in well under a millisecond.
 */
export function commonEnds(a: string, b: string): Unchanged {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  const prefix = lo;
  lo = 0;
  hi = Math.min(a.length, b.length) - prefix;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return { prefix, suffix: lo };
}

/** Offsets in [from, to) where sections start: `from` (0 or a separator), and each line that begins with `###`. */
function sectionStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  for (let at = text.indexOf('###', from + 1); at >= 0 && at < to; at = text.indexOf('###', at + 3)) {
    const before = text.charCodeAt(at - 1);
    if (before === 10 || before === 13) starts.push(at);
  }
  return starts;
}

/**
 * `\r\n`, `\r` and `\n` each end a line (as in splitLines), counted in text[from, to). Without a `\r` (`crs` false),
 * the engine's own search finds each `\n` (a loop over every character is what a first parse paid most for here).
 */
function countTerminators(text: string, from: number, to: number, crs: boolean): number {
  let n = 0;
  if (!crs) {
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) n++;
    return n;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/**
 * Splits text[start, stop) into lines and puts them into `lines` from line `from` on. The lines are cut from a
 * detached copy, so the syntax kept for the section does not keep this version's whole text alive.
 */
function placeLines(lines: string[], text: string, start: number, stop: number, from: number): void {
  const own = splitLines(detached(text.slice(start, stop)));
  for (let i = 0; i < own.length; i++) lines[from + i] = own[i];
}

/** The offset of the terminator that ends the line starting at `at` (or the text's end). */
function lineEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}
