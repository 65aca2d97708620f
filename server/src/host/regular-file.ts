/**
 * The one way etag-guard reads a file (lint, run, the language server, the evidence scan). Opening a FIFO for
 * reading blocks until someone writes to it (forever, for a planted `.env` FIFO), a device can stream without
 * end, a directory throws EISDIR, and a huge file can exhaust memory: every file read goes through here, so
 * such a file is skipped with a reason instead of hanging, aborting or blowing up the run. Every reader passes
 * a size cap (the defaults below); test/layout checks that nothing else under server/src calls `fs.read*`.
 */
import * as fs from 'node:fs';

/** Request and client-code files (a 50 MB `.http` file is linted in slices; far larger is no request file). */
export const MAX_SOURCE_BYTES = 256 * 1024 * 1024;
/** Settings, environments, `.env`, `.gitignore`, evidence stores and API descriptions. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/** Request bodies read from files (`< ./payload.json`). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** A path that exists but is no regular file; `message` says what it is. */
export class NotRegularFileError extends Error {
  constructor(readonly file: string, readonly kind: string) {
    super(`${file} is not a regular file (${kind}): skipped`);
    this.name = 'NotRegularFileError';
  }
}

/** A regular file larger than the cap its reader allows. */
export class FileTooLargeError extends Error {
  constructor(readonly file: string, readonly maxBytes: number) {
    super(`${file} is larger than ${formatBytes(maxBytes)}: skipped`);
    this.name = 'FileTooLargeError';
  }
}

/** What kind of thing `stat` describes, in words. */
export function kindOf(stat: fs.Stats): string {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/** True when `file` is a regular file (symlinks followed); false when it is missing or anything else. */
export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface ReadOptions {
  /** Largest file read; a larger one throws `FileTooLargeError`. */
  maxBytes: number;
}

/**
 * The contents of `file`. Throws `NotRegularFileError` for anything but a regular file, `FileTooLargeError`
 * past `maxBytes`, and Node's own error (ENOENT, EACCES) otherwise. The kind is checked before opening and
 * again on the opened descriptor (opened non-blocking, so a FIFO swapped in between cannot block), and the
 * read stops at `maxBytes + 1` bytes whatever the size said (a file that grows, a /proc file that reports 0).
 */
export function readRegularFile(file: string, encoding: null, options: ReadOptions): Buffer;
export function readRegularFile(file: string, encoding: 'utf8', options: ReadOptions): string;
export function readRegularFile(file: string, encoding: 'utf8' | null, options: ReadOptions): Buffer | string {
  const before = fs.statSync(file);
  if (!before.isFile()) throw new NotRegularFileError(file, kindOf(before));
  if (before.size > options.maxBytes) throw new FileTooLargeError(file, options.maxBytes);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new NotRegularFileError(file, kindOf(opened));
    const bytes = readAtMost(fd, Math.min(opened.size, options.maxBytes), options.maxBytes, file);
    return encoding ? bytes.toString(encoding) : bytes;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The first `bytes` bytes of `file` (fewer when it is shorter), with the same kind checks as `readRegularFile`:
 * enough to tell what a file is without reading a large one whole.
 */
export function readRegularFileHead(file: string, bytes: number): Buffer {
  const before = fs.statSync(file);
  if (!before.isFile()) throw new NotRegularFileError(file, kindOf(before));
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new NotRegularFileError(file, kindOf(opened));
    const buffer = Buffer.allocUnsafe(bytes);
    let length = 0;
    for (let n = -1; n !== 0 && length < bytes; length += n) n = fs.readSync(fd, buffer, length, bytes - length, null);
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** `readRegularFile` as text, `undefined` when the file is missing (any other problem still throws). */
export function readRegularFileIfPresent(file: string, options: ReadOptions): string | undefined {
  try {
    return readRegularFile(file, 'utf8', options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function readAtMost(fd: number, expected: number, maxBytes: number, file: string): Buffer {
  // One byte beyond the size `fstat` gave, so the read that finds the end of a file of that size has room to
  // return 0 instead of making the buffer grow (a 1.4 MB file was copied into a 2.8 MB one just to see its end).
  let buffer = Buffer.allocUnsafe(Math.max(expected + 1, 64 * 1024));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) throw new FileTooLargeError(file, maxBytes);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
    if (length > maxBytes) throw new FileTooLargeError(file, maxBytes);
  }
  return buffer.subarray(0, length);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
