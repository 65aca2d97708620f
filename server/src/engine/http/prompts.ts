/**
 * `# @prompt name [description]` (REST Client, JetBrains, httpYac, Kulala): a variable the user is asked for
 * when the request is sent. One reading of the line for the linter (the name is declared), the fix builder (a
 * fresh name must not shadow it) and the runner (what to ask, with which words).
 */
import type { HttpRequest } from './ast';

export interface PromptDeclaration {
  name: string;
  /** The words after the name, shown to the user; empty when the line gives none. */
  description: string;
}

/** The variables `request` asks for, in the order its lines declare them. */
export function promptsOf(request: Pick<HttpRequest, 'metadata'>): PromptDeclaration[] {
  const prompts: PromptDeclaration[] = [];
  for (const m of request.metadata) {
    if (m.key !== 'prompt') continue;
    const [name = '', ...words] = m.value.trim().split(/\s+/);
    if (name) prompts.push({ name, description: words.join(' ') });
  }
  return prompts;
}
