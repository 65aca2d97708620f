/**
 * Asking for `# @prompt name [description]` variables when a request is sent. The host asks (an input box in
 * the editor); a value given on the command line (`--var`) is not asked again. Without a way to ask (the CLI
 * in CI), nothing is asked and the variable is looked up as any other, so a missing value fails with a message
 * that says how to pass it.
 */
import { promptsOf, type HttpRequest } from '../../engine';
import { RunnerError } from './errors';
import { isSecretName } from './mask';
import type { Session } from './session';

export interface PromptQuestion {
  name: string;
  /** The line's own words, or a sentence naming the variable when it gives none. */
  description: string;
  /** A secret-named variable (`password`, `token`, …): typed hidden, masked in every output. */
  secret: boolean;
  /** The answer given last time in this session, to offer again. */
  previous?: string;
}

/** Asks the user; undefined when they cancel. */
export type AskPrompt = (question: PromptQuestion) => Promise<string | undefined>;

/** The values of `request`'s prompted variables, asked for now; a cancelled question cancels the request. */
export async function askPrompts(request: HttpRequest, session: Session, overrides: Readonly<Record<string, string>>, ask: AskPrompt | undefined): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  if (!ask) return answers;
  for (const { name, description } of promptsOf(request)) {
    if (Object.hasOwn(overrides, name) || Object.hasOwn(answers, name)) continue;
    const secret = isSecretName(name);
    const previous = secret ? undefined : session.promptAnswers.get(name);
    const answer = await ask({ name, description: description || `Value of {{${name}}} for this request`, secret, previous });
    if (answer === undefined) throw new RunnerError('cancelled', `Request not sent: no value given for {{${name}}} (# @prompt).`);
    answers[name] = answer;
    if (secret) session.secrets.add(answer);
    else session.promptAnswers.set(name, answer);
  }
  return answers;
}

/** True when `request` declares `# @prompt name`: the undefined-variable message then says how to give it. */
export function isPrompted(request: HttpRequest, name: string): boolean {
  return promptsOf(request).some((p) => p.name === name);
}
