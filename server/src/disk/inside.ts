// Whether a path lies in a folder: the test every folder-scoped lookup makes (a workspace folder's
// files, a project root's). `/a/bc` is not in `/a/b`.
import * as path from 'node:path';

export function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}
