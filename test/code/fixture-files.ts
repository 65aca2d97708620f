/** Test helper: the client-code fixtures (test/fixtures/code, sub-folders included) from the compiled test's location. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CODE_FIXTURES = path.resolve(__dirname, '../../../test/fixtures/code');

export function fixtureFiles(dir = CODE_FIXTURES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
