/** Says where a request's precondition value was captured, for the 412 explanation ("item (GET on line 3)"). */
import type { HttpFile } from '../http/ast';
import { buildHttpModel } from '../model/http-model';
import { startLineOf } from '../text/span';

const PRECONDITIONS = ['if-match', 'if-unmodified-since', 'if-none-match'];

export function capturedBy(file: HttpFile, requestIndex: number): string | undefined {
  const model = buildHttpModel(file);
  const req = model.requests[requestIndex];
  const header = req?.headers.find((h) => PRECONDITIONS.includes(h.name.toLowerCase()) && h.source.kind === 'capture');
  if (!header || header.source.kind !== 'capture') return undefined;
  const from = model.requests[header.source.request];
  const where = `${from.method ?? 'request'} on line ${startLineOf(from.anchor) + 1}`;
  return from.name ? `${from.name} (${where})` : `the ${where}`;
}
