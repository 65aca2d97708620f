/**
 * Where a `{{name}}` gets its value, in the runner's order: `--var`/caller overrides, variables declared in the
 * request's own block, `client.global` captures, file variables (the last declaration above the request, else
 * the first below it), then the environment. The runner substitutes with it (variables.ts) and the language
 * server's hover says the value and its origin with it, so the two can never disagree.
 */
import type { FileVariable, HttpFile } from '../../engine';
import { startLineOf } from '../../engine/text/span';

/** What a lookup may read. */
export interface LookupScope {
  file: HttpFile;
  /** 0-based line the name is used on: file variables above it win over those below. */
  line: number;
  /** Variables declared in the request's own block (none outside a request). */
  local: readonly FileVariable[];
  overrides: Readonly<Record<string, string>>;
  globals: ReadonlyMap<string, string>;
  environment: Readonly<Record<string, string>>;
}

export type VariableOrigin =
  | { kind: 'override' }
  | { kind: 'request-variable'; line: number }
  | { kind: 'global' }
  | { kind: 'file-variable'; line: number }
  | { kind: 'environment' };

/** The raw value of `name` (templates inside it unsubstituted) and where it was found, or undefined. */
export function findVariable(name: string, scope: LookupScope): { value: string; origin: VariableOrigin } | undefined {
  if (Object.prototype.hasOwnProperty.call(scope.overrides, name)) return { value: scope.overrides[name], origin: { kind: 'override' } };
  const local = lastOf(scope.local.filter((v) => v.name.value === name));
  if (local) return { value: local.value.value, origin: { kind: 'request-variable', line: startLineOf(local.range) } };
  const captured = scope.globals.get(name);
  if (captured !== undefined) return { value: captured, origin: { kind: 'global' } };
  const declared = scope.file.variables.filter((v) => v.name.value === name);
  const chosen = lastOf(declared.filter((v) => startLineOf(v.range) < scope.line)) ?? declared[0];
  if (chosen) return { value: chosen.value.value, origin: { kind: 'file-variable', line: startLineOf(chosen.range) } };
  return Object.prototype.hasOwnProperty.call(scope.environment, name) ? { value: scope.environment[name], origin: { kind: 'environment' } } : undefined;
}

function lastOf<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}
