/**
 * The editor's memory of recent runs, per request file: a `RunRecorder` each (exchanges in order with their
 * traces, and what was found about each 412/428). In memory only — it holds unmasked requests so "Copy as
 * cURL", "Resend without preconditions" and the report can use the exact request; the history keeps masked
 * traces. VS Code-free.
 */
import type { Exchange } from '../executor/types';
import { RunRecorder } from './recorder';
import type { Trace } from '../trace/trace';
import type { WireTap } from '../trace/wire-tap';

const FILES = 20;

export class RunStore {
  private readonly byFile = new Map<string, RunRecorder>();

  constructor(private readonly tap?: WireTap) {}

  /** Records a finished exchange of the file `uri`, and the secret values its session substituted. */
  add(uri: string, exchange: Exchange, trace?: Trace, secrets: Iterable<string> = []): void {
    const recorder = this.recorder(uri);
    recorder.exchange(exchange, trace);
    for (const s of secrets) recorder.secrets.add(s);
  }

  /** The file's recorder (created on first use; the least recently used file is forgotten past 20). */
  recorder(uri: string): RunRecorder {
    let recorder = this.byFile.get(uri);
    if (recorder) this.byFile.delete(uri);
    recorder ??= new RunRecorder(this.tap);
    this.byFile.set(uri, recorder);
    if (this.byFile.size > FILES) this.byFile.delete(this.byFile.keys().next().value!);
    return recorder;
  }

  /** The latest exchange of the request at `line` (or named `name`) in `uri` that matches `accept`. */
  latest(uri: string, request: { line: number; name?: string }, accept: (e: Exchange) => boolean = () => true): Exchange | undefined {
    const all = this.byFile.get(uri)?.all() ?? [];
    return [...all].reverse().find((e) => (request.name !== undefined ? e.name === request.name : e.line === request.line) && accept(e));
  }
}
