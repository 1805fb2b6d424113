// An esbuild plugin for the CLI's and the ESLint plugin's bundles: `import ts from 'typescript'`
// gets an object that loads TypeScript's compiler (dist/typescript.js, through V8's code cache) the
// first time a function of it is used. A CLI run whose files all come from the cache, or none of
// whose files mention a status, parses nothing and never pays for loading the compiler, most of
// the CLI's start; and the two share one copy of it in the npm package.
// Enums (`ts.SyntaxKind.CallExpression`, read at module load by the adapters) are plain data,
// written into the bundle from the same TypeScript the compiler bundle is built from.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const compileCache = fileURLToPath(new URL('../server/src/launch/compile-cache.ts', import.meta.url));

/** Plain data exports: objects of numbers and strings (enums), numbers and strings. */
function dataExports() {
  const data = {};
  for (const key of Object.keys(ts)) {
    const value = ts[key];
    if (typeof value === 'number' || typeof value === 'string') data[key] = value;
    else if (value && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'number' || typeof v === 'string')) data[key] = value;
  }
  return data;
}

export const lazyTypescript = {
  name: 'lazy-typescript',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: 'typescript', namespace: 'lazy-typescript' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-typescript' }, () => {
      const data = dataExports();
      const lazy = Object.keys(ts).filter((key) => !(key in data));
      return {
        loader: 'js',
        resolveDir: dirname(compileCache),
        contents: `
import { loadWithCompileCache } from ${JSON.stringify(compileCache)};
const ts = ${JSON.stringify(data)};
const path = require('node:path');
/** Loads the compiler and turns every lazy property into the plain value it stands for. */
function load() {
  const real = loadWithCompileCache(path.join(__dirname, 'typescript.js'));
  for (const key of ${JSON.stringify(lazy)}) Object.defineProperty(ts, key, { value: real[key], writable: true, enumerable: true, configurable: true });
}
for (const key of ${JSON.stringify(lazy)}) {
  Object.defineProperty(ts, key, { get() { load(); return ts[key]; }, enumerable: true, configurable: true });
}
export default ts;
`,
      };
    });
  },
};
