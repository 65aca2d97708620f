/**
 * The shape of the SDK rows (sdks.ts registers them; sdks-*.ts hold them): where a call names its object, which of
 * the SDK's parameters carry its guard, and what the service's base URL and advice are.
 */
/**
 * Where a call gives a value: a positional argument, a Python keyword, or a property of the JS options object;
 * `path` reads on into the object found there (`{ conditions: { ifMatch } }`).
 */
export interface ArgRef {
  arg?: number;
  key?: string;
  path?: readonly string[];
  /** A fixed segment of the object's URL between two named ones (GitHub's `…/{owner}/{repo}/contents/{path}`). */
  literal?: string;
  /** Where this argument is not given, the one to read instead (elasticsearch-py's `doc=` or the older `body=`). */
  or?: ArgRef;
  /** Not given, it names nothing (Firestore's `doc(db, 'users/ada')` gives the whole path in its one name). */
  optional?: boolean;
  /** Not given, the SDK's default stands in its place (hvac's `mount_point`, `secret` unless named). */
  absent?: string;
  /**
   * The value is a map of attribute names to values (DynamoDB's `Key`): it names the object by its entries,
   * `name=value` in the order of the names, a typed value (`{'S': '0'}`) by the value it holds.
   */
  entries?: boolean;
}

/**
 * A factory of client objects: `module:path` (the path of an instance method starts with the instance's name) →
 * the name its result's methods are listed under, and the arguments that name the object it stands for
 * (`bucket.blob(name)`: the name, under the bucket's own). `module:path#service` is the factory's client for the
 * service its first argument names (boto3: `client('dynamodb')` is DynamoDB's, `client('s3')` S3's).
 */
export interface SdkFactory {
  makes: string;
  names?: readonly ArgRef[];
}

/** How a write says its precondition. */
export interface SdkGuards {
  /** Parameters whose value is the version the write expects, and the header each stands for. */
  values?: ReadonlyArray<{ ref: ArgRef; header: string }>;
  /**
   * Dropbox `mode`: a WriteMode whose form is the precondition (`update(rev)` → If-Match rev, `add` → create only,
   * `overwrite` → none). Absent, the SDK's default (`add`) applies.
   */
  writeMode?: ArgRef;
  /** Azure `overwrite=True`: without it (or with a false value) the upload only creates, refused when the blob exists. */
  createOnlyUnless?: ArgRef;
  /**
   * The service refuses to replace an existing object unless one of `values` is given (GitHub's contents API without
   * `sha`): a write that gives none only creates.
   */
  absentMeansCreate?: boolean;
  /** A parameter whose given literal makes the write create only (elasticsearch-py `op_type='create'`). */
  createWhen?: { ref: ArgRef; equals: string };
  /**
   * Headers set on the request object the call returns before it is sent (googleapiclient: `request =
   * service.files().update(…)`, `request.headers['If-Match'] = etag`, `request.execute()`).
   */
  requestHeaders?: readonly string[];
  /** Headers chained on the request before the call that sends it (Graph: `client.api(p).header('If-Match', e).put(b)`). */
  chainedHeaders?: readonly string[];
  /**
   * Conditions the service checks against the stored object before writing (DynamoDB `ConditionExpression`, the
   * legacy `Expected`): any one guards the write; one that only asks the key not to exist (`attribute_not_exists(pk)`)
   * is the create-only form.
   */
  conditions?: readonly ArgRef[];
}

