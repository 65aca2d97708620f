/**
 * The catalogue of well-known services and their precondition forms, as data. Each entry says how to recognise
 * the service from a request (host, port, path), whether it versions what it stores, how it spells a
 * precondition (recognised as a guard, so a write that carries it is not "missing" one), and the precondition
 * a fix should add. Adding a service means adding an object here, a fixture line in catalogue.test.ts and a
 * row in docs/rules/missing-precondition.md.
 */

export interface KnownService {
  /** Stable id: `gcs`, `azure-blob`, `ms-graph`, … */
  id: string;
  name: string;
  /** How a request to the service looks. Any one of `hosts`, `host` or `port` must hold, and `path` when given. */
  recognise: {
    /** `host` / `*.host` patterns. */
    hosts?: readonly string[];
    /** For hosts `*.` cannot say (`bucket.s3.eu-west-1.amazonaws.com`). */
    host?: RegExp;
    /** The service's well-known port (CouchDB 5984), for self-hosted instances. */
    port?: number;
    /** Matched against the URL path (templates kept as written). */
    path?: RegExp;
    /** The path alone names the service when the origin is not known (`{{ES}}/orders/_doc/7`). */
    pathIdentifies?: boolean;
  };
  /**
   * `versioned`: the service keeps a version of the resource and honours the precondition when sent, so a write
   * without it can overwrite a concurrent update unseen. `enforced`: the service refuses an update that does not
   * name the current version (CouchDB 409, GitHub 422), so no update is lost silently: nothing to warn about.
   * `none`: the service keeps no version a write could name (its writes take no If-Match and no version field), so
   * no precondition exists there: a warning could not be acted on, and its writes are out of scope (evidence/scope.ts).
   */
  versioning: 'versioned' | 'enforced' | 'none';
  /**
   * Paths where the service refuses a write that carries no precondition (Planner answers 428/412): there a
   * missing one is a bug whatever the write means to do, so client code hears of it even where a write of that
   * kind is otherwise only a hint (rules/code-catalogue-only.ts).
   */
  requiredOn?: RegExp;
  /** Why, in a few words a user can check. */
  why: string;
  /** Guards beside If-Match / If-Unmodified-Since / If-None-Match: *. */
  guards?: {
    /** Header names, any case. */
    headers?: readonly string[];
    queryParams?: readonly string[];
    /** Parameters that guard only together (Elasticsearch `if_seq_no` + `if_primary_term`). */
    pairedQueryParams?: ReadonlyArray<readonly [string, string]>;
    /** The version carried in the body, as written in the code or request body. */
    body?: RegExp;
    /**
     * Create-only forms written into the URL, refused when the resource exists (Elasticsearch `/_create/{id}`,
     * `?op_type=create`): the service's own `If-None-Match: *`. `path` is matched against the path, `query`
     * against the query string.
     */
    createOnly?: { path?: RegExp; query?: RegExp };
  };
  /** The precondition a fix adds (`value` is a placeholder the user fills), and its create-only form. */
  fix?: {
    header?: readonly [name: string, value: string];
    queryParam?: readonly [name: string, value: string];
    /** Where the version a fix needs comes from, for the fix title: "the generation of the object you read". */
    from: string;
    /**
     * The response header of a read that carries the version `header` wants, when it is not the ETag (GCS
     * `x-goog-generation`): a fix threads it from the read in scope. Without it, the read's ETag is threaded.
     */
    responseHeader?: string;
    /**
     * Request headers without which the service's read returns no version (Firebase sends an ETag only to a read
     * that asks with `X-Firebase-ETag: true`): an inserted read sends them, or the fix could never write.
     */
    readHeaders?: readonly (readonly [name: string, value: string])[];
    createOnly?: { header?: readonly [string, string]; queryParam?: readonly [string, string] };
  };
  /** The service's own documentation of its concurrency control. */
  docs: string;
}

