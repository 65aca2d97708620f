/**
 * Headers a jQuery page sets out of the call's sight: a `beforeSend(xhr)` callback of the call, or page-wide
 * `$.ajaxSetup({ headers })` / `$.ajaxPrefilter(…)` / `$(document).ajaxSend(…)`. Only those that could add a
 * precondition hide one: a CSRF token set for every request (Laravel pages) leaves the write judged.
 */
import type { CodeContext } from './context';
import { followValue, type Options } from './options';
import { calleeText, isFunction } from './syntax';

/** A precondition header or a callback that sets headers one by one. */
const MAY_GUARD = /if-match|if-unmodified-since|if-none-match|setRequestHeader/i;
const PAGE_WIDE = /(^|\.)(ajaxSetup|ajaxPrefilter|ajaxSend)$/;

export function hookSetsHeaders(options: Options | undefined, hook: string, ctx: CodeContext): boolean {
  const given = options?.props.get(hook)?.value;
  // A callback passed by name may do anything; an inline one is read.
  if (given && (MAY_GUARD.test(given.text) || !isFunction(followValue(given, ctx)))) return true;
  let pageWide = ctx.memo.get('jquery page-wide headers');
  if (pageWide === undefined) {
    pageWide = ctx.index.calls.some((c) => {
      const f = c.childForFieldName('function');
      return f !== null && PAGE_WIDE.test(calleeText(f)) && MAY_GUARD.test(c.childForFieldName('arguments')?.text ?? '');
    });
    ctx.memo.set('jquery page-wide headers', pageWide);
  }
  return pageWide;
}
