/**
 * PATCH semantics for JSON, shared by the demo API (which applies patches) and refresh-and-retry (which shows
 * what a patch will change): RFC 7396 merge-patch (recursive, null deletes) and "plain JSON", which many APIs
 * treat as a shallow field overwrite.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7396 §2 MergePatch(Target, Patch). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    // defineProperty, not assignment: a "__proto__" key from JSON.parse must stay a plain field.
    else define(result, key, mergePatch(result[key], value));
  }
  return result;
}

function define(obj: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** application/json PATCH: top-level fields replace, nothing is deleted. */
export function shallowMerge(target: JsonObject, patch: JsonObject): JsonObject {
  return { ...target, ...patch };
}
