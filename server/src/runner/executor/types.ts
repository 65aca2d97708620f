/**
 * What the runner produces: one `Exchange` per request run, holding every response on the way (redirect hops
 * included), the request as it was finally sent, and timings. Shared by the CLI and the VS Code views.
 */

/** Response headers with lower-case names; a repeated header (Set-Cookie) keeps every value. */
export type ResponseHeaders = Record<string, string | string[]>;

/** One HTTP round trip: a redirect hop or the final response. */
export interface Attempt {
  url: string;
  status: number;
  headers: ResponseHeaders;
  /** Local clock (epoch ms) when the response headers arrived: a 412's `Date` is judged against it. */
  receivedAt?: number;
}

/** Where the time went, in milliseconds. `connectMs` only when a new connection was opened (DNS + TCP + TLS). */
export interface Timings {
  connectMs?: number;
  /** From sending the request to the response headers (time to first byte), summed over redirect hops. */
  waitMs: number;
  /** Reading the final body. */
  downloadMs: number;
  totalMs: number;
}

/** The request after variables, body files and redirects: what went on the wire last. */
export interface SentRequest {
  method: string;
  url: string;
  /** Header name/value pairs in the order sent. */
  headers: [string, string][];
  /** Text bodies as text; file bodies that are not UTF-8 are described instead of copied. */
  body?: string;
}

/** The final response of a request. */
export interface RunResponse {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  /** The bytes read, at most `maxResponseBytes`. */
  body: Buffer;
  /** Total bytes the server sent, or at least how many were seen before the cap stopped reading. */
  size: number;
  /** True when the cap stopped reading: `body` is the first part only. */
  truncated: boolean;
  contentType: string;
}

/** A request that ran (or failed before any response). */
export interface Exchange {
  /** `@name`, or the `###` title, else undefined. */
  name?: string;
  /** 0-based line of the request line. */
  line: number;
  request: SentRequest;
  /** Every response on the way, the final one last. Empty when the request failed with `error`. */
  attempts: Attempt[];
  response?: RunResponse;
  error?: { kind: string; message: string };
  /** Things that did not stop the request but deserve a line (a handler capture that found nothing). */
  warnings: string[];
  timings: Timings;
  startedAt: number;
}
