/**
 * ETags rewritten on the way: content-coding suffixes (Apache mod_deflate's `-gzip`, Jetty's `--gzip`,
 * `-br`, `;gzip`) and the `W/` nginx adds when it compresses. Knowing them lets a 412 caused by a rewrite be
 * told apart from a real change.
 */
const SUFFIX = /(--?gzip|-br|-deflate|-zstd|;gzip|;br)$/;

export interface Untransformed {
  /** The opaque tag with the transform removed, without quotes. */
  core: string;
  suffix?: string;
  weak: boolean;
}

export function untransform(tag: string): Untransformed {
  let t = tag.trim();
  const weak = t.startsWith('W/');
  if (weak) t = t.slice(2);
  const inner = t.replace(/^"|"$/g, '');
  const m = SUFFIX.exec(inner);
  return m ? { core: inner.slice(0, m.index), suffix: m[1], weak } : { core: inner, weak };
}

/** Names the likely culprit of a transform, from the suffix or weakening and the `Server` header. */
export function likelyCulprit(sent: Untransformed, current: Untransformed, server: string | undefined): string {
  const s = (server ?? '').toLowerCase();
  const suffix = sent.suffix ?? current.suffix;
  if (suffix === '-gzip' || (suffix && s.includes('apache'))) {
    return 'Apache mod_deflate appends "-gzip" to ETags of compressed responses and then fails If-Match with them ' +
      '(Apache bug 45023). Fix the server with `DeflateAlterETag NoChange` (or `Remove`), or read the ETag without `Accept-Encoding: gzip`.';
  }
  if (suffix === '--gzip') return 'Jetty\'s GzipHandler appends "--gzip" to ETags of compressed responses; configure it to keep ETags or read without compression.';
  if (suffix) return `A compressing server or proxy added "${suffix}" to the ETag; read it without compression or configure the intermediary to keep ETags.`;
  if (s.includes('nginx')) return 'nginx weakens ETags (adds W/) when gzip is on; a weak tag never passes If-Match. Turn gzip off for this location or read without Accept-Encoding.';
  return 'A compressing server, proxy or CDN changed the ETag (added W/). Read it without compression, or ask the provider to keep strong ETags.';
}
