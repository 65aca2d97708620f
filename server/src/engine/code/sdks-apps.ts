/**
 * More SDKs read as the requests they send (the rows; sdks.ts registers them and says what each field means): the
 * JavaScript Cloud Storage client (and firebase-admin's, which is the same), Google's generated API clients
 * (`googleapis`, and the browser's `gapi.client`) for Calendar events and Drive files, and Octokit's contents API.
 * Each SDK's own guard counts as the precondition it sends, and its advice names that guard:
 * - Cloud Storage: `preconditionOpts: { ifGenerationMatch }` on `file.save` / `createWriteStream` / `delete`;
 * - Calendar: the event's `etag` sent as `If-Match` through the call's second argument (`{ headers }`);
 * - GitHub contents: `sha`, without which the API refuses to replace a file (so a write without one only creates).
 * `shape` lists the options that name these calls when the client object cannot be followed (made in another module,
 * returned by a cached getter): `calendar.events.update({ calendarId, eventId, … })` is Calendar's whatever `calendar`
 * is — the option names are the API's own and appear together nowhere else.
 */
import type { ArgRef, SdkCall, SdkFactory, SdkGuards, SdkService } from './sdks';

export interface SdkRows {
  modules: readonly string[];
  factories?: Readonly<Record<string, SdkFactory>>;
  /**
   * The instance name the calls are listed under (none: functions the modules export, as a modular SDK's
   * `updateDoc(ref, data)`), and the calls (a dotted name for a namespace: `events.update`).
   */
  prefix?: string;
  calls?: Readonly<Record<string, Omit<SdkCall, 'sdk'>>>;
  /** Command classes the modules export, sent by a client's `send` (`new PutItemCommand({ … })`): one options object. */
  commands?: Readonly<Record<string, Omit<SdkCall, 'sdk'>>>;
  sdk: string;
}

export const APP_SERVICES: Readonly<Record<string, SdkService>> = {
  'Cloud Storage (JavaScript)': {
    base: 'https://storage.googleapis.com',
    advice: 'Pass preconditionOpts: { ifGenerationMatch: generation } with the generation of the file you downloaded (file.metadata.generation), or ifGenerationMatch: 0 to create only.',
  },
  'Google Calendar API (googleapis)': {
    base: 'https://www.googleapis.com/calendar/v3/calendars',
    advice: "Send the etag of the event you read: pass { headers: { 'If-Match': event.etag } } as the call's second argument (Calendar answers 412 when the event changed).",
  },
  'Google Drive API v3 (googleapis)': {
    base: 'https://www.googleapis.com/drive/v3/files',
    advice: "Read the file's version (fields: 'version') with its content and compare it with a fresh one right before the update: Drive v3 replaces the content whatever changed since your read.",
  },
  'GitHub contents API (Octokit)': {
    base: 'https://api.github.com/repos',
    advice: 'Pass sha: with the sha getContent returned together with the content you changed (a sha fetched right before the write protects nothing).',
  },
};

// Cloud Storage for JavaScript: `new Storage()` → `bucket(name)` → `file(name)`; firebase-admin hands out the same
// bucket objects (`getStorage().bucket()`, `admin.storage().bucket()`: the default bucket when no name is given).
const generation = (at: number): SdkGuards => ({
  values: [
    { ref: { arg: at, path: ['preconditionOpts', 'ifGenerationMatch'] }, header: 'x-goog-if-generation-match' },
    { ref: { arg: at, path: ['preconditionOpts', 'ifMetagenerationMatch'] }, header: 'x-goog-if-metageneration-match' },
  ],
});
const GCS_JS: SdkRows = {
  modules: ['@google-cloud/storage', 'firebase-admin/storage', 'firebase-admin'],
  factories: {
    Storage: { makes: 'GcsJsClient' },
    getStorage: { makes: 'GcsJsClient' },
    storage: { makes: 'GcsJsClient' },
    'GcsJsClient.bucket': { makes: 'GcsJsBucket', names: [{ arg: 0 }] },
    'GcsJsBucket.file': { makes: 'GcsJsFile', names: [{ arg: 0 }] },
  },
  prefix: 'GcsJsFile',
  calls: {
    download: { method: 'GET', names: [] },
    save: { method: 'PUT', names: [], body: { arg: 0 }, guards: generation(1) },
    createWriteStream: { method: 'PUT', names: [], guards: generation(0) },
    delete: { method: 'DELETE', names: [], guards: generation(0) },
  },
  sdk: 'Cloud Storage (JavaScript)',
};

