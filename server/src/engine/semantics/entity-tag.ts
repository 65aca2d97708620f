/**
 * Entity-tags and the lists in If-Match / If-None-Match (RFC 9110 §8.8.3, §13.1.1–13.1.2): parsing with
 * positions for every problem, and the strong and weak comparison functions the server applies.
 */

export interface EntityTag {
  weak: boolean;
  /** The quoted opaque-tag, quotes included: `"abc"`. */
  opaque: string;
  /** Offsets in the header value. */
  start: number;
  end: number;
}

export interface EntityTagProblem {
  message: string;
  start: number;
  end: number;
  /** A corrected spelling of the element, when one is obvious. */
  replacement?: string;
}

export interface EntityTagList {
  /** `*` alone. */
  any: boolean;
  tags: EntityTag[];
  /** Elements holding `{{templates}}`: their value is only known at run time. */
  templated: number;
  problems: EntityTagProblem[];
}

/** etagc = %x21 / %x23-7E / obs-text: any visible character but `"`, or a byte ≥ 0x80. */
function isEtagc(code: number): boolean {
  return code === 0x21 || (code >= 0x23 && code <= 0x7e) || code >= 0x80;
}

/** Parses one element; returns the tag or a problem explaining what is wrong and how to write it. */
export function parseEntityTag(text: string, start = 0): EntityTag | EntityTagProblem {
  const end = start + text.length;
  let body = text;
  let weak = false;
  if (body.startsWith('W/')) {
    weak = true;
    body = body.slice(2);
  } else if (body.startsWith('w/')) {
    return { message: 'The weak prefix is case-sensitive: write `W/`, not `w/`.', start, end, replacement: 'W/' + body.slice(2) };
  }
  if (body.length < 2 || !body.startsWith('"') || !body.endsWith('"')) {
    const inner = body.replace(/^"|"$/g, '');
    const fixable = inner !== '' && [...inner].every((c) => isEtagc(c.charCodeAt(0)));
    return {
      message: `An entity-tag is a quoted string: write \`${weak ? 'W/' : ''}"${inner || 'value'}"\`.`,
      start, end, replacement: fixable ? `${weak ? 'W/' : ''}"${inner}"` : undefined,
    };
  }
  const opaque = body.slice(1, -1);
  for (let i = 0; i < opaque.length; i++) {
    const code = opaque.charCodeAt(i);
    if (!isEtagc(code)) {
      const what = code === 0x22 ? 'a double quote' : code === 0x20 || code === 0x09 ? 'white space' : 'a control character';
      return { message: `An entity-tag cannot contain ${what} between its quotes.`, start, end };
    }
  }
  return { weak, opaque: body, start, end };
}

/** More problems than this in one header value are not worth listing (and a hostile value could hold millions). */
const MAX_PROBLEMS = 20;

/** Parses `*` or a comma-separated list of entity-tags, keeping the problems (at most MAX_PROBLEMS) with their offsets. */
export function parseEntityTagList(value: string): EntityTagList {
  const result: EntityTagList = { any: false, tags: [], templated: 0, problems: [] };
  if (value.trim() === '*') return { ...result, any: true };
  let offset = 0;
  const elements = splitList(value);
  for (const element of elements) {
    if (result.problems.length >= MAX_PROBLEMS) break;
    const text = element.text;
    offset = element.start;
    if (text === '') {
      // Point at the comma that makes the empty element (the last one, for a trailing comma).
      const at = Math.min(offset, value.length - 1);
      result.problems.push({ message: 'Empty list element: remove the extra comma.', start: at, end: at + 1 });
    } else if (text === '*') {
      result.problems.push({ message: '`*` must stand alone: it cannot be combined with entity-tags.', start: offset, end: offset + 1 });
    } else if (text.includes('{{')) {
      result.templated++;
    } else {
      const tag = parseEntityTag(text, offset);
      if ('message' in tag) result.problems.push(tag);
      else result.tags.push(tag);
    }
  }
  return result;
}

/** Splits a list on commas outside quotes and `{{ }}`, trimming each element, with its start offset. */
export function splitList(value: string): { text: string; start: number }[] {
  // Most values are one element (a template, a tag, `*`): no scan, no slices.
  if (!value.includes(',')) {
    const text = value.trim();
    return text === '' ? [] : [{ text, start: value.length - value.trimStart().length }];
  }
  const out: { text: string; start: number }[] = [];
  let inQuotes = false;
  let depth = 0;
  let from = 0;
  const push = (end: number) => {
    const raw = value.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: from + lead });
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '{' && value[i + 1] === '{') depth++;
    else if (c === '}' && value[i + 1] === '}' && depth > 0) depth--;
    else if (c === ',' && !inQuotes && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(value.length);
  // A single empty element is an empty header value, reported by the caller, not an "extra comma".
  return out.length === 1 && out[0].text === '' ? [] : out;
}

/** The parts of a tag that comparisons and formatting look at. */
export type TagValue = Pick<EntityTag, 'weak' | 'opaque'>;

/** Strong comparison (§8.8.3.2): both strong and the opaque-tags identical. Used by If-Match. */
export function strongMatch(a: TagValue, b: TagValue): boolean {
  return !a.weak && !b.weak && a.opaque === b.opaque;
}

/** Weak comparison: the opaque-tags identical, weakness ignored. Used by If-None-Match. */
export function weakMatch(a: TagValue, b: TagValue): boolean {
  return a.opaque === b.opaque;
}

/** Formats a tag as it appears in a header. */
export function formatEntityTag(tag: TagValue): string {
  return (tag.weak ? 'W/' : '') + tag.opaque;
}
