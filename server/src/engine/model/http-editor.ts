/**
 * Quick-fix edits in `.http` syntax: add a header line, name an earlier request, insert a read that
 * captures the ETag before a write, or ask for the ETag when the request is sent. References are written in REST Client syntax, which httpYac reads too.
 */
import type { HttpFile, HttpRequest } from '../http/ast';
import { promptsOf } from '../http/prompts';
import type { TextEdit } from '../text/types';
import { lineRange } from '../text/types';
import type { RequestEditor, RequestModel } from './types';
import { rangeOf, startLineOf } from '../text/span';
import { urlPartsOf } from '../http/nodes';

/** Headers worth copying into an inserted read: the ones that authenticate or select the representation. */
const COPIED_HEADERS = /^(authorization|cookie|accept|x-api-key|api-key|ocp-apim-subscription-key|x-ms-version)$/i;

/**
 * The file and models a request's fixes are built against. An editor's analysis keeps one per document and
 * points it at each new version, so a request's model (and its editor) can be reused across versions.
 */
export interface EditorSource {
  readonly file: HttpFile;
  readonly requests: readonly RequestModel[];
}

export class HttpRequestEditor implements RequestEditor {
  constructor(private readonly source: EditorSource, private readonly request: HttpRequest) {}

  private get file(): HttpFile {
    return this.source.file;
  }

  addHeader(name: string, value: string): TextEdit[] {
    const line = this.request.headerInsertLine;
    const header = `${name}: ${value}`;
    // The request's last line is the file's last and has no line end: the header goes after a new one.
    if (line >= this.file.lineCount) {
      const last = rangeOf(this.request.range).end;
      return [{ range: lineRange(last.line, last.character, last.character), newText: `${this.file.eol}${header}` }];
    }
    return [{ range: lineRange(line, 0, 0), newText: `${header}${this.file.eol}` }];
  }

  insertReadBefore(readHeaders: readonly (readonly [string, string])[] = []): { edits: TextEdit[]; etagExpression: string } {
    const eol = this.file.eol;
    const name = this.freshName(`${this.request.name?.value ?? 'resource'}Before${this.request.index + 1}`);
    const copied = this.request.headers.filter((h) => COPIED_HEADERS.test(h.name));
    const read = [
      `# @name ${name}`,
      `GET ${urlPartsOf(this.request.requestLine).map((p) => p.value).join('')}`,
      ...copied.map((h) => `${h.name}: ${h.value}`),
      ...readHeaders.map(([name, value]) => `${name}: ${value}`),
      '',
    ];
    // Insert above the write's own `###` so its title and comments stay with it; the first request has none.
    const separator = this.request.separatorLine;
    const lines = separator === undefined ? [...read, '###'] : ['### Fresh read for the write below', ...read];
    const at = separator ?? startLineOf(this.request.range);
    return {
      edits: [{ range: lineRange(at, 0, 0), newText: lines.join(eol) + eol }],
      etagExpression: `{{${name}.response.headers.ETag}}`,
    };
  }

  referenceTo(target: RequestModel): { edits: TextEdit[]; expression: string } | undefined {
    const req = this.file.requests[target.index];
    if (!req) return undefined;
    if (req.name) return { edits: [], expression: `{{${req.name.value}.response.headers.ETag}}` };
    const name = this.freshName(`read${target.index + 1}`);
    const at = startLineOf(req.requestLine.range);
    return {
      edits: [{ range: lineRange(at, 0, 0), newText: `# @name ${name}${this.file.eol}` }],
      expression: `{{${name}.response.headers.ETag}}`,
    };
  }

  /**
   * The file's counterpart of a function's ETag parameter, for a route whose read the API does not serve:
   * a variable asked for when the request is sent (`# @prompt etag …` above the request line; REST Client,
   * httpYac and Kulala prompt for it). The user gives the ETag of the read their change is based on.
   */
  addEtagParameter(): { edits: TextEdit[]; expression: string; dataFromCaller: boolean } {
    const name = this.freshName('etag');
    const at = startLineOf(this.request.requestLine.range);
    return {
      edits: [{ range: lineRange(at, 0, 0), newText: `# @prompt ${name} The ETag of the resource as you last read it${this.file.eol}` }],
      expression: `{{${name}}}`,
      dataFromCaller: false,
    };
  }

  private freshName(base: string): string {
    const taken = takenNames(this.file, this.source.requests);
    const clean = base.replace(/[^\w-]/g, '');
    let name = clean;
    for (let n = 2; taken.has(name); n++) name = `${clean}${n}`;
    return name;
  }
}

/** Names already in use, per file: built once, since every finding's fix asks (rebuilding it per fix was O(n²)). */
const takenByFile = new WeakMap<HttpFile, Set<string>>();

function takenNames(file: HttpFile, models: readonly RequestModel[]): Set<string> {
  let taken = takenByFile.get(file);
  if (!taken) {
    taken = new Set(file.requests.map((r) => r.name?.value).filter((n): n is string => !!n));
    for (const r of models) if (r.name) taken.add(r.name);
    // Variables too: a fresh `# @prompt` name must not shadow one.
    for (const v of file.variables) taken.add(v.name.value);
    for (const r of file.requests) for (const p of promptsOf(r)) taken.add(p.name);
    takenByFile.set(file, taken);
  }
  return taken;
}
