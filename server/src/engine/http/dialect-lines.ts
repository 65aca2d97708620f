/**
 * Lines one tool gives a meaning to before a request line: httpYac's proto and GraphQL imports, GraphQL fragments
 * and `@xpath_ns`, kulala's `import` / `run`, REST Client's `curl …` requests, and JetBrains' `< script.js`
 * pre-request script files. Like line-kinds.ts, every test is anchored and cannot backtrack over a long line.
 */
import { codeAt } from './line-kinds';

/** What a line before a request line declares, beyond comments, variables and scripts. */
export type PreambleLine =
  /** A declaration kept as metadata of the request that follows (`proto`, `gql`, `import`, `run`, `xpath_ns`). */
  | { kind: 'declaration'; key: string; value: string; httpYac: boolean; optionLines: boolean }
  /** A GraphQL fragment or operation (httpYac): runs to the next blank line. */
  | { kind: 'graphql' }
  /** A `curl …` command (REST Client sends it as a request); `\` at a line's end continues it. */
  | { kind: 'curl' }
  /** `< ./script.js` before the request line: a JetBrains pre-request script file. */
  | { kind: 'script-file'; path: string; pathStart: number };

const PROTO_IMPORT = /^[ \t]*proto[ \t]+<[ \t]+(?=\S)/;
const GQL_IMPORT = /^[ \t]*gql(?:[ \t]+[^\s(<]+)?[ \t]+<[ \t]+(?=\S)/;
const GRAPHQL_START = /^[ \t]*(?:fragment[ \t]+[^\s(]+[ \t]+on[ \t]|(?:query|mutation|subscription)(?![\w-]))/;
const KULALA_COMMAND = /^(import|run)[ \t]+(?=\S)/;
const XPATH_NAMESPACE = /^[ \t]*@xpath_ns[ \t]+[^\s=:]+[ \t]*=/;
const CURL = /^[ \t]*curl[ \t]/;
const SCRIPT_FILE = /^<[ \t]+(?!\{%)(?=\S)/;

/** Reads a line before a request line that belongs to one dialect's extensions; undefined for anything else. */
export function preambleLineOf(text: string): PreambleLine | undefined {
  let m = PROTO_IMPORT.exec(text);
  if (m) return { kind: 'declaration', key: 'proto', value: text.slice(m[0].length).trim(), httpYac: true, optionLines: true };
  m = GQL_IMPORT.exec(text);
  if (m) return { kind: 'declaration', key: 'gql', value: text.slice(m[0].length).trim(), httpYac: true, optionLines: false };
  if (GRAPHQL_START.test(text)) return { kind: 'graphql' };
  m = KULALA_COMMAND.exec(text);
  if (m) return { kind: 'declaration', key: m[1], value: text.slice(m[0].length).trim(), httpYac: false, optionLines: false };
  if (XPATH_NAMESPACE.test(text)) {
    const value = text.trim().slice('@xpath_ns'.length).trim();
    return { kind: 'declaration', key: 'xpath_ns', value, httpYac: true, optionLines: false };
  }
  if (CURL.test(text)) return { kind: 'curl' };
  m = SCRIPT_FILE.exec(text);
  if (m) return { kind: 'script-file', path: text.slice(m[0].length).trimEnd(), pathStart: m[0].length };
  return undefined;
}

/** httpYac's `...headers` spread of an object of headers among the headers. */
export function isHeaderSpread(text: string): boolean {
  return /^[ \t]*\.{3}[^\s.]\S*[ \t]*$/.test(text);
}

/**
 * A header held by a variable: `{{me}}` alone under the request line, with `@me = Authorization: Basic …` (REST
 * Client substitutes variables before it reads the headers; SAP's CAP samples write their users this way).
 */
export function isVariableHeaderLine(text: string): boolean {
  return /^[ \t]*\{\{[ \t]*[A-Za-z_][\w.-]*[ \t]*\}\}[ \t]*$/.test(text);
}

/** `HTTP/1.1 200 OK` or httpYac's `HTTP/1.1 200 - OK`: the status line of a response written in the file. */
export function responseStatusOf(text: string): { status: number } | undefined {
  if (codeAt(text, 0) !== 72 /* H */) return undefined;
  const m = /^HTTP\/\d(?:\.\d)?[ \t]+([1-5]\d\d)(?![\w.])/.exec(text);
  return m ? { status: Number(m[1]) } : undefined;
}

/** Metadata keys only httpYac knows: a file using them is read with httpYac's rules. */
const HTTPYAC_METADATA: ReadonlySet<string> = new Set([
  'ref', 'forceRef', 'import', 'jwt', 'loop', 'sleep', 'keepStreaming', 'noStreamingLog', 'ratelimit', 'rateLimit',
  'noLog', 'noResponseView', 'openWith', 'save', 'extension', 'injectVariables', 'noClientCert', 'noRejectUnauthorized',
  'disabled', 'verbose', 'debug', 'language', 'noGqlParsing', 'grpc-reflection', 'note',
]);

/** Methods (protocols) only httpYac sends. */
const HTTPYAC_METHODS: ReadonlySet<string> = new Set(['GRPC', 'SSE', 'EVENTSOURCE', 'MQTT', 'MQTTS', 'AMQP', 'WS', 'WSS', 'WEBSOCKET']);

export function isHttpYacMetadata(key: string): boolean {
  return HTTPYAC_METADATA.has(key);
}

export function isHttpYacMethod(method: string): boolean {
  return HTTPYAC_METHODS.has(method);
}

/** httpYac's `?? status == 200` assertion line. */
export function isAssertion(text: string): boolean {
  return codeAt(text, 0) === 63 /* ? */ && /^\?\?[ \t]/.test(text);
}

/** A body line only httpYac gives a meaning to: an assertion or a `\{\{` escape. */
export function isHttpYacBodyLine(text: string): boolean {
  return isAssertion(text) || text.includes('\\{\\{');
}
