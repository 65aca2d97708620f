/**
 * Evidence that a server versions a resource (or says it does not), per write target. The rule that asks
 * "does this write ignore a version the server keeps?" reads only this interface; where each piece comes from
 * (the same file, an OpenAPI document, what the runner saw, the catalogue, client code, the configuration)
 * is the business of the source that produced it.
 */

/** Where a write goes: the origin and the route, with ids and templates as `{}` segments. */
export interface WriteTarget {
  method: string;
  /** `https://api.example.com` (lower-case, port kept), `{{baseUrl}}` for an unresolved base, '' for relative. */
  origin: string;
  /** The path as written, query dropped: `/items/{{id}}`, `/items/7`. */
  path: string;
  /** The route template: `/items/{}` (ids, templates and `{param}` become `{}`). */
  route: string;
}

/** Who produced a piece of evidence. */
export type EvidenceKind =
  /** A request, capture or script of the same `.http` file or module. */
  | 'same-file'
  /** An OpenAPI 3.x / Swagger 2 document of the workspace. */
  | 'openapi'
  /** A response the runner (or a probe) received. */
  | 'observed'
  /** The catalogue of well-known services. */
  | 'catalogue'
  /** `.etagguardrc.json` `apis`. */
  | 'config'
  /** Client code handling the API's ETags or 412/428 (e.g. a response's `etag` read by the same module). */
  | 'client-code';

/**
 * What the evidence says: the server versions the resource (`versioned`: a write without a precondition can
 * lose an update), or it does not (`unversioned`: a precondition would be refused or ignored, stay silent).
 */
export type Verdict = 'versioned' | 'unversioned';

export interface Evidence {
  kind: EvidenceKind;
  verdict: Verdict;
  /** One sentence a user can check: "openapi.yaml declares If-Match on PUT /items/{id}". */
  sentence: string;
  /** The document it was found in (a path or URI); absent for the linted file itself. */
  document?: string;
  /** 0-based line in that document (or in the linted file for same-file evidence). */
  line?: number;
  /** When it was observed (ISO 8601), for observed evidence. */
  at?: string;
  /**
   * A guess from the shape of the path alone (`/Patient/7` on any host is probably FHIR): alone it makes a hint
   * that names the service; it warns only when another piece of evidence agrees. Documentation and demo files
   * are full of such paths on servers whose users never share a resource.
   */
  tentative?: true;
}

/**
 * A source of evidence outside the linted document. Hosts build them from the workspace (OpenAPI documents,
 * the runner's store) with the constructors of this module; the catalogue and the configuration are sources
 * too. `lookup` must be cheap: it runs once per write.
 */
export interface EvidenceSource {
  /** A short name for `--explain-evidence` and logs: "openapi", "observed", "catalogue", … */
  readonly name: string;
  lookup(target: WriteTarget): readonly Evidence[];
  /**
   * Optional: whether the source describes the target's path and, if so, whether it declares a GET there
   * (undefined when it says nothing about the path). A fix must not insert a read the API does not serve.
   */
  readOf?(target: WriteTarget): ReadDeclaration | undefined;
}

/** What a description of an API says about reading a write's path. */
export type ReadDeclaration =
  | { get: true }
  /** `sentence`: "openapi.yaml declares no GET on /items/{id}". */
  | { get: false; sentence: string };

/** `.etagguardrc.json` `apis[]`: what a team states about its own APIs. */
export interface ApiPolicy {
  /** `https://api.example.com`, `https://api.example.com/items/{id}`, `/items/*`, `*.internal.example`: see docs. */
  match: string;
  /** required: the server answers 428 without one; supported: it honours them; none: it keeps no versions. */
  preconditions: 'required' | 'supported' | 'none';
}
