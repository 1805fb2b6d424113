// The disk as the project analysis reads it (engine/project/host.ts): every failure is "not there".
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { ProjectHost } from '../engine';

// As read.ts: a FIFO named x.ts opens at once with O_NONBLOCK, and fstat tells it apart.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The text of a regular file no larger than `maxSize` bytes; undefined otherwise, and when it
 * cannot be read. */
export function readRegularFile(fileName: string, maxSize = Infinity): string | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(fileName, OPEN_FLAGS);
    // Only regular files: a FIFO or a device would block the read, or never end.
    const stats = fstatSync(descriptor);
    return stats.isFile() && stats.size <= maxSize ? readFileSync(descriptor, 'utf8') : undefined;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** A file of a walk as the index reads it: a regular file (the walk said so) is read at once, any
 * other is opened and checked first (a FIFO named x.ts would block a plain read). Undefined for a
 * file over `maxSize` (its characters; the bytes of a file checked first), a binary file (a NUL in
 * it) and one that cannot be read. */
export function readWalkedFile(fileName: string, regular: boolean, maxSize: number): string | undefined {
  let text: string | undefined;
  if (!regular) text = readRegularFile(fileName, maxSize);
  else {
    try {
      text = readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
    if (text.length > maxSize) return undefined;
  }
  return text === undefined || text.includes('\0') ? undefined : text;
}

export const diskHost: ProjectHost = {
  readFile: (fileName) => readRegularFile(fileName),
  fileExists(fileName) {
    try {
      return statSync(fileName).isFile();
    } catch {
      return false;
    }
  },
  listFolders(folder) {
    try {
      return readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    } catch {
      return [];
    }
  },
};
