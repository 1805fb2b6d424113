// The language server's entry point (bundled to dist/server.js): loads the server itself
// (dist/server-core.js) through V8's code cache, which makes every start after the first one
// several times faster to its first diagnostics (compile-cache.ts). Before that, it starts the
// thread that will index the first workspace folder: that thread loads the bundle meanwhile
// (workspace/standby-index-thread.ts). An index worker runs this file too, and starts none.
import * as path from 'node:path';
import { startStandbyIndexThread } from '../workspace/standby-index-thread';
import { loadWithCompileCache } from './compile-cache';

startStandbyIndexThread(__filename);
loadWithCompileCache(path.join(__dirname, 'server-core.js'));
