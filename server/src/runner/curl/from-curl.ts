/**
 * A pasted curl command as a `.http` request: the common flags (-X, -H, -d/--data*, --json, -u, -A, -e, -b,
 * --url, -G, -I, -L, -k, --compressed, -m) are translated; flags that only change curl's own output are dropped;
 * anything else becomes a `#` note above the request so nothing is lost silently. Pure.
 */
import { shellWords } from './shell-words';

/** The import: the `.http` text (ending with a newline) and what could not be translated. */
export interface CurlImport {
  http: string;
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
  /** A `--data @file` body: the `.http` file reads it with `< file`. */
  bodyFile?: string;
  notes: string[];
}

/** Thrown when the text is not a curl command this importer understands. */
export class CurlImportError extends Error {}

interface State {
  method?: string;
  url?: string;
  headers: [string, string][];
  data: string[];
  dataFile?: string;
  get: boolean;
  head: boolean;
  notes: string[];
  timeoutMs?: number;
  /** Headers blanked with `-H 'Name:'`: curl's defaults for them are off. */
  suppressed: Set<string>;
}

type Apply = (s: State, arg: string) => void;

const setHeader = (s: State, name: string, value: string) => {
  s.headers = s.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  s.headers.push([name, value]);
};
const data = (interpretAt: boolean): Apply => (s, arg) => {
  if (interpretAt && arg.startsWith('@')) s.dataFile = arg.slice(1);
  else s.data.push(arg);
};

/** Flags that take an argument. */
const WITH_ARG: Record<string, Apply> = {
  '-X': (s, a) => (s.method = a.toUpperCase()),
  '-H': (s, a) => header(s, a),
  '-d': data(true),
  '--data-ascii': data(true),
  '--data-binary': data(true),
  '--data-raw': data(false),
  '--data-urlencode': (s, a) => s.data.push(urlencoded(a)),
  '--json': (s, a) => {
    data(true)(s, a);
    if (!has(s, 'content-type')) s.headers.push(['Content-Type', 'application/json']);
    if (!has(s, 'accept')) s.headers.push(['Accept', 'application/json']);
  },
  '-u': (s, a) => setHeader(s, 'Authorization', `Basic ${Buffer.from(a.includes(':') ? a : `${a}:`, 'utf8').toString('base64')}`),
  '-A': (s, a) => setHeader(s, 'User-Agent', a),
  '-e': (s, a) => setHeader(s, 'Referer', a.replace(/;auto$/, '')),
  '-b': (s, a) => {
    if (a.includes('=')) s.headers.push(['Cookie', a]);
    else s.notes.push(`-b ${a} reads cookies from a file: add a Cookie header by hand.`);
  },
  '--url': (s, a) => (s.url = a),
  '-m': (s, a) => {
    const seconds = Number(a);
    if (Number.isFinite(seconds) && seconds > 0) s.timeoutMs = Math.round(seconds * 1000);
  },
  '--oauth2-bearer': (s, a) => setHeader(s, 'Authorization', `Bearer ${a}`),
};

/** Flags without an argument. */
const NO_ARG: Record<string, (s: State) => void> = {
  '-G': (s) => (s.get = true),
  '-I': (s) => (s.head = true),
  '--compressed': (s) => {
    if (!has(s, 'accept-encoding')) s.headers.push(['Accept-Encoding', 'deflate, gzip, br']);
  },
  // The runner follows redirects by default, as -L asks.
  '-L': () => undefined,
  '-k': (s) => s.notes.push('curl -k skipped certificate checks: list the host in etagGuard.runner.allowSelfSignedHosts (or run the CLI with --insecure).'),
};

/** Flags that only change what curl prints or how it retries: nothing to translate. */
const IGNORED_WITH_ARG = new Set(['-o', '--output', '-w', '--write-out', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '-D', '--dump-header', '--trace', '--trace-ascii', '--stderr', '-c', '--cookie-jar']);
const IGNORED = new Set(['-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-f', '--fail', '--fail-with-body', '-#', '--progress-bar', '-N', '--no-buffer', '--http1.1', '--http2', '--globoff', '-g', '-O', '--remote-name', '--location-trusted', '-Z', '--no-progress-meter']);

const ALIASES: Record<string, string> = {
  '--request': '-X', '--header': '-H', '--data': '-d', '--user': '-u', '--user-agent': '-A', '--referer': '-e', '--cookie': '-b',
  '--get': '-G', '--head': '-I', '--location': '-L', '--insecure': '-k', '--max-time': '-m',
};

