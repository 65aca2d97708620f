/** Reads the project's own `.http` fixtures (test/fixtures/http/<dialect>/) from the compiled test's location. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** test/fixtures/http: the nearest one above this file (compiled into out/ or not), else under the working folder. */
const FIXTURES = findFixtures(__dirname) ?? path.resolve('test/fixtures/http');

function findFixtures(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'http');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The text of one fixture, e.g. `fixture('jetbrains/items-crud.http')`. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Every fixture path (relative to test/fixtures/http), dialect folder first. */
export function allFixtures(): string[] {
  return fs.readdirSync(FIXTURES).flatMap((dialect) =>
    fs.readdirSync(path.join(FIXTURES, dialect)).filter((f) => f.endsWith('.http')).map((f) => `${dialect}/${f}`));
}

/** The repository's root: the nearest folder above this file (compiled into out/ or not) holding the bench's generator. */
export function repositoryRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'bench', 'lib', 'generate.js'))) return dir;
  }
  return path.resolve('.');
}

/** Every `.http` / `.rest` file under `dir`. */
export function httpFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : httpFilesUnder(p);
    return /\.(http|rest)$/.test(e.name) ? [p] : [];
  });
}

/** Every `.http` / `.rest` file of the repository's tests, examples and server sources. */
export function repositoryHttpFiles(): string[] {
  const root = repositoryRoot();
  return [...httpFilesUnder(path.join(root, 'test')), ...httpFilesUnder(path.join(root, 'examples')), ...httpFilesUnder(path.join(root, 'server'))];
}

/** The bench's generated `.http` file of `requests` requests (bench/lib/generate.js). */
export function benchHttpFile(requests: number): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { httpFile } = require(path.join(repositoryRoot(), 'bench', 'lib', 'generate.js')) as { httpFile(n: number): string };
  return httpFile(requests);
}
