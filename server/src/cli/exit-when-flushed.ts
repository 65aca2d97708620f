/**
 * Ends the process as soon as stdout and stderr have taken everything written to them. Left to itself, Node exits
 * only once V8's background work is done too: after a lint of a large file that is optimising compilations and an
 * incremental marking still in flight, which nothing will use (the 10,000-request file: 29 ms between the last
 * line of output and the end of the process, 12 ms with this; docs/performance.md, "Issue 16, eighteenth session").
 */
export function exitWhenFlushed(code: number): void {
  // An empty write's callback runs once the writes before it are flushed: a slow reader of a pipe gets it all.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
