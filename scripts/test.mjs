// `npm test`: every check, in the order a failure is cheapest to find. Type check and compile,
// lint, bundle and package, then the test levels: engine (unit), protocol (the bundled server over stdio),
// precision and recall on the labelled corpus (eval), and the extension in real VS Code (test/e2e/run.mjs picks the launcher). Prints the
// counts per level and one closing `N passed, N failed` line.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'compile', command: ['npx', 'tsc', '-b'] },
  { name: 'eslint', command: ['npx', 'eslint', '.'] },
  // The production bundles and the .vsix: the tests run what users get, and a unit test checks
  // what the .vsix holds.
  { name: 'package', command: ['npm', 'run', '--silent', 'package'] },
  { name: 'unit', command: ['node', '--test', '--test-reporter=spec', 'out/test/unit/'], counts: 'node' },
  { name: 'lsp', command: ['node', '--test', '--test-reporter=spec', 'out/test/lsp/'], counts: 'node' },
  { name: 'eval', command: ['node', 'scripts/eval.mjs'] },
  { name: 'e2e', command: ['node', 'test/e2e/run.mjs'], counts: 'summary' },
];

function run([command, ...args]) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function countsOf(kind, output) {
  const last = (pattern) => [...output.matchAll(pattern)].pop();
  if (kind === 'node') {
    const pass = last(/^ℹ pass (\d+)$/gm);
    const fail = last(/^ℹ fail (\d+)$/gm);
    const skipped = last(/^ℹ skipped (\d+)$/gm);
    return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]), skipped: Number(skipped?.[1] ?? 0) } : undefined;
  }
  const summary = last(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/gm);
  return summary ? { passed: Number(summary[1]), failed: Number(summary[2]), skipped: Number(summary[3] ?? 0) } : undefined;
}

const results = [];
let ok = true;
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const { code, output } = await run(step.command);
  const counts = step.counts ? countsOf(step.counts, output) : undefined;
  // A level that failed without reporting a failed test (it crashed) still counts as a failure.
  const failed = code !== 0 && !counts?.failed ? { failed: 1 } : {};
  results.push({ step: step.name, exit: code, ...counts, ...failed });
  if (code !== 0) {
    ok = false;
    break; // later levels rest on earlier ones (the bundle, the compiled tests)
  }
}

console.log('\n=== summary');
console.table(results);
const passed = results.reduce((sum, r) => sum + (r.passed ?? 0), 0);
const failed = results.reduce((sum, r) => sum + (r.failed ?? 0), 0);
const skipped = results.reduce((sum, r) => sum + (r.skipped ?? 0), 0);
if (!ok) console.log(`stopped at ${results[results.length - 1].step} (exit code ${results[results.length - 1].exit})`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = ok && failed === 0 ? 0 : 1;
