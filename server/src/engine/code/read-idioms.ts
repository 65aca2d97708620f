/**
 * How each library reads a resource and its ETag, for the fixes: the statements that fetch the current ETag
 * before a write, and the expression that reads the ETag of a response already in a variable.
 */
import type { HttpCall } from './calls';
import type { CodeContext } from './context';
import type { HeaderEntry } from './headers';
import { calleeText, unwrap, type Node } from './syntax';

/** Request headers of the write worth sending with the inserted read: the ones that authenticate. */
const COPIED = /^(authorization|cookie|x-api-key|api-key|ocp-apim-subscription-key)$/i;

/** How a response header (the ETag unless a service keeps its version in another) is read, by library. */
function etagAccessor(library: string, family: 'js' | 'python', header = 'ETag'): string {
  if (family === 'python') return `.headers["${header}"]`;
  if (library === 'fetch' || library === 'ky') return `.headers.get('${header}')`;
  const lower = header.toLowerCase();
  return /^[a-z_$][\w$]*$/.test(lower) ? `.headers.${lower}` : `.headers['${lower}']`;
}

/** The statement that refuses to write when the read brought no ETag (`Headers.get` returns null). */
function noEtagGuard(etag: string): string {
  return `if (${etag} === null) throw new Error('The server sent no ETag: refusing to write without a precondition.');`;
}

export interface ReadIdiom {
  lines: string[];
  etag: string;
}

/**
 * Statements that read the write's resource and keep its ETag in `etag`; undefined where there is no idiom.
 * `extra` are header entries (`'Name': 'value'`, in the file's quotes) the service needs on the read.
 */
export function readIdiom(ctx: CodeContext, call: HttpCall, entries: readonly HeaderEntry[], url: string, current: string, etag: string, extra: readonly string[] = []): ReadIdiom | undefined {
  const awaited = isAwaited(ctx.ancestry.of(call.call));
  const py = ctx.family === 'python';
  if (!py && !awaited) return undefined;
  const callee = unwrap(call.callee);
  const object = callee.childForFieldName('object');
  // `axios.put` reads with `axios.get`; a bare `axios(…)` / `got(…)` with `axios.get` / `got.get`.
  const client = object ? calleeText(object) : calleeText(callee);
  const sent = [...entries.filter((e) => COPIED.test(e.name)).map((e) => `${e.nameNode.text}: ${e.value.text}`), ...extra];
  const headers = sent.length === 0 ? '' : py ? `, headers={${sent.join(', ')}}` : `{ headers: { ${sent.join(', ')} } }`;
  const jsOptions = headers ? `, ${headers}` : '';
  const get = (expr: string) => `const ${current} = await ${expr};`;
  const read = `${py ? '' : 'const '}${etag} = ${current}${etagAccessor(call.library, ctx.family)}${py ? '' : ';'}`;
  switch (call.library) {
    // `headers.get` may return null: stop rather than send a write without its precondition (and the check
    // narrows the type, so the fix compiles under TypeScript's strict mode).
    case 'fetch': return { lines: [get(`${calleeText(callee)}(${url}${jsOptions})`), read, noEtagGuard(etag)], etag };
    case 'axios': case 'got': case 'ky': case 'superagent': {
      const lines = [get(`${client}.get(${url}${call.library === 'superagent' ? '' : jsOptions})`), read];
      return { lines: call.library === 'ky' ? [...lines, noEtagGuard(etag)] : lines, etag };
    }
    case 'undici':
      if (call.shape.urlOption === 'path') return object ? { lines: [get(`${client}.request({ path: ${url}, method: 'HEAD' })`), read], etag } : undefined;
      return { lines: [get(`${calleeText(callee)}(${url}, { method: 'HEAD'${headers ? `, ${headers.slice(2, -2)}` : ''} })`), read], etag };
    case 'requests': case 'httpx':
      if (!object) return undefined;
      return { lines: [`${current} = ${awaited ? 'await ' : ''}${client}.get(${url}${headers})`, read], etag };
    case 'aiohttp':
      return object ? { lines: [`async with ${client}.get(${url}${headers}) as ${current}:`, `    ${read}`], etag } : undefined;
    default:
      return undefined;
  }
}

/**
 * The expression, valid at `use`, for the ETag of `read`'s response: a variable that already holds it, else
 * the response variable with the library's accessor. Undefined when the response was not kept.
 */
export function etagOfResponse(ctx: CodeContext, use: Node, read: HttpCall, header = 'ETag'): string | undefined {
  let response: string | undefined;
  let headersName: string | undefined;
  for (const key of ctx.scopes.all.keys()) {
    const b = ctx.scopes.lookup(key, use);
    if (!b || unwrap(b.value).id !== read.call.id) continue;
    if (b.path.length === 0) response = key;
    else if (b.path[0] === 'headers') headersName = key;
  }
  if (response) {
    for (const key of ctx.scopes.all.keys()) {
      const b = ctx.scopes.lookup(key, use);
      const text = b && b.path.length === 0 ? calleeText(b.value) : '';
      if (text.startsWith(`${response}.header`) && text.toLowerCase().includes(header.toLowerCase())) return key;
    }
  }
  const accessor = etagAccessor(read.library, ctx.family, header);
  if (response) return response + accessor;
  return headersName && headersName + accessor.slice('.headers'.length);
}

/** True when the call is awaited: an `await` between it and its statement (`ancestors` root first). */
function isAwaited(ancestors: readonly Node[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const n = ancestors[i];
    if (n.type === 'await_expression' || n.type === 'await') return true;
    if (n.type.endsWith('statement') || n.type === 'variable_declarator') return false;
  }
  return false;
}
