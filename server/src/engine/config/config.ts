/**
 * The engine's configuration: one shape for VS Code settings (`etagGuard.*`), `.etagguardrc.json` and CLI
 * flags, so the editor and CI judge a file the same way.
 */
import type { ApiPolicy, EvidenceSource } from '../evidence/types';
import type { Level } from './levels';
import { parseLevel } from './levels';

export interface EngineConfig {
  /** Per-rule level overrides; rules not named keep their default. */
  rules: Readonly<Record<string, Level>>;
  /** Treat POST as a write that needs a precondition (off by default: POST usually creates). */
  includePost: boolean;
  /** More header or query-parameter names that count as a precondition (a team's or a service's own). */
  extraPreconditions: readonly string[];
  /** Hosts that issue and accept weak ETags in If-Match (FHIR servers do): `*.example.org` patterns. */
  weakEtagHosts: readonly string[];
  /** The server returns the new ETag on writes, so a later write may reuse it. */
  serverReturnsEtagOnWrite: boolean;
  /**
   * Variables of the active environment, used to resolve targets. (Not `environment`: that setting is the
   * runner's name of the active environment.)
   */
  environmentVariables: Readonly<Record<string, string>>;
  /** Names defined in any environment file: a `{{name}}` among them is not "defined nowhere". */
  environmentNames: readonly string[];
  /**
   * More such names, read by the host only when asked: finding the environment files lists every folder up to the
   * file system's root (6–12 ms on a first analysis), and only an unresolved `{{variable}}` needs their names. Set by
   * hosts, never read from JSON; asked at most once per configuration (`unknown-reference`).
   */
  environmentFileNames?: () => readonly string[];
  /** Client code: team wrappers whose argument N is the precondition (see docs/configuration.md). */
  wrappers: readonly WrapperConfig[];
  /** Client-code files larger than this many bytes are skipped with one info message. */
  maxCodeFileBytes: number;
  /**
   * Warn on every unguarded write, evidence or not (the behaviour before evidence). Off: a write warns only
   * where evidence says the API versions the resource; elsewhere it is a hint.
   */
  strict: boolean;
  /** `.etagguardrc.json` `apis`: what a team states about its own APIs (see docs/configuration.md). */
  apis: readonly ApiPolicy[];
  /**
   * Evidence from outside the document (OpenAPI documents, the runner's observations). Set by hosts, never
   * read from JSON.
   */
  evidenceSources: readonly EvidenceSource[];
}

export interface WrapperConfig {
  /** Callee as written: `api.update`, `client.put`, `update_item`. */
  callee: string;
  method: string;
  /** 0-based index of the argument holding the URL, if any. */
  urlArg?: number;
  /** 0-based index of the argument holding the ETag precondition. */
  etagArg: number;
}

export const DEFAULT_CONFIG: EngineConfig = {
  rules: {},
  includePost: false,
  extraPreconditions: [],
  weakEtagHosts: [],
  serverReturnsEtagOnWrite: false,
  environmentVariables: {},
  environmentNames: [],
  wrappers: [],
  maxCodeFileBytes: 2 * 1024 * 1024,
  strict: false,
  apis: [],
  evidenceSources: [],
};

export interface ConfigProblem {
  path: string;
  message: string;
}

/**
 * Reads a partial configuration (parsed JSON from `.etagguardrc.json` or settings) over a base, reporting every
 * value it had to ignore instead of failing.
 */
export function mergeConfig(base: EngineConfig, raw: unknown, problems: ConfigProblem[] = []): EngineConfig {
  if (raw === null || raw === undefined) return base;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ path: '', message: 'configuration must be a JSON object' });
    return base;
  }
  const o = raw as Record<string, unknown>;
  const out: EngineConfig = { ...base, rules: { ...base.rules } };
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null) problems.push({ path: 'rules', message: 'must be an object of rule id → level' });
    else {
      const rules: Record<string, Level> = { ...base.rules };
      for (const [id, value] of Object.entries(o.rules)) {
        const level = parseLevel(value);
        if (level) rules[id] = level;
        else problems.push({ path: `rules.${id}`, message: `unknown level ${JSON.stringify(value)} (off, info, warning, error)` });
      }
      out.rules = rules;
    }
  }
  const bool = (key: 'includePost' | 'serverReturnsEtagOnWrite' | 'strict') => {
    if (o[key] === undefined) return;
    if (typeof o[key] === 'boolean') out[key] = o[key] as boolean;
    else problems.push({ path: key, message: 'must be true or false' });
  };
  bool('includePost');
  bool('serverReturnsEtagOnWrite');
  bool('strict');
  const strings = (key: 'extraPreconditions' | 'weakEtagHosts' | 'environmentNames') => {
    if (o[key] === undefined) return;
    if (Array.isArray(o[key]) && (o[key] as unknown[]).every((x) => typeof x === 'string')) out[key] = o[key] as string[];
    else problems.push({ path: key, message: 'must be an array of strings' });
  };
  strings('extraPreconditions');
  strings('weakEtagHosts');
  strings('environmentNames');
  if (o.environmentVariables !== undefined) {
    const ev = o.environmentVariables;
    if (typeof ev === 'object' && ev !== null && !Array.isArray(ev)) {
      out.environmentVariables = Object.fromEntries(Object.entries(ev).map(([k, v]) => [k, String(v)]));
    } else problems.push({ path: 'environmentVariables', message: 'must be an object of name → value' });
  }
  if (o.maxCodeFileBytes !== undefined) {
    if (typeof o.maxCodeFileBytes === 'number' && o.maxCodeFileBytes > 0) out.maxCodeFileBytes = o.maxCodeFileBytes;
    else problems.push({ path: 'maxCodeFileBytes', message: 'must be a positive number' });
  }
  if (o.wrappers !== undefined) out.wrappers = readWrappers(o.wrappers, problems);
  if (o.apis !== undefined) out.apis = readApis(o.apis, problems);
  return out;
}

const PRECONDITION_POLICIES = ['required', 'supported', 'none'];

function readApis(raw: unknown, problems: ConfigProblem[]): ApiPolicy[] {
  if (!Array.isArray(raw)) {
    problems.push({ path: 'apis', message: 'must be an array of { match, preconditions }' });
    return [];
  }
  const out: ApiPolicy[] = [];
  raw.forEach((a, i) => {
    const o = (a ?? {}) as Record<string, unknown>;
    if (typeof o.match === 'string' && o.match.trim() !== '' && PRECONDITION_POLICIES.includes(o.preconditions as string)) {
      out.push({ match: o.match, preconditions: o.preconditions as ApiPolicy['preconditions'] });
    } else problems.push({ path: `apis[${i}]`, message: 'needs match (a URL, route or host pattern) and preconditions (required, supported or none)' });
  });
  return out;
}

function readWrappers(raw: unknown, problems: ConfigProblem[]): WrapperConfig[] {
  if (!Array.isArray(raw)) {
    problems.push({ path: 'wrappers', message: 'must be an array' });
    return [];
  }
  const out: WrapperConfig[] = [];
  raw.forEach((w, i) => {
    const o = (w ?? {}) as Record<string, unknown>;
    if (typeof o.callee === 'string' && typeof o.method === 'string' && Number.isInteger(o.etagArg)) {
      out.push({
        callee: o.callee, method: o.method.toUpperCase(), etagArg: o.etagArg as number,
        urlArg: Number.isInteger(o.urlArg) ? (o.urlArg as number) : undefined,
      });
    } else problems.push({ path: `wrappers[${i}]`, message: 'needs callee (string), method (string) and etagArg (integer)' });
  });
  return out;
}
