// The CLI's bundle entry (dist/cli.js, which bin/http-auth-lint.js requires): loads the CLI itself
// (dist/cli-core.js) through V8's code cache in the temp folder, so that every run after the first
// skips compiling TypeScript's compiler (compile-cache.ts). Worker threads load dist/cli-core.js.
import * as path from 'node:path';
import { loadWithCompileCache } from './compile-cache';

export = loadWithCompileCache(path.join(__dirname, 'cli-core.js')) as typeof import('../cli/main');
