/**
 * Test helper: prints one unguarded write per library the client-code rules know, in the layouts formatters
 * and people produce (one line or one entry per line, trailing commas or not, comments inside the literals,
 * indentation by spaces or tabs, single or double quotes, LF or CRLF, nested option objects, spreads and
 * computed keys), for the property tests of the fixes.
 */
import fc from 'fast-check';
import type { CodeLanguage } from '../../server/src/engine';

export interface Layout {
  multiLine: boolean;
  trailingComma: boolean;
  comment: 'none' | 'after-last' | 'own-line' | 'block-first';
  indent: '  ' | '    ' | '\t';
  quote: "'" | '"';
  crlf: boolean;
  /** Headers present (Authorization), or no headers at all (the fix adds the option). */
  headers: 'literal' | 'none' | 'spread' | 'computed' | 'variable';
  /** Another object among the options (`agent: { keepAlive: true }`, `timeout={"connect": 1}`). */
  nested: boolean;
}

export const layouts: fc.Arbitrary<Layout> = fc.record({
  multiLine: fc.boolean(),
  trailingComma: fc.boolean(),
  comment: fc.constantFrom('none', 'after-last', 'own-line', 'block-first'),
  indent: fc.constantFrom('  ', '    ', '\t'),
  quote: fc.constantFrom("'", '"'),
  crlf: fc.boolean(),
  headers: fc.constantFrom('literal', 'none', 'spread', 'computed', 'variable'),
  nested: fc.boolean(),
});

export interface Sample {
  library: string;
  language: CodeLanguage;
  text: string;
}

/** Prints `{ a, b }` / `{\n  a,\n  b,\n}` (or a dict, or keyword arguments between parentheses) in the layout. */
function literal(entries: string[], l: Layout, depth: number, brackets: [string, string] = ['{', '}'], py = false): string {
  const [open, close] = brackets;
  const comment = (text: string) => (py ? `# ${text}` : text.startsWith('/*') ? text : `// ${text}`);
  if (!l.multiLine || entries.length === 0) {
    const pad = py || open === '(' || entries.length === 0 ? '' : ' ';
    const body = entries.map((e, i) => (i === 0 && l.comment === 'block-first' && !py ? `/* first */ ${e}` : e)).join(', ');
    return `${open}${pad}${body}${l.trailingComma && entries.length > 0 ? ',' : ''}${pad}${close}`;
  }
  const eol = l.crlf ? '\r\n' : '\n';
  const inner = l.indent.repeat(depth + 1);
  const lines = entries.map((e, i) => `${inner}${e}${i < entries.length - 1 || l.trailingComma ? ',' : ''}`);
  if (l.comment === 'after-last') lines[lines.length - 1] += ` ${comment('the last one')}`;
  if (l.comment === 'own-line') lines.push(`${inner}${comment('more to come')}`);
  if (l.comment === 'block-first') lines.unshift(`${inner}${py ? '# first' : '/* first */'}`);
  return `${open}${eol}${lines.join(eol)}${eol}${l.indent.repeat(depth)}${close}`;
}

/** The JS header object (or the expression standing for it) and the statements it needs before the call. */
function jsHeaders(l: Layout, depth: number): { expr?: string; before: string[] } {
  const q = l.quote;
  const auth = `Authorization: ${q}Bearer ${q} + token`;
  switch (l.headers) {
    case 'none': return { before: [] };
    case 'literal': return { expr: literal([auth, `${q}Content-Type${q}: ${q}application/json${q}`], l, depth), before: [] };
    case 'spread': return { expr: literal([`...base`, auth], l, depth), before: [`const base = { Accept: ${q}application/json${q} };`] };
    case 'computed': return { expr: literal([`[AUTH]: token`], l, depth), before: [`const AUTH = ${q}Authorization${q};`] };
    case 'variable': return { expr: 'hdrs', before: [`const hdrs = ${literal([auth], l, 1)};`] };
  }
}

/** One async function around the write, with the module's import on top. */
function jsModule(importLine: string, before: string[], call: string, l: Layout, ts: boolean): string {
  const eol = l.crlf ? '\r\n' : '\n';
  const sig = ts ? '(url: string, token: string, body: string)' : '(url, token, body)';
  const lines = [importLine, '', `export async function save${sig} {`, ...before.map((b) => `${l.indent}${b}`), `${l.indent}${call};`, '}', ''];
  return lines.filter((x, i) => i > 1 || x !== '').join(eol);
}

