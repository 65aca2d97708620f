// HTTP-date for the demo API: the engine's strict RFC 9110 §5.6.7 parser (not Date.parse, which accepts far
// more than HTTP allows, so an invalid If-Unmodified-Since would count instead of being ignored), in epoch ms.
import { formatImfFixdate, parseHttpDate as parseDate } from '../../server/src/engine/semantics/http-date';

/** `Sun, 06 Nov 1994 08:49:37 GMT`: the only form a sender may generate. */
export function formatHttpDate(ms: number): string {
  return formatImfFixdate(new Date(ms));
}

/** Epoch milliseconds, or undefined when the value is not a valid HTTP-date (`now` resolves RFC 850 years). */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  return parseDate(value, now)?.date.getTime();
}

/** HTTP dates have one-second resolution; every comparison must be done at that granularity. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
