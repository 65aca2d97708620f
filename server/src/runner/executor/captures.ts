/**
 * Applies JetBrains response handlers without running them: the `client.global.set(...)` calls that
 * engine/http/handlers.ts recognises statically are evaluated against the response and stored in the session.
 */
import type { HttpRequest } from '../../engine';
import { handlerCaptures, type HandlerCapture } from '../../engine/http/handlers';
import { RunnerError } from './errors';
import { bodyValue, referencedHeader } from './response-refs';
import type { Session } from './session';
import type { RunResponse } from './types';
import { startLineOf } from '../../engine/text/span';

/** Every capture of `request`'s handlers. */
export function capturesOf(request: HttpRequest): HandlerCapture[] {
  return request.scripts.flatMap(handlerCaptures);
}

/** Stores the captured values; returns one message per capture that found nothing. */
export function applyCaptures(request: HttpRequest, response: RunResponse, session: Session): string[] {
  const problems: string[] = [];
  const label = request.name?.value ?? `line ${startLineOf(request.requestLine.range) + 1}`;
  for (const capture of capturesOf(request)) {
    try {
      const value = capture.source.kind === 'header'
        ? referencedHeader(response.headers, capture.source.name, label)
        : bodyValue(response.body.toString('utf8'), capture.source.path, `the response body of ${label}`);
      session.globals.set(capture.variable, value);
    } catch (err) {
      if (!(err instanceof RunnerError)) throw err;
      problems.push(`client.global.set("${capture.variable}", …): ${err.message}`);
    }
  }
  return problems;
}
