/** The last segment of a path or URI, for messages ("openapi.yaml declares …"); pure, no `node:path`. */
export function basename(pathOrUri: string): string {
  const trimmed = pathOrUri.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || pathOrUri;
}
