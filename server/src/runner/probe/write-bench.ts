/**
 * The ground rules of the write checks: every PUT carries exactly the bytes the server holds right now (read
 * just before), so a server that honours the precondition changes nothing and one that ignores it gets back
 * what it held. Before each write the resource is read again; if it changed (someone else is writing), the
 * probe stops writing. After a write went through, the content is read back and compared byte for byte.
 */
import { header, type ProbeClient, type ProbeReply } from './probe-client';
import { ok } from './context';
import { isPreconditionStatus } from '../../engine/semantics/status';

export class ContentChanged extends Error {}

export class WriteBench {
  private constructor(private readonly client: ProbeClient, readonly baseline: ProbeReply) {}

  /** Reads the representation the writes will send back. */
  static async start(client: ProbeClient): Promise<WriteBench> {
    return new WriteBench(client, await client.get());
  }

  get contentType(): string | undefined {
    return header(this.baseline, 'content-type');
  }

  /** PUTs the current bytes with `headers`; throws ContentChanged when the resource changed since the baseline. */
  async put(headers: [string, string][]): Promise<ProbeReply> {
    const now = await this.client.get();
    if (!ok(now.status) || !now.body.equals(this.baseline.body)) {
      throw new ContentChanged(`The content changed during the probe (${now.line}): someone else is writing, so the probe stopped writing.`);
    }
    return this.client.put(this.baseline.body, this.contentType, headers);
  }

  /** Reads the content back after a write that went through: the sentence and its evidence line. */
  async verify(): Promise<{ sentence: string; line: string }> {
    const read = await this.client.get();
    const same = ok(read.status) && read.body.equals(this.baseline.body);
    return {
      line: read.line,
      sentence: same ? `the content is byte-identical to before (${read.body.length} bytes, written back unchanged)`
        : `the content now DIFFERS from what the probe read (${read.body.length} vs ${this.baseline.body.length} bytes): another writer was active`,
    };
  }
}

/** Why a PUT answer means the write checks cannot run here, or undefined when they can. */
export function putRefusal(reply: ProbeReply): string | undefined {
  const { status } = reply;
  if (ok(status) || isPreconditionStatus(status)) return undefined;
  if (status === 405 || status === 501) {
    const allow = header(reply, 'allow');
    return `PUT is not allowed here (${status}${allow ? `; Allow: ${allow}` : ''}).`;
  }
  if (status === 401 || status === 403 || status === 407) return `Not authorised to PUT (${status}): pass the credentials with -H.`;
  return `PUT answered ${status}: the server would not take its own representation back, so the write checks cannot run.`;
}
