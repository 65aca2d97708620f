/** Registers the 412 workflow's entry points in the editor: the CodeLens and the quick fix, for request files. */
import * as vscode from 'vscode';
import { RetryCodeActions } from './code-actions';
import type { PreconditionFailures } from './failures';
import { RetryLenses } from './lens';

/** Request files, whichever extension's grammar claimed them (as the language client selects them). */
const REQUEST_FILES: vscode.DocumentSelector = [{ language: 'http' }, { pattern: '**/*.{http,rest}' }];

export function registerRetryProviders(failures: PreconditionFailures): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeLensProvider(REQUEST_FILES, new RetryLenses(failures)),
    vscode.languages.registerCodeActionsProvider(REQUEST_FILES, new RetryCodeActions(), { providedCodeActionKinds: RetryCodeActions.kinds }),
  ];
}
