// The disk as the project analysis reads it (engine/project/host.ts): every failure is "not there".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { ProjectHost } from '../engine';

export const diskHost: ProjectHost = {
  readFile(fileName) {
    try {
      return readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
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
