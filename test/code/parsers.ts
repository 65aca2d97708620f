/** Test helper: the code parsers, loaded once from the built `dist/grammars` (npm run test:unit builds first). */
import { loadCodeParsers } from '../../server/src/host/code-parsers';
import type { CodeParsers } from '../../server/src/engine';

export function testParsers(): Promise<CodeParsers> {
  return loadCodeParsers();
}
