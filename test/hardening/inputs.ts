/**
 * Generators for hostile `.http` input: random documents built from the pieces real files are made of
 * (so the parser's every state is reached), and the pathological inputs issue #9 names.
 */
import fc from 'fast-check';

const PIECES = [
  'GET https://api.example.com/items/1', 'PUT {{base}}/items/{{id}} HTTP/1.1', 'DELETE /x', 'POST https://x.test',
  'If-Match: "abc"', 'If-Match: W/"a", "b"', 'If-None-Match: *', 'If-Unmodified-Since: Sun, 06 Nov 1994 08:49:37 GMT',
  'If-Match: {{item.response.headers.ETag}}', 'Content-Type: application/json', 'Authorization: Bearer {{token}}',
  '###', '### Title', '# @name item', '// @name other', '# comment', '@base = https://x.test', '@id = 42',
  '', '', '{', '}', '"a": 1', '< ./body.json', '<@ ./t.txt', '> {%', '%}', '< {%', 'client.global.set("e", response.headers.valueOf("ETag"));',
  '> ./h.js', '>> out.json', '{{', '}}', '/*', '*/', '    ?a=1', '    &b=2', 'query { x }', '{{$guid}}', '\u0000', '\uFEFF', 'GET',
  '--boundary', 'Content-Type: multipart/form-data; boundary=boundary',
];

const EOLS = ['\n', '\r\n', '\r'];

/** A random document: lines drawn from real-file pieces and random strings, joined with mixed line ends. */
export const httpDocument: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), fc.constantFrom(...EOLS)), { maxLength: 60 })
  .map((lines) => lines.map(([text, eol]) => text + eol).join(''));

/** Inputs that break naive parsers: huge lines, many separators, many headers, deep nesting, odd bytes. */
export function pathologicalInputs(): Record<string, string> {
  const headers = Array.from({ length: 10_000 }, (_, i) => `X-H${i}: ${i}`).join('\n');
  return {
    'a 1 MB line of {{': '{{'.repeat(512 * 1024),
    // Where `{{` is scanned for templates: the request line and header values.
    'a 1 MB URL of {{': `GET https://x.test/${'{{'.repeat(512 * 1024)}`,
    'a 1 MB header value of {{': `PUT https://x.test/a\nX-Hostile: ${'{{'.repeat(512 * 1024)}\n`,
    '100,000 ###': '###\n'.repeat(100_000),
    '10,000 headers': `PUT https://x.test/a\n${headers}\n`,
    'deeply nested JSON body': `PUT https://x.test/a\nIf-Match: "x"\n\n${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    'NUL bytes': 'GET https://x.test\u0000\nIf-Match: "\u0000"\n\u0000\u0000',
    'invalid UTF-8 decoded': Buffer.from([0x47, 0x45, 0x54, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0xe2, 0x82]).toString('utf8'),
    'mixed line endings': 'GET https://x.test/a\r\nIf-Match: "a"\r\rPUT https://x.test/b\nIf-Match: b\r\n',
    'a BOM': '\uFEFFPUT https://x.test/a\nIf-Match: "a"\n',
    'a 1 MB line of spaces then HTTP/1.1': `GET https://x.test/${' '.repeat(1024 * 1024)}HTTP/1.1`,
    'a 1 MB header value of commas': `PUT https://x.test/a\nIf-Match: ${','.repeat(1024 * 1024)}\n`,
    'a 1 MB unterminated {% script': `GET https://x.test\n\n> {%\n${'x'.repeat(1024 * 1024)}`,
  };
}

/** The line and character count of a text as an editor splits it. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}
