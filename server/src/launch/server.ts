// The language server's entry point (bundled to dist/server.js): loads the server itself
// (dist/server-core.js) through V8's code cache, which makes every start after the first one
// several times faster to its first diagnostics (compile-cache.ts).
import * as path from 'node:path';
import { loadWithCompileCache } from './compile-cache';

loadWithCompileCache(path.join(__dirname, 'server-core.js'));
