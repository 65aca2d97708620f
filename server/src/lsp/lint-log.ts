/**
 * What the server did, in words, for the client's output channel: its version on start, each document's first
 * lint and every lint that changed its number of findings (not every keystroke), with the time it took.
 * Failures go to the same channel as errors (analyzer.ts).
 */
export class LintLog {
  private readonly counts = new Map<string, number>();

  constructor(private readonly write: (message: string) => void) {}

  started(version: string, folders: number, client?: string): void {
    this.write(`etag-guard language server ${version} (Node ${process.version}) started${client ? ` for ${client}` : ''}, ${folders} workspace folder(s)`);
  }

  linted(uri: string, version: number, findings: number, ms: number): void {
    if (this.counts.get(uri) === findings) return;
    this.counts.set(uri, findings);
    this.write(`linted ${nameOf(uri)} (version ${version}): ${findings} finding(s) in ${ms.toFixed(1)} ms`);
  }

  forget(uri: string): void {
    this.counts.delete(uri);
  }
}

function nameOf(uri: string): string {
  const path = decodeURIComponent(uri.replace(/^[a-z]+:\/\//i, ''));
  return path.slice(path.lastIndexOf('/') + 1) || uri;
}
