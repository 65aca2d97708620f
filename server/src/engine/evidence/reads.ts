/**
 * Whether a fix may insert a read before a write: not where a description of the API (an OpenAPI document of
 * the workspace) covers the write's path and declares no GET on it — the inserted request would get 404 or
 * 405 and protect nothing. The one place the fix builders of `.http` files and client code ask.
 */
import type { EngineConfig } from '../config/config';
import type { RequestModel } from '../model/types';
import { targetOf } from './targets';

/** The sentence saying why no read may be inserted before `request` ("openapi.yaml declares no GET on /items/{id}"), or undefined. */
export function readNotServed(request: RequestModel, config: EngineConfig): string | undefined {
  const target = targetOf(request);
  if (!target) return undefined;
  let without: string | undefined;
  for (const source of config.evidenceSources) {
    const said = source.readOf?.(target);
    if (said?.get) return undefined;
    if (said) without ??= said.sentence;
  }
  return without;
}
