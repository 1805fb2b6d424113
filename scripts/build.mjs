// Bundles the extension client, the language server and the CLI to one file each (esbuild).
// `vscode` stays external: the editor provides it. `--production` minifies: a minified bundle
// of the `typescript` compiler loads noticeably faster at server start.
import * as esbuild from 'esbuild';
import { lazyTypescript } from './esbuild-lazy-typescript.mjs';
import { plainTypescript } from './esbuild-plain-typescript.mjs';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's `main` is a UMD build whose require() calls esbuild cannot follow; its ESM
  // build (`module`) bundles.
  mainFields: ['module', 'main'],
  plugins: [plainTypescript],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  // dist/server.js is a small loader that runs dist/server-core.js through V8's code cache.
  esbuild.build({ ...common, entryPoints: ['server/src/launch/server.ts'], outfile: 'dist/server.js' }),
  // The server parses at once (its first lint): TypeScript's compiler is in its bundle, one code
  // cache to load (dist/typescript.js apart starts it about 30 ms later).
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server-core.js' }),
  // The same for the CLI: dist/cli.js loads dist/cli-core.js.
  esbuild.build({ ...common, entryPoints: ['server/src/launch/cli.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-core.js', plugins: [lazyTypescript] }),
  // The index's text pass on its own thread (server/src/disk/text-pass-thread.ts): no compiler in it.
  esbuild.build({ ...common, entryPoints: ['server/src/disk/text-pass-thread.ts'], outfile: 'dist/text-pass.js' }),
  // The ESLint plugin, `http-auth-lint/eslint-plugin` (package.json exports).
  esbuild.build({ ...common, entryPoints: ['server/src/eslint-plugin/index.ts'], outfile: 'dist/eslint-plugin.js', plugins: [lazyTypescript] }),
  // TypeScript's compiler on its own, as a plain copy of its exports (as esbuild-plain-typescript.mjs makes it):
  // the CLI and the ESLint plugin load it when they first parse a file (esbuild-lazy-typescript.mjs).
  esbuild.build({ ...common, stdin: { contents: "module.exports = Object.assign({}, require('typescript'));", resolveDir: '.', loader: 'js' }, outfile: 'dist/typescript.js', plugins: [] }),
]);
