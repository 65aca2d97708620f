/**
 * Static variable resolution for analysis: file variables (the last declaration wins, as in REST Client) and
 * the active environment. Anything unknown is left as its `{{template}}` text so it still compares equal to
 * itself. Bounded depth, so `@a = {{b}}` / `@b = {{a}}` terminates.
 */
import type { HttpFile } from '../http/ast';

const MAX_DEPTH = 8;

export class StaticVariables {
  private readonly values = new Map<string, string>();

  constructor(file: HttpFile, environment: Readonly<Record<string, string>> = {}) {
    for (const [k, v] of Object.entries(environment)) this.values.set(k, v);
    for (const v of file.variables) this.values.set(v.name.value, v.value.value);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The raw declared value (before substitution). */
  raw(name: string): string | undefined {
    return this.values.get(name);
  }

  /** Substitutes known variables in `text`; unknown templates and `$dynamic` values stay as written. */
  resolve(text: string, depth = 0): string {
    if (depth >= MAX_DEPTH || !text.includes('{{')) return text;
    return text.replace(/\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g, (whole, name: string) => {
      const value = this.values.get(name);
      return value === undefined ? whole : this.resolve(value, depth + 1);
    });
  }
}