/** FHIR resource types common enough to recognise a FHIR server by its paths (`/Patient/123`). */
const FHIR_TYPES = [
  'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Observation', 'Encounter', 'Condition', 'Procedure',
  'Medication', 'MedicationRequest', 'MedicationStatement', 'AllergyIntolerance', 'DiagnosticReport', 'Immunization',
  'CarePlan', 'CareTeam', 'Location', 'HealthcareService', 'Coverage', 'Claim', 'Questionnaire', 'QuestionnaireResponse',
  'ServiceRequest', 'Appointment', 'Device', 'DocumentReference', 'Consent', 'Goal', 'Task', 'Specimen', 'Composition',
];

export const SERVICES: readonly KnownService[] = [
  {
    id: 'gcs', name: 'Google Cloud Storage', recognise: { hosts: ['storage.googleapis.com', '*.storage.googleapis.com'] },
    versioning: 'versioned', why: 'versions every object (generation, metageneration)',
    guards: { headers: ['x-goog-if-generation-match', 'x-goog-if-metageneration-match'], queryParams: ['ifGenerationMatch', 'ifMetagenerationMatch'] },
    fix: { header: ['x-goog-if-generation-match', 'generation'], from: 'the generation of the object you read', responseHeader: 'x-goog-generation', createOnly: { header: ['x-goog-if-generation-match', '0'] } },
    docs: 'https://cloud.google.com/storage/docs/request-preconditions',
  },
  {
    id: 's3', name: 'Amazon S3', recognise: { hosts: ['s3.amazonaws.com', '*.s3.amazonaws.com'], host: /(^|\.)s3[.-][a-z0-9-]+\.amazonaws\.com$/ },
    versioning: 'versioned', why: 'returns an ETag for every object and honours If-Match / If-None-Match on PUT',
    fix: { header: ['If-Match', 'etag'], from: 'the ETag of the object you read', createOnly: { header: ['If-None-Match', '*'] } },
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-requests.html',
  },
  {
    id: 'azure-blob', name: 'Azure Blob Storage', recognise: { hosts: ['*.blob.core.windows.net', '*.dfs.core.windows.net'] },
    versioning: 'versioned', why: 'returns an ETag for every blob and honours If-Match',
    fix: { header: ['If-Match', 'etag'], from: 'the ETag of the blob you read', createOnly: { header: ['If-None-Match', '*'] } },
    docs: 'https://learn.microsoft.com/rest/api/storageservices/specifying-conditional-headers-for-blob-service-operations',
  },
  {
    // Reached from client code through the Dropbox SDKs (code/sdks.ts): the raw API is RPC-style POSTs whose
    // `Dropbox-API-Arg` header carries the mode, so the SDK call is read as a PUT of the file it names.
    id: 'dropbox', name: 'Dropbox', recognise: { hosts: ['content.dropboxapi.com'] },
    versioning: 'versioned', why: 'keeps a rev for every file and refuses an upload in mode update(rev) once the file has changed',
    docs: 'https://www.dropbox.com/developers/documentation/http/documentation#files-upload',
  },
  {
    id: 'azure-cosmos', name: 'Azure Cosmos DB', recognise: { hosts: ['*.documents.azure.com'] },
    versioning: 'versioned', why: 'keeps an _etag on every document and honours If-Match on replace',
    fix: { header: ['If-Match', '_etag'], from: 'the _etag of the document you read' },
    docs: 'https://learn.microsoft.com/azure/cosmos-db/nosql/database-transactions-optimistic-concurrency',
  },
  {
    id: 'ms-graph', name: 'Microsoft Graph (OneDrive, SharePoint lists, Planner)', recognise: { hosts: ['graph.microsoft.com'] },
    versioning: 'versioned', requiredOn: /\/planner\//, why: 'returns an ETag (@odata.etag) for drive items, list items and planner objects and honours If-Match',
    fix: { header: ['If-Match', '@odata.etag'], from: "the @odata.etag of the item you read" },
    docs: 'https://learn.microsoft.com/graph/api/resources/planner-overview#common-planner-error-conditions',
  },
  {
    id: 'sharepoint', name: 'SharePoint REST', recognise: { hosts: ['*.sharepoint.com'], path: /\/_api\// },
    versioning: 'versioned', why: 'returns an etag for list items (__metadata.etag, odata.etag) and honours If-Match',
    fix: { header: ['If-Match', 'etag'], from: 'the etag of the item you read (its ETag header, or __metadata.etag / odata.etag in the body)' },
    docs: 'https://learn.microsoft.com/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest',
  },
  {
    id: 'google-calendar', name: 'Google Calendar', recognise: { hosts: ['www.googleapis.com', 'googleapis.com'], path: /\/calendar\/v3\// },
    versioning: 'versioned', why: 'returns an etag for every event and honours If-Match',
    fix: { header: ['If-Match', 'etag'], from: 'the etag of the event you read' },
    docs: 'https://developers.google.com/calendar/api/guides/version-resources',
  },
  {
    id: 'google-drive-v2', name: 'Google Drive API v2', recognise: { hosts: ['www.googleapis.com', 'googleapis.com'], path: /\/drive\/v2\// },
    versioning: 'versioned', why: 'returns an etag for every file and honours If-Match',
    fix: { header: ['If-Match', 'etag'], from: 'the etag of the file you read' },
    docs: 'https://developers.google.com/drive/api/guides/performance#etags',
  },
  {
    // Firestore's REST API versions each document by its updateTime and takes the precondition as a query parameter
    // of PATCH and DELETE, not as If-Match (it sends no ETag): `currentDocument.updateTime` for an update,
    // `currentDocument.exists=false` to create only (real code: a counter document read, incremented and PATCHed back).
    id: 'firestore', name: 'Cloud Firestore (REST)', recognise: { hosts: ['firestore.googleapis.com'], path: /\/databases\/[^/]+\/documents\// },
    versioning: 'versioned', why: 'keeps an updateTime per document and honours currentDocument.updateTime on PATCH and DELETE',
    guards: { queryParams: ['currentDocument.updateTime'], createOnly: { query: /(?:^|&)currentDocument\.exists=false(?:&|$)/ } },
    fix: { queryParam: ['currentDocument.updateTime', 'updateTime'], from: 'the updateTime of the document you read', createOnly: { queryParam: ['currentDocument.exists', 'false'] } },
    docs: 'https://firebase.google.com/docs/firestore/reference/rest/v1/Precondition',
  },
  {
    id: 'firebase-rtdb', name: 'Firebase Realtime Database', recognise: { hosts: ['*.firebaseio.com', '*.firebasedatabase.app'] },
    versioning: 'versioned', why: 'returns an ETag when asked (X-Firebase-ETag: true) and honours If-Match',
    fix: { header: ['If-Match', 'etag'], from: 'the ETag of a read sent with X-Firebase-ETag: true', readHeaders: [['X-Firebase-ETag', 'true']] },
    docs: 'https://firebase.google.com/docs/reference/rest/database#section-conditional-requests',
  },
  {
    id: 'fhir', name: 'FHIR server', recognise: { path: new RegExp(`/(${FHIR_TYPES.join('|')})/[^/$?]+(/?$|\\?)`) },
    versioning: 'versioned', why: 'versions every resource (meta.versionId) and honours If-Match: W/"n" on update',
    fix: { header: ['If-Match', 'W/"versionId"'], from: 'W/"<meta.versionId>" of the resource you read' },
    docs: 'https://hl7.org/fhir/http.html#concurrency',
  },
  {
    id: 'webdav', name: 'WebDAV / CalDAV / CardDAV', recognise: { path: /\/(remote\.php\/(dav|webdav)|caldav|carddav|webdav)\/|\.(ics|vcf)$/i },
    versioning: 'versioned', why: 'returns an ETag (getetag) for every resource and honours If-Match (RFC 4918, 4791, 6352)',
    fix: { header: ['If-Match', 'etag'], from: 'the ETag (getetag) of the resource you read', createOnly: { header: ['If-None-Match', '*'] } },
    docs: 'https://www.rfc-editor.org/rfc/rfc4791#section-5.3.4',
  },
  {
    id: 'elasticsearch', name: 'Elasticsearch / OpenSearch', recognise: { port: 9200, hosts: ['*.es.io', '*.elastic-cloud.com', '*.found.io', '*.bonsai.io', '*.bonsaisearch.net', '*.aivencloud.com'], path: /\/_(doc|update|create)\//, pathIdentifies: true },
    versioning: 'versioned', why: 'keeps a sequence number and primary term per document and honours if_seq_no + if_primary_term',
    guards: { queryParams: ['version'], pairedQueryParams: [['if_seq_no', 'if_primary_term']], createOnly: { path: /\/_create\/[^/]+\/?$/, query: /(?:^|&)op_type=create(?:&|$)/ } },
    fix: { queryParam: ['if_seq_no', '_seq_no'], from: 'the _seq_no and _primary_term of the document you read' },
    docs: 'https://www.elastic.co/guide/en/elasticsearch/reference/current/optimistic-concurrency-control.html',
  },
  {
    id: 'kubernetes', name: 'Kubernetes API', recognise: { port: 6443, hosts: ['kubernetes.default.svc', 'kubernetes.default'], path: /\/(api\/v1|apis\/[^/]+\/[^/]+)\/(namespaces\/|nodes|persistentvolumes)/, pathIdentifies: true },
    versioning: 'versioned', why: 'versions every object (metadata.resourceVersion); a PUT without it is an unconditional update',
    guards: { body: /\bresourceVersion\b/ },
    fix: { from: 'metadata.resourceVersion of the object you read' },
    docs: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions',
  },
  {
    id: 'consul-kv', name: 'Consul KV', recognise: { port: 8500, path: /\/v1\/kv\//, pathIdentifies: true },
    versioning: 'versioned', why: 'keeps a ModifyIndex per key and honours ?cas=<index>',
    // A lock's acquire / release (a session) is conditional on the lock by construction: its own concurrency.
    guards: { queryParams: ['cas', 'acquire', 'release'] },
    fix: { queryParam: ['cas', 'ModifyIndex'], from: 'the ModifyIndex of the key you read', createOnly: { queryParam: ['cas', '0'] } },
    docs: 'https://developer.hashicorp.com/consul/api-docs/kv#cas',
  },
  {
    id: 'vault-kv2', name: 'Vault KV v2', recognise: { port: 8200, path: /\/v1\/[^/]+\/data\// },
    versioning: 'versioned', why: 'versions every secret and honours options.cas on write',
    guards: { body: /\bcas\b/ },
    fix: { from: 'the version of the secret you read (options.cas)' },
    docs: 'https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2#create-update-secret',
  },
  {
    id: 'zotero', name: 'Zotero Web API', recognise: { hosts: ['api.zotero.org'] },
    versioning: 'versioned', why: 'versions every object and library and honours If-Unmodified-Since-Version',
    guards: { headers: ['If-Unmodified-Since-Version'] },
    fix: { header: ['If-Unmodified-Since-Version', 'version'], from: 'the version of the object you read', responseHeader: 'Last-Modified-Version' },
    docs: 'https://www.zotero.org/support/dev/web_api/v3/syncing#concurrency_control',
  },
  {
    id: 'couchdb', name: 'CouchDB / Cloudant', recognise: { port: 5984, hosts: ['*.cloudant.com', '*.cloudantnosqldb.appdomain.cloud'] },
    versioning: 'enforced', why: 'refuses an update without the current revision (409 Conflict): a write without _rev can only create',
    guards: { queryParams: ['rev'], body: /["']?_rev["']?\s*[:=]/ },
    docs: 'https://docs.couchdb.org/en/stable/api/document/common.html#put--db-docid',
  },
  {
    id: 'github-contents', name: 'GitHub contents API', recognise: { hosts: ['api.github.com'], path: /\/repos\/([^/]+\/[^/]+|\{\{[^}]+\}\})\/contents\//, pathIdentifies: true },
    versioning: 'enforced', why: 'refuses to replace a file without the blob sha it replaces (409/422)',
    guards: { body: /\bsha\b/ },
    docs: 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
  },
  {
    // Index, indexer, data source, skillset, synonym map and alias definitions carry an @odata.etag; their updates are
    // whole-definition PUTs (the docs say: GET the definition, edit it, PUT it back). A templated host names it by path.
    id: 'azure-search', name: 'Azure AI Search', recognise: { hosts: ['*.search.windows.net'], path: /\/(indexes|indexers|datasources|skillsets|synonymmaps|aliases)\/[^/]+\/?$/, pathIdentifies: true },
    versioning: 'versioned', why: 'keeps an ETag (@odata.etag) per index, indexer, data source, skillset and synonym map definition and honours If-Match on its update',
    fix: { header: ['If-Match', 'etag'], from: 'the @odata.etag of the definition you read', createOnly: { header: ['If-None-Match', '*'] } },
    docs: 'https://learn.microsoft.com/rest/api/searchservice/update-index',
  },
  {
    // The Content Management API (not the read-only delivery API): entries, assets and content types carry
    // sys.version, and an update or publish must name it in X-Contentful-Version or is refused (409 VersionMismatch).
    id: 'contentful', name: 'Contentful Content Management API', recognise: { hosts: ['api.contentful.com', 'api.eu.contentful.com'], path: /\/spaces\// },
    versioning: 'enforced', why: 'refuses an update or publish that does not name the current sys.version (409 VersionMismatch)',
    guards: { headers: ['X-Contentful-Version'] },
    docs: 'https://www.contentful.com/developers/docs/references/content-management-api/#/introduction/updating-and-version-locking',
  },
  {
    id: 'confluence', name: 'Confluence REST', recognise: { hosts: ['*.atlassian.net'], path: /\/rest\/api\/(content|space)\// },
    versioning: 'enforced', why: 'refuses an update that does not give the next version.number (409 Conflict)',
    guards: { body: /\bversion\b/ },
    docs: 'https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-put',
  },
  // Services whose writes take no precondition at all (their update references list no version field and no If-Match):
  // real code reads a Trello card or a Notion page and writes it back, and a warning there could not be acted on.
  noPrecondition('trello', 'Trello', { hosts: ['api.trello.com'] },
    'a card, list or board update names no version and Trello sends no ETag to match',
    'https://developer.atlassian.com/cloud/trello/rest/api-group-cards/#api-cards-id-put'),
  noPrecondition('notion', 'Notion API', { hosts: ['api.notion.com'] },
    'a page or block update names no version and honours no If-Match', 'https://developers.notion.com/reference/patch-page'),
  noPrecondition('airtable', 'Airtable Web API', { hosts: ['api.airtable.com'] },
    'a record update sends fields (and typecast) only, no version', 'https://airtable.com/developers/web/api/update-record'),
  noPrecondition('jsonbin', 'JSONBin.io', { hosts: ['api.jsonbin.io'] },
    'a bin update accepts Content-Type, X-Master-Key, X-Access-Key and X-Bin-Versioning only', 'https://jsonbin.io/api-reference/bins/update'),
  noPrecondition('github-gists', 'GitHub gists', { hosts: ['api.github.com'], path: /^\/gists\/[^/]+\/?$/ },
    "GitHub's conditional requests are GETs (If-None-Match, If-Modified-Since), and a gist update names no version",
    'https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate'),
];

/** A service whose writes can name no version (`versioning: 'none'`): `updates` says what its update reference takes. */
function noPrecondition(id: string, name: string, recognise: KnownService['recognise'], updates: string, docs: string): KnownService {
  return { id, name, recognise, versioning: 'none', why: `takes no precondition on writes: ${updates}`, docs };
}
