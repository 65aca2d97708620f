/**
 * `{{$…}}` system values of the three dialects: `$guid`/`$uuid`/`$random.uuid`, `$timestamp`,
 * `$isoTimestamp`, `$randomInt a b`/`$random.integer(a, b)`, `$datetime iso8601|rfc1123 [offset unit]`,
 * `$processEnv X` and `$dotenv X`. Unknown names fail with a message listing the known ones.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { RunnerError } from './errors';

/** Where `$processEnv` and `$dotenv` read from. */
export interface DynamicSources {
  processEnv: NodeJS.ProcessEnv;
  /** Looks a name up in the `.env` file next to the request file; undefined when absent. */
  dotenv: (name: string) => string | undefined;
  now?: () => number;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const KNOWN = '$guid, $uuid, $timestamp, $isoTimestamp, $randomInt, $datetime, $processEnv, $dotenv';

/** The value of `{{$name args}}`. */
export function dynamicValue(name: string, args: string, sources: DynamicSources): string {
  const now = (sources.now ?? Date.now)();
  switch (name) {
    case 'guid': case 'uuid': case 'random.uuid':
      return randomUUID();
    case 'timestamp':
      return String(Math.floor(withOffset(now, args) / 1000));
    case 'isoTimestamp':
      return new Date(now).toISOString();
    case 'randomInt': case 'random.integer':
      return randomBetween(args);
    case 'datetime': case 'localDatetime':
      return formatDatetime(args, now);
    case 'processEnv':
      return required(sources.processEnv[args.trim()], `environment variable ${args.trim()}`);
    case 'dotenv':
      return required(sources.dotenv(args.trim()), `${args.trim()} in the .env file`);
    default:
      throw new RunnerError('variable', `Unknown system variable {{$${name}}}; known: ${KNOWN}.`);
  }
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new RunnerError('variable', `No value for ${what}.`);
  return value;
}

function randomBetween(args: string): string {
  const numbers = args.replace(/[(),]/g, ' ').trim().split(/\s+/).map(Number);
  const [min, max] = numbers.length >= 2 ? numbers : [0, 1000];
  if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min) {
    throw new RunnerError('variable', `{{$randomInt min max}} needs two whole numbers with min < max, got '${args}'.`);
  }
  return String(randomInt(min, max)); // max exclusive, as in REST Client
}

function formatDatetime(args: string, now: number): string {
  const [format = 'iso8601', ...offset] = args.trim().split(/\s+/);
  const date = new Date(withOffset(now, offset.join(' ')));
  if (format === 'rfc1123') return date.toUTCString();
  if (format === 'iso8601') return date.toISOString();
  throw new RunnerError('variable', `{{$datetime}} supports iso8601 and rfc1123, not '${format}'.`);
}

/** Applies `"-1 d"`-style offsets (REST Client); empty means now. */
function withOffset(now: number, offset: string): number {
  const m = /^(-?\d+)\s*(ms|s|m|h|d|w)$/.exec(offset.trim());
  return m ? now + Number(m[1]) * UNIT_MS[m[2]] : now;
}
