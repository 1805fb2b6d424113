// The CLI's version, for --version and SARIF's tool.driver.version.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/** The version in the package.json above this file: dist/cli.js and out/server/src/cli/version.js
 * sit at different depths, so it is looked for rather than imported (an import would bundle a
 * copy of the manifest that could go stale). */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'http-auth-lint' && typeof manifest.version === 'string') {
        return (cached = manifest.version);
      }
    } catch {
      // No package.json here (or not ours): look one folder up.
    }
    if (path.dirname(folder) === folder) {
      return (cached = 'unknown');
    }
  }
}
