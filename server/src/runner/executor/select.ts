/** Which request a line belongs to, for `--line N` and "send request at cursor". */
import type { HttpFile, HttpRequest } from '../../engine';
import { rangeOf } from '../../engine/text/span';

/**
 * The request that owns 0-based `line`: the first one ending at or after it, so a `###` separator, comments
 * and blank lines belong to the request below them; lines after the last request belong to the last one.
 */
export function requestAtLine(file: HttpFile, line: number): HttpRequest | undefined {
  return file.requests.find((r) => rangeOf(r.range).end.line >= line) ?? file.requests[file.requests.length - 1];
}
