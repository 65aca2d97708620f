/**
 * The status codes that mean "a precondition decided this request" (RFC 9110 §15.5.13 412 Precondition Failed,
 * RFC 6585 §3 428 Precondition Required): the 412 workflow starts on them, the runner remembers them as
 * evidence that an API versions its resources, and the probe treats them as a write the server refused.
 */
export function isPreconditionStatus(status: number): boolean {
  return status === 412 || status === 428;
}