export interface SdkCall {
  sdk: string;
  method: 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'DELETE';
  /** The arguments that name the object, after the instance's own names. */
  names: readonly ArgRef[];
  /** The data the write sends. */
  body?: ArgRef;
  guards?: SdkGuards;
  /** JS SDKs that take one options object (`dbx.filesUpload({ path, contents, mode })`): `key`s are its properties. */
  optionsObject?: boolean;
  /** `client.send(command)`: the command object (sdkCommand) says what is sent. */
  command?: boolean;
  /**
   * Options that must be given for the call to be this request (Drive's `files.update` uploads content only with
   * `media`; without it, it renames or moves the file).
   */
  needs?: readonly string[];
  /**
   * Options that name this call when its client object cannot be followed (made in another module): the call's
   * dotted name ends the callee (`….events.update`) and its options object gives all of these (sdks-apps.ts).
   */
  shape?: readonly string[];
  /**
   * An argument that names the object by being what a read of it returned (`container.upsert_item(user)` after `user
   * = container.read_item(…)`): the write is of the object that read named. `required`: without such a read the call
   * names no object (an upsert of fresh data) and is left alone.
   */
  namedByRead?: {
    ref: ArgRef;
    required?: boolean;
    /**
     * Or the member of the body that names its object (Cosmos's `id`: `upsert_item({'id': 'visits', 'count': n})`),
     * where the write's own sequence read that object first (a counter read, incremented and upserted as a fresh
     * dict): a body made elsewhere, with nothing read first, stays unnamed.
     */
    idKey?: string;
  };
  /**
   * A whole item the write sends (DynamoDB's `Item`), which names no key of its own: it names the object of a read
   * before it in its function, on the same table, whose key it carries entry for entry (`get_item(Key={'id': '0'})`,
   * then `put_item(Item={'id': '0', 'count': n})`). Without such a read (or `namedByRead`) the call names no object.
   */
  namedByKey?: ArgRef;
  /** A partial update (Elasticsearch `update(doc=…)`): it sets the fields it names and leaves the others. */
  partial?: boolean;
  /**
   * A query of the collection the client object stands for (`container.query_items(…)`, `table.listEntities()`): a
   * read that names no one object, and whose items a write can name by being one of them (`namedByRead`).
   */
  collection?: boolean;
  /**
   * What the read returns is a snapshot whose member `ref` references the object read (each item's, for a query), an
   * object the SDK's factories make as `of`: Firestore's DocumentSnapshot `ref` (Python's `reference`), the Realtime
   * Database's DataSnapshot `ref`. A write through it (`snap.ref.update(…)`, `updateDoc(snap.ref, …)`) writes what
   * the read read (snapshot-refs.ts).
   */
  snapshot?: { ref: string; of: string };
  /**
   * The body maps an expression's placeholders to values (DynamoDB's `ExpressionAttributeValues`: `{':p': total}`),
   * not fields: which fields it sets is the expression's, so whether it writes back the fields it read cannot be
   * told from the body's member names (sdk-read-results.ts `writesOnlyDerived` is not asked).
   */
  placeholders?: boolean;
  /**
   * The argument naming a local file the call uploads from or downloads into (`upload_from_filename(path)`,
   * `downloadToFile(path)`): what an upload sends is that file, which a download of the object may have filled
   * (local-file-uploads.ts).
   */
  localFile?: ArgRef;
  /**
   * The call is this request only when this argument is the literal given (the Realtime Database's `on('value', cb)`
   * listens to the value; `on('child_added', cb)` to each child added).
   */
  when?: { arg: number; equals: string };
  /**
   * A listener (`on('value', cb)`, `onValue(ref, cb)`, `onSnapshot(ref, cb)`): it reads the object whenever it
   * changes and hands the value to its callback, later. It is no read before the writes after it in its function (the
   * value comes after they ran); what its callback keeps (a component's state, a module's variable) is read
   * (shared-state-reads.ts).
   */
  listener?: boolean;
  /**
   * The argument that is the object read or written, where a modular SDK's function takes it (`updateDoc(ref, data)`,
   * `set(ref(db, path), value)`) instead of being its method: the object's names are those its factory gave it.
   */
  on?: number;
}

/** Per SDK: the URL its requests go to (so the catalogue names the service) and the advice in its own words. */
export interface SdkService {
  /** The object's names are appended to it, `/`-separated. */
  base: string;
  advice: string;
  /**
   * An object given no name is the database's root (the Realtime Database's `db.ref()`, `ref(db)`: the path is
   * optional), not an object the call fails to name.
   */
  unnamedIsRoot?: boolean;
  /** The advice in the Python SDK's own form, where its guard is spelled differently (Firestore's `@firestore.transactional`). */
  pythonAdvice?: string;
  /** Its names are database paths, whose leading and trailing slashes mean nothing (`ref('likes/')` is `ref('likes')`). */
  paths?: boolean;
  /**
   * Like a database of paths (`paths`), its objects are named under a base no catalogue service speaks for (DynamoDB
   * items): only the code's own read of an object is evidence for the write it feeds, not another write's.
   */
  ownReadOnly?: boolean;
  /**
   * The SDK's own atomic operations, computed by the server from what is stored (Firestore's `increment(n)`,
   * `arrayUnion(…)`): a write that sends only these writes back nothing read, whatever was read before it.
   */
  atomic?: ReadonlySet<string>;
}
