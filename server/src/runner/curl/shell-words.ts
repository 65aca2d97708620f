/**
 * Splits a POSIX shell command line into words the way bash does before running it, without expanding
 * anything: 'single quotes' are literal, "double quotes" keep `\"`, `\\`, `\$` and `` \` `` escapes,
 * `$'…'` (ANSI-C quoting, what browsers' "Copy as cURL" emits) decodes `\n`, `\t`, `\xHH`, `\'`…, a backslash
 * outside quotes escapes the next character, backslash-newline continues the line, and `#` at the start of a
 * word comments out the rest of the line. `$VAR` is kept as written: importing must not read the environment.
 */

/** Thrown for an unterminated quote. */
export class ShellSyntaxError extends Error {}

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** The words of `line`. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      const next = line[i + 1];
      if (next === '\n') i += 2; // continuation
      else if (next === '\r' && line[i + 2] === '\n') i += 3;
      else {
        if (next !== undefined) word += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw new ShellSyntaxError('Unterminated single quote.');
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '$' && line[i + 1] === "'") {
      const [text, next] = ansiQuoted(line, i + 2);
      word += text;
      inWord = true;
      i = next;
    } else if (c === '"') {
      const [text, next] = doubleQuoted(line, i + 1);
      word += text;
      inWord = true;
      i = next;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
      i++;
    } else if (c === '#' && !inWord) {
      while (i < line.length && line[i] !== '\n') i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  end();
  return words;
}

function doubleQuoted(line: string, start: number): [string, number] {
  let text = '';
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return [text, i + 1];
    if (c === '\\' && i + 1 < line.length) {
      const next = line[i + 1];
      if (next === '\n') {
        i++;
        continue;
      }
      if ('"\\$`'.includes(next)) {
        text += next;
        i++;
        continue;
      }
    }
    text += c;
  }
  throw new ShellSyntaxError('Unterminated double quote.');
}

function ansiQuoted(line: string, start: number): [string, number] {
  let text = '';
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (c === "'") return [text, i + 1];
    if (c !== '\\') {
      text += c;
      continue;
    }
    const next = line[i + 1] ?? '';
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(line.slice(i + 1, i + 4));
    const unicode = /^u([0-9a-fA-F]{1,4})/.exec(line.slice(i + 1, i + 6));
    if (hex) {
      text += String.fromCharCode(parseInt(hex[1], 16));
      i += hex[0].length;
    } else if (unicode) {
      text += String.fromCharCode(parseInt(unicode[1], 16));
      i += unicode[0].length;
    } else {
      text += ANSI_ESCAPES[next] ?? `\\${next}`;
      i++;
    }
  }
  throw new ShellSyntaxError("Unterminated $'…' quote.");
}

/** `word` quoted for a POSIX shell: bare when it is safe, else in single quotes (`'` written as `'\''`). */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
