/**
 * The probe's checks as data: a title, the specification that sets the expectation (RFC 9110 unless said), and
 * what a failure or warning means for the clients of that server. The report card (terminal, Markdown view,
 * incident appendix) reads it; docs/probe.md explains each check in the same order.
 */
import { READ_CHECK_IDS, WRITE_CHECK_IDS, type ProbeCheckId } from './types';

export interface ProbeCheckInfo {
  id: ProbeCheckId;
  title: string;
  /** Whether the check sends writes (only with `--write`). */
  write: boolean;
  /** e.g. `RFC 9110 §13.1.1`. */
  reference: string;
  referenceUrl: string;
  /** What a `fail` or `warn` of this check means for the server's clients. */
  consequence: string;
}

const RFC9110 = 'https://www.rfc-editor.org/rfc/rfc9110';

const rfc = (section: string): { reference: string; referenceUrl: string } =>
  ({ reference: `RFC 9110 §${section}`, referenceUrl: `${RFC9110}#section-${section}` });

const INFO: Record<ProbeCheckId, Omit<ProbeCheckInfo, 'id' | 'write'>> = {
  'etag-present': { title: 'The response carries an ETag', ...rfc('8.8.3'),
    consequence: 'Clients have no entity-tag to send in If-Match; only If-Unmodified-Since (one-second resolution) can guard their writes.' },
  'etag-strong': { title: 'The ETag is strong', ...rfc('13.1.1'),
    consequence: 'If-Match uses the strong comparison: a weak tag (W/"…") never matches, so every conditional write with it gets 412.' },
  'etag-stable': { title: 'Two reads give the same ETag', ...rfc('8.8.3'),
    consequence: 'The tag changes although the resource did not: If-Match fails spuriously and clients see 412 they cannot explain.' },
  'last-modified-present': { title: 'The response carries Last-Modified', ...rfc('8.8.2'),
    consequence: 'Without Last-Modified, If-Unmodified-Since cannot guard writes (the server must ignore it).' },
  'if-none-match-get': { title: 'A conditional GET with the current ETag gets 304', ...rfc('13.1.2'),
    consequence: 'Revalidation does not work: clients and caches download the whole representation every time.' },
  'if-match-get-mismatch': { title: 'A GET with a non-matching If-Match gets 412', ...rfc('13.1.1'),
    consequence: 'The server does not evaluate If-Match (a MUST): it probably ignores it on writes too — run the probe with --write to know.' },
  'encoding-changes-etag': { title: 'The gzip representation\'s ETag works in If-Match', ...rfc('8.8.3'),
    consequence: 'Clients that read with Accept-Encoding: gzip (browsers, Node fetch, curl --compressed) hold a tag that If-Match rejects: 412 on every write although nothing changed (Apache bug 45023).' },
  'vary-accept-encoding': { title: 'A compressed response says Vary: Accept-Encoding', ...rfc('12.5.5'),
    consequence: 'A shared cache can hand the gzip representation and its ETag to clients that did not ask for gzip.' },
  'cache-in-path': { title: 'No cache answers between client and server', reference: 'RFC 9111 §4.3', referenceUrl: 'https://www.rfc-editor.org/rfc/rfc9111#section-4.3',
    consequence: 'The ETag a client reads may be a cache\'s, older than the origin\'s: read with Cache-Control: no-cache before a write.' },
  'if-match-mismatch-write': { title: 'A PUT with a wrong If-Match gets 412', ...rfc('13.1.1'),
    consequence: 'The server ignores If-Match on PUT: clients cannot prevent lost updates here, whatever they send.' },
  'if-unmodified-since-past-write': { title: 'A PUT with an old If-Unmodified-Since gets 412', ...rfc('13.1.4'),
    consequence: 'The server ignores If-Unmodified-Since on PUT: date-guarded writes overwrite newer changes.' },
  'if-none-match-star-existing': { title: 'A PUT with If-None-Match: * on an existing resource gets 412', ...rfc('13.1.2'),
    consequence: 'If-None-Match: * does not make a create safe: a "create only" PUT overwrites what is there.' },
  'if-match-current-write': { title: 'A PUT with the current ETag succeeds', ...rfc('13.1.1'),
    consequence: 'The server rejects its own current ETag: every conditional write fails, so clients are pushed to drop If-Match.' },
  'etag-on-write-response': { title: 'A successful PUT returns the new ETag', ...rfc('9.3.4'),
    consequence: 'Clients must re-read the resource to learn its new ETag before the next conditional write.' },
  'weak-after-write': { title: 'The ETag is strong right after a write', ...rfc('8.8.1'),
    consequence: 'A read right after a write gets a weak tag that If-Match never matches: clients must wait or retry (Apache: about a second).' },
  'precondition-required': { title: 'An unconditional PUT gets 428 (report only)', reference: 'RFC 6585 §3', referenceUrl: 'https://www.rfc-editor.org/rfc/rfc6585#section-3',
    consequence: 'Unconditional writes are accepted: a client that forgets If-Match overwrites silently.' },
};

/** Every check, read-only ones first, in the order the probe runs them. */
export const PROBE_CHECKS: readonly ProbeCheckInfo[] = [
  ...READ_CHECK_IDS.map((id) => ({ id, write: false, ...INFO[id] })),
  ...WRITE_CHECK_IDS.map((id) => ({ id, write: true, ...INFO[id] })),
];

/** The catalogue entry of `id`. */
export function probeCheckInfo(id: ProbeCheckId): ProbeCheckInfo {
  return PROBE_CHECKS.find((c) => c.id === id)!;
}
