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