// googleapis: `google.calendar({ version, auth })` → `events.get/update/patch/delete({ calendarId, eventId })`; the
// second argument carries request options, `headers` among them.
const ifMatchHeader: SdkGuards = { values: [{ ref: { arg: 1, path: ['headers', 'If-Match'] }, header: 'If-Match' }] };
const event: readonly ArgRef[] = [{ key: 'calendarId' }, { literal: 'events' }, { key: 'eventId' }];
const eventShape = ['calendarId', 'eventId'];
const CALENDAR: SdkRows = {
  modules: ['googleapis'],
  factories: { 'google.calendar': { makes: 'GCalendar' } },
  prefix: 'GCalendar',
  calls: {
    'events.get': { method: 'GET', names: event, optionsObject: true, shape: eventShape },
    'events.update': { method: 'PUT', names: event, body: { key: 'requestBody' }, guards: ifMatchHeader, optionsObject: true, shape: eventShape },
    'events.patch': { method: 'PATCH', names: event, body: { key: 'requestBody' }, guards: ifMatchHeader, optionsObject: true, shape: eventShape },
    'events.delete': { method: 'DELETE', names: event, guards: ifMatchHeader, optionsObject: true, shape: eventShape },
  },
  sdk: 'Google Calendar API (googleapis)',
};

// Drive v3: `files.get({ fileId, alt: 'media' })` reads the content; `files.update({ fileId, media })` replaces it (an
// update without `media` renames, moves or trashes the file: no content is written back).
const file: readonly ArgRef[] = [{ key: 'fileId' }];
const DRIVE: SdkRows = {
  modules: ['googleapis'],
  factories: { 'google.drive': { makes: 'GDrive' } },
  prefix: 'GDrive',
  calls: {
    'files.get': { method: 'GET', names: file, optionsObject: true, shape: ['fileId', 'alt'] },
    'files.update': { method: 'PATCH', names: file, body: { key: 'media' }, optionsObject: true, needs: ['media'], shape: ['fileId', 'media'] },
  },
  sdk: 'Google Drive API v3 (googleapis)',
};

// Octokit: `new Octokit()` (octokit, @octokit/rest) or `github.getOctokit(token)` in GitHub Actions; the contents API
// under `repos` (and `rest.repos`). Without `sha` the API refuses to replace an existing file: a create.
const content: readonly ArgRef[] = [{ key: 'owner' }, { key: 'repo' }, { literal: 'contents' }, { key: 'path' }];
const contentShape = ['owner', 'repo', 'path'];
const sha: SdkGuards = { values: [{ ref: { key: 'sha' }, header: 'If-Match' }], absentMeansCreate: true };
const contents: Readonly<Record<string, Omit<SdkCall, 'sdk'>>> = {
  getContent: { method: 'GET', names: content, optionsObject: true, shape: contentShape },
  createOrUpdateFileContents: { method: 'PUT', names: content, body: { key: 'content' }, guards: sha, optionsObject: true, shape: contentShape },
  deleteFile: { method: 'DELETE', names: content, guards: { values: sha.values }, optionsObject: true, shape: contentShape },
};
const OCTOKIT: SdkRows = {
  modules: ['octokit', '@octokit/rest', '@actions/github'],
  factories: { Octokit: { makes: 'Octokit' }, getOctokit: { makes: 'Octokit' } },
  prefix: 'Octokit',
  calls: Object.fromEntries(Object.entries(contents).flatMap(([name, c]) => [[`repos.${name}`, c], [`rest.repos.${name}`, c]])),
  sdk: 'GitHub contents API (Octokit)',
};

export const APP_ROWS: readonly SdkRows[] = [GCS_JS, CALENDAR, DRIVE, OCTOKIT];
