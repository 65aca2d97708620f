// Fixture for etag-guard's real-VS-Code tests: an unguarded write in TypeScript (fetch, no If-Match).
export async function rename(url: string, name: string): Promise<Response> {
  const body = JSON.stringify({ name });
  return fetch(url, { method: 'PUT', body });
}
