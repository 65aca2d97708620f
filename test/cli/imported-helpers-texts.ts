// The two modules the imported-helper tests write to a temporary project (CLI and language server).

/** A module of helpers: a read, an unguarded write, a write that sends the If-Match its caller gives. */
export const STORE = `const TIMEOUT = 5000;
export async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT) });
  return res.json();
}
export async function putJson(url, data) {
  return fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
}
async function replaceJson(url, data, etag) {
  return fetch(url, { method: 'PUT', headers: { 'If-Match': etag }, body: JSON.stringify(data) });
}
module.exports = { replace: replaceJson };
`;

/** Reads a OneDrive list and writes it back through the imported helpers. */
export const APP = `import { getJson, putJson } from './lib/store';
const LIST = 'https://graph.microsoft.com/v1.0/me/drive/special/approot:/list.json:/content';
export async function addItem(item) {
  const list = await getJson(LIST);
  list.push(item);
  await putJson(LIST, list);
}
`;
