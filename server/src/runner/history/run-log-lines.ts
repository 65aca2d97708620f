/**
 * What the "etag-guard runner" output channel shows for one exchange, free of VS Code so it is tested: a
 * summary line, then the masked request and response headers at debug level, then the warnings. Never bodies.
 */
import { maskHeaderPairs, maskHeaderRecord, requestSummary, statusSummary, timingSummary, type Exchange } from '../executor';

export type LogLevel = 'info' | 'warn' | 'debug';

/** The log lines of `exchange`, secrets masked. */
export function runLogLines(exchange: Exchange): { level: LogLevel; text: string }[] {
  const lines: { level: LogLevel; text: string }[] = [{
    level: exchange.error ? 'warn' : 'info',
    text: `${requestSummary(exchange, true)} → ${statusSummary(exchange)} (${timingSummary(exchange.timings)})`,
  }];
  for (const [n, v] of maskHeaderPairs(exchange.request.headers)) lines.push({ level: 'debug', text: `  > ${n}: ${v}` });
  if (exchange.response) {
    for (const [n, v] of Object.entries(maskHeaderRecord(exchange.response.headers))) lines.push({ level: 'debug', text: `  < ${n}: ${Array.isArray(v) ? v.join(' | ') : v}` });
  }
  for (const w of exchange.warnings) lines.push({ level: 'warn', text: w });
  return lines;
}
