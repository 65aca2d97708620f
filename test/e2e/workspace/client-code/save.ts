// Fixture for etag-guard's real-VS-Code tests: an unguarded write in TypeScript (fetch, no If-Match).
export async function rename(url: string, name: string): Promise<void> {
  const body = JSON.stringify({ name });
  await fetch(url, { method: 'PUT', body });
}
