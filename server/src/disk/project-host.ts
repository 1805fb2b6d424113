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
