/**
 * The request runner, free of VS Code: the CLI and the extension both call it. See run.ts for the flow.
 */
export { runAll, runRequest, requestLabel, succeeded, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from './run';
export type { HttpSource, RunOptions } from './run';
export type { AskPrompt, PromptQuestion } from './prompts';
export { Session } from './session';
export type { SessionOptions } from './session';
export { RunnerError } from './errors';
export type { FailureKind } from './errors';
export { loadEnvironments, loadDotenv, isInside, ENV_FILE, PRIVATE_ENV_FILE } from './environments';
export type { Environments, EnvironmentDocument } from './environments';
export { addSecretNames, maskHeaderPairs, maskHeaderRecord, maskHeaderValue, maskUrl, maskValues, isSecretName } from './mask';
export { formatBody, formatBytes, isTextual } from './body-format';
export type { Attempt, Exchange, ResponseHeaders, RunResponse, SentRequest, Timings } from './types';
export { exchangeText, requestSummary, statusSummary, timingSummary } from './exchange-text';
export { withoutSecretValues } from './mask-exchange';
export { requestAtLine } from './select';
export { escapeControls } from './terminal';
