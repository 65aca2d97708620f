/**
 * Netlify Blobs (`@netlify/blobs`), read as the requests it sends (the rows; sdks.ts registers them). `getStore(name)`
 * (or `getStore({ name, siteID, token })`, or `getDeployStore(…)`) hands out a store; `store.get(key)`,
 * `getWithMetadata(key)` and `getMetadata(key)` read an entry, `set(key, value, options)` and `setJSON(key, value,
 * options)` write it whole, `delete(key)` removes it. Every entry has an ETag, and a write applies only when
 * `options.onlyIfMatch` equals the entry's current ETag (`getWithMetadata` returns it as `etag`) or, with
 * `onlyIfNew: true`, only where no entry exists (the `@netlify/blobs` README; a write answers `{ modified }`):
 * without either, a `set` after a `get` replaces whatever another function invocation stored since the read.
 */
import type { SdkCall, SdkGuards, SdkService } from './sdks';
import type { SdkRows } from './sdks-apps';

export const NETLIFY_BLOBS_SERVICES: Readonly<Record<string, SdkService>> = {
  'Netlify Blobs': {
    base: 'https://blobs.netlify.com',
    advice: 'Read the entry with getWithMetadata(key) and pass { onlyIfMatch: etag } with the etag it returned (or { onlyIfNew: true } to create only): Netlify Blobs then refuses the write once the entry changed.',
  },
};

/** `options` at `at`: `onlyIfMatch` is the ETag the write expects, `onlyIfNew` makes it create only. */
const onlyIf = (at: number): SdkGuards => ({
  values: [
    { ref: { arg: at, path: ['onlyIfMatch'] }, header: 'If-Match' },
    { ref: { arg: at, path: ['onlyIfNew'] }, header: 'If-None-Match' },
  ],
});
const entry = [{ arg: 0 }];
const calls: Readonly<Record<string, Omit<SdkCall, 'sdk'>>> = {
  get: { method: 'GET', names: entry },
  getWithMetadata: { method: 'GET', names: entry },
  getMetadata: { method: 'GET', names: entry },
  set: { method: 'PUT', names: entry, body: { arg: 1 }, guards: onlyIf(2) },
  setJSON: { method: 'PUT', names: entry, body: { arg: 1 }, guards: onlyIf(2) },
  delete: { method: 'DELETE', names: entry },
};

const BLOBS: SdkRows = {
  modules: ['@netlify/blobs'],
  factories: { getStore: { makes: 'NetlifyStore', names: [{ arg: 0 }] }, getDeployStore: { makes: 'NetlifyStore', names: [{ arg: 0 }] } },
  prefix: 'NetlifyStore',
  calls,
  sdk: 'Netlify Blobs',
};

export const NETLIFY_BLOBS_ROWS: readonly SdkRows[] = [BLOBS];
