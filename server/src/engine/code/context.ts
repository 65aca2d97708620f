/** What every step of the client-code analysis of one document shares. */
import type { EngineConfig } from '../config/config';
import type { Ancestry } from './ancestry';
import type { ModuleBindings } from './imports';
import type { Family } from './parsers';
import type { Scopes } from './scope';
import type { SyntaxIndex } from './syntax-index';

export interface CodeContext {
  family: Family;
  text: string;
  index: SyntaxIndex;
  scopes: Scopes;
  /** Ancestors of nodes: use it, not `Node.parent` (which re-descends from the root on every call). */
  ancestry: Ancestry;
  modules: ModuleBindings;
  config: EngineConfig;
  /** Answers to file-wide questions, asked once per document (e.g. "does `api.interceptors` appear?"). */
  memo: Map<string, boolean>;
}
