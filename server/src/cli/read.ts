// Reads one file to lint, or says why not. Two kinds of skip: a file that could not be read
// (permissions, gone since the walk, a link to nothing) leaves the run incomplete; a file skipped
// on purpose (too large, binary, not UTF-8, not a regular file) does not: it is not handler code
// a person wrote, and the editor skips it the same way (httpAuthLint.maxFileSize).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { reasonOf } from '../disk/walk';

export type ReadOutcome = { kind: 'text'; text: string } | { kind: 'skipped'; reason: string; policy: boolean };

// A FIFO named x.ts would block open() until a writer comes; with O_NONBLOCK it opens at once and
// fstat tells it apart. (No such flag on Windows, nor FIFOs.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

// ignoreBOM keeps a byte order mark in the text, as readFile(…, 'utf8') does: --fix writes it back.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function policySkip(reason: string): ReadOutcome {
  return { kind: 'skipped', reason, policy: true };
}

export function readSource(file: string, maxFileSize: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return { kind: 'skipped', reason: reasonOf(error), policy: false };
  }
  let bytes: Buffer;
  try {
    // One fstat: the size to check and to read, and whether it is a file at all.
    const stats = fstatSync(fd);
    if (!stats.isFile()) return policySkip('not a regular file');
    if (stats.size > maxFileSize) return policySkip(`${stats.size} bytes, over the limit of ${maxFileSize} (--max-file-size)`);
    bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break; // truncated since the fstat: lint what is there
      read += count;
    }
    bytes = bytes.subarray(0, read);
  } catch (error) {
    return { kind: 'skipped', reason: reasonOf(error), policy: false };
  } finally {
    closeSync(fd);
  }
  if (bytes.indexOf(0) >= 0) return policySkip('binary content (a NUL byte)');
  try {
    return { kind: 'text', text: decoder.decode(bytes) };
  } catch {
    return policySkip('not valid UTF-8');
  }
}
