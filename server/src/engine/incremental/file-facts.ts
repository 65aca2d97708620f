/**
 * The file-wide facts every lowering reads (`FileFacts`: handler variable names, scripts, imports, prompts) of an
 * editor's document, counted per request and kept by the delta of changed requests, so a keystroke does not walk
 * every request's scripts and metadata to learn that they did not change.
 */
import type { HttpFile } from '../http/ast';
import { capturesOf, factsOf, type FileFacts, type RequestFacts } from '../model/http-lowering';

export class FileFactCounts {
  private readonly captures = new Map<string, number>();
  private readonly prompts = new Map<string, number>();
  private scripted = 0;
  private imports = 0;
  /** True when a name appeared or went, or a count crossed zero, since `facts` was last read. */
  private moved = true;
  private globals = '';
  private facts: FileFacts | undefined;

  add(f: RequestFacts): void {
    this.count(f, 1);
  }

  remove(f: RequestFacts): void {
    this.count(f, -1);
  }

  /** The facts of `file` (its global scripts read here: a file has few), and whether they changed since the last call. */
  current(file: HttpFile): { facts: FileFacts; changed: boolean } {
    const globals = JSON.stringify(file.scripts.map((s) => capturesOf(s).map((c) => c.variable)));
    if (!this.moved && globals === this.globals && this.facts) return { facts: this.facts, changed: false };
    const facts = factsOf(this.captures.keys(), this.prompts.keys(), this.scripted > 0, this.imports > 0, file.scripts);
    // A name removed and added back by one keystroke (retyping a request that captures it) changes nothing.
    const changed = !this.facts || !sameFacts(this.facts, facts);
    if (changed) this.facts = facts;
    this.globals = globals;
    this.moved = false;
    return { facts: this.facts!, changed };
  }

  private count(f: RequestFacts, by: 1 | -1): void {
    for (const c of f.captures) this.bump(this.captures, c, by);
    for (const p of f.prompts) this.bump(this.prompts, p, by);
    if (f.scripted) this.moved = flips(this.scripted, this.scripted += by) || this.moved;
    if (f.imports) this.moved = flips(this.imports, this.imports += by) || this.moved;
  }

  private bump(map: Map<string, number>, key: string, by: 1 | -1): void {
    const n = (map.get(key) ?? 0) + by;
    if (n > 0) map.set(key, n);
    else map.delete(key);
    if (n === 0 || (n === 1 && by === 1)) this.moved = true;
  }
}

function sameFacts(a: FileFacts, b: FileFacts): boolean {
  return a.importsRequests === b.importsRequests && sameSet(a.handlerVarNames, b.handlerVarNames) && sameSet(a.promptNames, b.promptNames);
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function flips(before: number, after: number): boolean {
  return (before > 0) !== (after > 0);
}
