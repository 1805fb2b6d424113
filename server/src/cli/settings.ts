// Settings for each linted file, from the source the command line chose: the nearest
// `.httpauthlintrc.json` (what the language server reads too, so CI and the editor agree), one
// given file (--config), or none (--no-config).
import * as path from 'node:path';
import { ConfigCache, resolveSettings, type LoadedConfig } from '../config/project-config';
import type { LintSettings } from '../engine';
import type { ConfigSource } from './args';

export interface FileSettings {
  settings: Partial<LintSettings>;
  /** The configuration file that applies, if any. */
  config: LoadedConfig | undefined;
  /** The file matches the configuration's `ignore` globs: it is skipped without a word. */
  ignored: boolean;
}

export class CliSettings {
  private readonly cache = new ConfigCache();

  constructor(
    private readonly source: ConfigSource,
    private readonly cwd: string,
  ) {}

  /** The file given with --config, read now: its problems are reported even when no file is linted. */
  givenConfig(): LoadedConfig | undefined {
    return this.source.kind === 'file' ? this.cache.load(path.resolve(this.cwd, this.source.path)) : undefined;
  }

  forFile(fileName: string): FileSettings {
    const configFile = this.source.kind === 'file' ? path.resolve(this.cwd, this.source.path) : this.source.kind === 'none' ? null : undefined;
    // Globs of a configuration file are relative to its folder; without one, to the current directory.
    return resolveSettings(fileName, this.cache, { fallbackRoot: this.cwd, configFile });
  }
}
