/**
 * What each conditional header does and how a server evaluates it, for hovers and completion details.
 * Written from RFC 9110 §13; the section numbers are the RFC's.
 */
export interface HeaderDoc {
  name: string;
  section: string;
  summary: string;
  evaluation: string;
}

export const PRECONDITION_HEADERS: readonly HeaderDoc[] = [
  {
    name: 'If-Match', section: '13.1.1',
    summary: 'Apply the request only if the resource still has one of these entity-tags: the guard against lost updates.',
    evaluation: 'Evaluated first (step 1 of §13.2.2) with **strong** comparison: a weak tag (`W/"…"`) never matches. ' +
      '`*` matches any current representation. No match → 412 Precondition Failed (unless the change is already in place).',
  },
  {
    name: 'If-None-Match', section: '13.1.2',
    summary: 'Apply the request only if the resource has none of these entity-tags; `*` means "only if it does not exist" (create-only).',
    evaluation: 'Step 3 of §13.2.2, with **weak** comparison. On GET/HEAD a match gives 304 Not Modified; on other methods 412.',
  },
  {
    name: 'If-Unmodified-Since', section: '13.1.4',
    summary: 'Apply the request only if the resource has not changed since this HTTP-date.',
    evaluation: 'Step 2 of §13.2.2, **ignored when If-Match is present** and when the resource has no Last-Modified. ' +
      'One-second resolution: two changes in the same second are indistinguishable.',
  },
  {
    name: 'If-Modified-Since', section: '13.1.3',
    summary: 'For GET/HEAD: send the representation only if it changed since this HTTP-date (else 304).',
    evaluation: 'Step 4 of §13.2.2, **ignored when If-None-Match is present** and on methods other than GET and HEAD.',
  },
  {
    name: 'If-Range', section: '13.1.5',
    summary: 'With Range: send the requested part only if the validator (entity-tag or date) still matches, else the whole representation.',
    evaluation: 'Step 5 of §13.2.2; ignored without a Range header. Entity-tags compare strongly.',
  },
];

export function headerDoc(name: string): HeaderDoc | undefined {
  const lower = name.toLowerCase();
  return PRECONDITION_HEADERS.find((h) => h.name.toLowerCase() === lower);
}

/** Markdown for a hover over a conditional header. */
export function headerHoverMarkdown(doc: HeaderDoc): string {
  return `**${doc.name}** — ${doc.summary}\n\n${doc.evaluation}\n\n` +
    `[RFC 9110 §${doc.section}](https://www.rfc-editor.org/rfc/rfc9110#section-${doc.section})`;
}
