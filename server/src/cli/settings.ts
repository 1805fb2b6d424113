// Settings for each linted file, from the source the command line chose: the nearest
// `.httpauthlintrc.json` (what the language server reads too, so CI and the editor agree), one
// given file (--config), or none (--no-config).
//
// A CLI run is one snapshot of the tree: which folder has a configuration file is looked up once
// per folder (not once per folder level per file), and each configuration file is read once.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigCache, resolveSettings, type LoadedConfig } from '../config/project-config';
import { CONFIG_FILE_NAME, type LintSettings } from '../engine';
import type { ConfigSource } from './args';

export interface FileSettings {
  settings: Partial<LintSettings>;
  /** The configuration file that applies, if any. */
  config: LoadedConfig | undefined;
  /** The file matches the configuration's `ignore` globs: it is skipped without a word. */
  ignored: boolean;
}

/** ConfigCache checks a file's modification time on every load, for the editor's sake; within one
 * run the first load stands. */
class RunConfigCache extends ConfigCache {
  private readonly loaded = new Map<string, LoadedConfig>();

  override load(configPath: string): LoadedConfig {
    let config = this.loaded.get(configPath);
    if (config === undefined) {
      config = super.load(configPath);
      this.loaded.set(configPath, config);
    }
    return config;
  }
}

export class CliSettings {
  private readonly cache = new RunConfigCache();
  /** Folder -> the nearest configuration file at or above it (null: none up to the root). */
  private readonly nearest = new Map<string, string | null>();

  constructor(
    private readonly source: ConfigSource,
    private readonly cwd: string,
  ) {}

  /** The file given with --config, read now: its problems are reported even when no file is linted. */
  givenConfig(): LoadedConfig | undefined {
    return this.source.kind === 'file' ? this.cache.load(path.resolve(this.cwd, this.source.path)) : undefined;
  }

  forFile(fileName: string): FileSettings {
    const configFile =
      this.source.kind === 'file' ? path.resolve(this.cwd, this.source.path) : this.source.kind === 'none' ? null : this.nearestConfig(path.dirname(fileName));
    // Globs of a configuration file are relative to its folder; without one, to the current directory.
    return resolveSettings(fileName, this.cache, { fallbackRoot: this.cwd, configFile });
  }

  /** As findConfigFile (config/project-config.ts) with no boundary, remembered per folder. */
  private nearestConfig(folder: string): string | null {
    const known = this.nearest.get(folder);
    if (known !== undefined) return known;
    let found: string | null = null;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    try {
      if (statSync(candidate).isFile()) found = candidate;
    } catch {
      // not here
    }
    const parent = path.dirname(folder);
    if (found === null && parent !== folder) found = this.nearestConfig(parent);
    this.nearest.set(folder, found);
    return found;
  }
}
