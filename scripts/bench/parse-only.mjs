// The baseline process for the CLI figures: read every handler file of a folder and parse it with
// ts.createSourceFile (parents set, as the engine needs them), nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const ts = createRequire(import.meta.url)('typescript');
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
let nodes = 0;
for (const file of walk(process.argv[2])) {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  nodes += sourceFile.statements.length;
}
if (nodes === 0) process.exitCode = 1;
