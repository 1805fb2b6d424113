// Whether a path lies in a folder: the test every folder-scoped lookup makes (a workspace folder's
// files, a project root's). `/a/bc` is not in `/a/b`. The engine's, which module resolution uses too.
export { isInside } from '../engine/project/resolve/tsconfig';