/** Translates `command` (one curl invocation; `curl` itself optional). */
export function fromCurl(command: string): CurlImport {
  const words = shellWords(command.trim());
  if (words[0] === 'curl' || words[0]?.endsWith('/curl') || words[0] === 'curl.exe') words.shift();
  const s: State = { headers: [], data: [], get: false, head: false, notes: [], suppressed: new Set() };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('-') || word === '-') {
      s.url ??= word;
      continue;
    }
    const name = ALIASES[word] ?? word;
    if (WITH_ARG[name] || IGNORED_WITH_ARG.has(name)) {
      if (i + 1 >= words.length) throw new CurlImportError(`${word} needs a value.`);
      WITH_ARG[name]?.(s, words[++i]);
    } else if (NO_ARG[name]) NO_ARG[name](s);
    else if (!IGNORED.has(name)) {
      const used = word.startsWith('--') ? -1 : shortCluster(s, word, words[i + 1]);
      if (used < 0) s.notes.push(`curl option ${word} was not translated.`);
      i += Math.max(used, 0);
    }
  }
  if (!s.url) throw new CurlImportError('No URL in the curl command.');
  return build(s);
}

/** `-sSL`, `-XPUT`, `-HName: v`: short flags glued together. Returns how many extra words it used, -1 if unknown. */
function shortCluster(s: State, word: string, next: string | undefined): number {
  for (let j = 1; j < word.length; j++) {
    const flag = `-${word[j]}`;
    const rest = word.slice(j + 1);
    if (WITH_ARG[flag] || IGNORED_WITH_ARG.has(flag)) {
      if (rest === '' && next === undefined) throw new CurlImportError(`${flag} needs a value.`);
      WITH_ARG[flag]?.(s, rest !== '' ? rest : next!);
      return rest !== '' ? 0 : 1;
    }
    if (NO_ARG[flag]) NO_ARG[flag](s);
    else if (!IGNORED.has(flag)) return -1;
  }
  return 0;
}

function build(s: State): CurlImport {
  let url = s.url!;
  let body: string | undefined = s.data.length > 0 ? s.data.join('&') : undefined;
  let bodyFile = s.dataFile;
  if (s.get && body !== undefined) {
    url += (url.includes('?') ? '&' : '?') + body;
    body = undefined;
  }
  if (s.get && bodyFile !== undefined) {
    s.notes.push(`-G with @${bodyFile}: the file's content belongs in the query string.`);
    bodyFile = undefined;
  }
  const hasBody = body !== undefined || bodyFile !== undefined;
  if (hasBody && !has(s, 'content-type') && !s.suppressed.has('content-type')) s.headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  const method = s.method ?? (s.head ? 'HEAD' : hasBody ? 'POST' : 'GET');
  const lines = [...s.notes.map((n) => `# ${n}`)];
  if (s.timeoutMs !== undefined) lines.push(`# @timeout ${s.timeoutMs}`);
  lines.push(`${method} ${url}`, ...s.headers.map(([n, v]) => `${n}: ${v}`));
  if (bodyFile !== undefined) lines.push('', `< ${bodyFile}`);
  else if (body !== undefined) lines.push('', body);
  return { http: lines.join('\n') + '\n', method, url, headers: s.headers, body, bodyFile, notes: s.notes };
}

function header(s: State, raw: string): void {
  const colon = raw.indexOf(':');
  if (colon > 0) {
    const value = raw.slice(colon + 1).trim();
    // `-H 'Name:'` tells curl not to send its own header of that name: nothing to send here either.
    if (value !== '') s.headers.push([raw.slice(0, colon).trim(), value]);
    else {
      const lower = raw.slice(0, colon).trim().toLowerCase();
      s.headers = s.headers.filter(([n]) => n.toLowerCase() !== lower);
      s.suppressed.add(lower);
    }
  } else if (raw.endsWith(';')) s.headers.push([raw.slice(0, -1).trim(), '']);
  else s.notes.push(`-H ${raw} is not a header line.`);
}

function has(s: State, lowerName: string): boolean {
  return s.headers.some(([n]) => n.toLowerCase() === lowerName);
}

/** `--data-urlencode` forms `content`, `=content` and `name=content`: the content is percent-encoded. */
function urlencoded(arg: string): string {
  const eq = arg.indexOf('=');
  if (eq < 0) return encodeURIComponent(arg);
  const name = arg.slice(0, eq);
  return `${name ? `${name}=` : ''}${encodeURIComponent(arg.slice(eq + 1))}`;
}
