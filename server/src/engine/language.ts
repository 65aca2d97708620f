/** The document languages the engine lints, and how a file path maps to one. */
export type DocumentLanguage = 'http' | 'javascript' | 'javascriptreact' | 'typescript' | 'typescriptreact' | 'python';

const BY_EXTENSION: Readonly<Record<string, DocumentLanguage>> = {
  '.http': 'http', '.rest': 'http',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
  '.py': 'python',
};

export function languageOfPath(path: string): DocumentLanguage | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[path.slice(dot).toLowerCase()];
}

export function isLanguage(id: string): id is DocumentLanguage {
  return Object.values(BY_EXTENSION).includes(id as DocumentLanguage);
}
