/**
 * The editor's answer to `# @prompt name [description]`: an input box per variable when the request is sent,
 * hidden typing for secret-named ones, the last answer offered again. Escape cancels the request.
 */
import * as vscode from 'vscode';
import type { PromptQuestion } from '../../../server/src/runner/executor';

export function askInInputBox(question: PromptQuestion): Promise<string | undefined> {
  return Promise.resolve(vscode.window.showInputBox({
    title: `etag-guard: {{${question.name}}}`,
    prompt: question.description,
    value: question.previous,
    password: question.secret,
    ignoreFocusOut: true,
  }));
}
