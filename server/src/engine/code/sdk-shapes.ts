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