/** The JS samples: fetch, undici, axios, got, ky, superagent, Node https.request. */
export function jsSamples(l: Layout): Sample[] {
  const q = l.quote;
  const h = jsHeaders(l, 2);
  const nested = l.nested ? [`agent: ${literal(['keepAlive: true'], l, 2)}`] : [];
  const headersEntry = h.expr ? [h.expr === 'hdrs' ? 'headers: hdrs' : `headers: ${h.expr}`] : [];
  const options = (first: string[]) => literal([...first, ...headersEntry, ...nested], l, 1);
  const imp = (what: string, from: string) => `import ${what} from ${q}${from}${q};`;
  const samples: Array<[string, string, string, string]> = [
    ['fetch', '', 'typescript', `await fetch(url, ${options([`method: ${q}PUT${q}`, 'body'])})`],
    ['undici', imp('{ request }', 'undici'), 'typescript', `await request(url, ${options([`method: ${q}PUT${q}`, 'body'])})`],
    ['axios', imp('axios', 'axios'), 'javascript', `await axios.put(url, body${headersEntry.length + nested.length > 0 ? `, ${literal([...headersEntry, ...nested], l, 1)}` : ''})`],
    ['got', imp('got', 'got'), 'typescript', `await got.put(url, ${options(['body'])})`],
    ['ky', imp('ky', 'ky'), 'javascriptreact', `await ky.put(url, ${options(['json: body'])})`],
    ['node-http', imp('https', 'node:https'), 'typescriptreact', `await https.request(url, ${options([`method: ${q}PUT${q}`])})`],
  ];
  const out = samples.map(([library, i, language, call]) => ({ library, language: language as CodeLanguage, text: jsModule(i, h.before, call, l, language.startsWith('typescript')) }));
  // superagent sets headers on the chain; its layouts are the chain's.
  const chain = l.multiLine ? `await superagent${l.crlf ? '\r\n' : '\n'}${l.indent.repeat(2)}.put(url)${l.crlf ? '\r\n' : '\n'}${l.indent.repeat(2)}.send(body)` : 'await superagent.put(url).send(body)';
  out.push({ library: 'superagent', language: 'javascript', text: jsModule(imp('superagent', 'superagent'), [], chain, l, false) });
  return out;
}

/** The Python samples: requests, httpx (module and client), aiohttp. */
export function pySamples(l: Layout): Sample[] {
  const q = l.quote;
  const eol = l.crlf ? '\r\n' : '\n';
  const ind = l.indent === '\t' ? '\t' : '    ';
  const py: Layout = { ...l, indent: ind as Layout['indent'] };
  const auth = `${q}Authorization${q}: f${q}Bearer {token}${q}`;
  let before: string[] = [];
  let headers: string | undefined;
  switch (l.headers) {
    case 'literal': headers = literal([auth, `${q}Accept${q}: ${q}application/json${q}`], py, 2, ['{', '}'], true); break;
    case 'spread': headers = literal(['**BASE', auth], py, 2, ['{', '}'], true); before = [`BASE = {${q}Accept${q}: ${q}application/json${q}}`]; break;
    case 'computed': headers = literal([`AUTH: token`], py, 2, ['{', '}'], true); before = [`AUTH = ${q}Authorization${q}`]; break;
    case 'variable': headers = 'hdrs'; break;
    case 'none': break;
  }
  const kwargs = (first: string[], depth: number) => literal([
    ...first, 'json=body', ...(headers ? [`headers=${headers}`] : []), ...(l.nested ? [`timeout=${literal([`${q}connect${q}: 1.0`], py, depth + 1, ['{', '}'], true)}`] : []),
  ], py, depth, ['(', ')'], true);
  const hdrsLine = l.headers === 'variable' ? [`${ind}hdrs = {${auth}}`] : [];
  const fn = (head: string[], call: string, isAsync = false) => [
    ...head, ...before, '', '', `${isAsync ? 'async ' : ''}def save(url, token, body):`, ...hdrsLine, `${ind}${call}`, '',
  ].join(eol);
  return [
    { library: 'requests', language: 'python', text: fn(['import requests'], `requests.put${kwargs(['url'], 1)}`) },
    { library: 'httpx', language: 'python', text: fn(['import httpx'], `httpx.put${kwargs(['url'], 1)}`) },
    { library: 'httpx', language: 'python', text: fn(['import httpx', '', 'client = httpx.Client()'], `client.patch${kwargs(['url'], 1)}`) },
    {
      library: 'aiohttp',
      language: 'python',
      text: fn(['import aiohttp'], `async with aiohttp.ClientSession() as s:${eol}${ind}${ind}await s.put${kwargs(['url'], 2)}`, true),
    },
  ];
}
