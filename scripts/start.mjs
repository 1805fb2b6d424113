// `npm start`: the main job on the bundled examples. Lints examples/ with the CLI (as CI would),
// then builds the extension package. The examples contain errors on purpose, so the lint exits 1;
// anything else (0, or 2 for a fatal problem) means something is wrong.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status;

if (run('node', ['scripts/build.mjs']) !== 0) process.exit(1);

console.log('\n$ http-auth-lint examples/');
const lintStatus = run('node', ['bin/http-auth-lint.js', 'examples/']);
if (lintStatus !== 1) {
  console.error(`expected exit code 1 (the examples hold errors on purpose), got ${lintStatus}`);
  process.exit(1);
}
console.log('(exit code 1: the examples hold errors on purpose)\n');

console.log('$ npm run package');
if (run('npm', ['run', '--silent', 'package']) !== 0) process.exit(1);
const vsix = 'dist/http-auth-lint.vsix';
console.log(`\n${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB. Install it with: code --install-extension ${vsix}`);
