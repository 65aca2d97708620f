/**
 * SDK calls whose client object the analysis cannot follow — made in another module (`import { getCalendarClient }
 * from '@/lib/googleClient'`), returned by a cached getter, the browser's `gapi.client` — named by what is written at
 * the call: its dotted name and the API's own option names (`calendar.events.update({ calendarId, eventId, … })`,
 * `octokit.rest.repos.createOrUpdateFileContents({ owner, repo, path, … })`). The rows say which (`shape` in
 * sdks-apps.ts); a call that gives fewer of those options is left alone.
 */
import type { CodeContext } from './context';
import { readObject, type Arguments, type Options } from './options';
import type { Resolved } from './resolve';
import { sdkCallByShape } from './sdks';
import { FIRESTORE_SHAPE_MODULE } from './sdks-firebase';
import { calleeText, type Node } from './syntax';

export function sdkByShape(callee: Node, args: Arguments, ctx: CodeContext): Resolved | undefined {
  // JavaScript clients take one options object; Python clients (googleapiclient) keyword arguments.
  const first = args.positional[0];
  if (!first && args.keywords.props.size === 0) return undefined;
  // Read the options only once a row's dotted name fits the callee: most calls named `get` are a Map's.
  let options: Options | null | undefined;
  const read = () => (first && readObject(first, ctx)) || args.keywords;
  const has = (key: string) => (options === undefined ? (options = read()) : options)?.props.has(key) ?? false;
  const found = sdkCallByShape(calleeText(callee).split('.'), has);
  return found && { module: found.module, path: found.path };
}

/** The method that names a document in a collection: `.doc(id)` in JavaScript, `.document(id)` in Python. */
const DOCUMENT_OF: Readonly<Record<CodeContext['family'], string>> = { js: 'doc', python: 'document' };

/**
 * `root.collection(c).doc(id)` where `root` is no client the analysis follows (the project's own module exports the
 * database, `firestore()` comes from a React Native build, a service keeps it in a field): Cloud Firestore's chain,
 * whatever its root — the two method names together are Firestore's (a MongoDB collection has no `doc`). `member` is
 * the `root.collection` callee; it stands for the database's `collection` factory, so the chain's names and calls are
 * the namespaced SDK's (sdks-firebase.ts).
 */
export function firestoreChain(member: Node, ctx: CodeContext): Resolved | undefined {
  const call = member.parent;
  const next = call?.parent;
  const field = ctx.family === 'js' ? 'property' : 'attribute';
  if (!call || !next || call.childForFieldName('function')?.id !== member.id) return undefined;
  if (next.childForFieldName('object')?.id !== call.id || next.childForFieldName(field)?.text !== DOCUMENT_OF[ctx.family]) return undefined;
  if (next.parent?.childForFieldName('function')?.id !== next.id) return undefined;
  return { module: FIRESTORE_SHAPE_MODULE[ctx.family], path: ['FsDatabase', 'collection'] };
}
