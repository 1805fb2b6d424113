// Finds and reads `.httpauthlintrc.json` for a linted file: the nearest one up the tree, stopping
// at a boundary (the workspace folder; the file system root for the CLI). The CLI and the language
// server both resolve settings here, so a project gets the same findings in CI and in the editor.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, parse as parsePath } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_CHALLENGE, matchesGlobs, parseConfig, ruleCatalog, type ConfigProblem, type LintSettings, type ProjectConfig } from '../engine';

export interface LoadedConfig {
  path: string;
  config: ProjectConfig;
  /** Problems in the file's content; each one dropped only its own entry. */
  problems: ConfigProblem[];
  text: string;
}

/** Settings for one file: what the linter runs with, and where they came from. */
export interface ResolvedSettings {
  settings: LintSettings;
  config: LoadedConfig | undefined;
  /** The file matches the config's `ignore` globs. */
  ignored: boolean;
}

const RULE_IDS = ruleCatalog.map((rule) => rule.id);

/** The nearest config file at or above `directory`, not above `boundary` when one is given. */
export function findConfigFile(directory: string, boundary?: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE_NAME);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: look one folder up
    }
    if (current === boundary || current === parsePath(current).root || dirname(current) === current) return undefined;
  }
}

/** Reads config files, once per change on disk (keyed by modification time and size). */
export class ConfigCache {
  private readonly entries = new Map<string, { stamp: string; loaded: LoadedConfig }>();

  load(path: string): LoadedConfig {
    let stamp = 'missing';
    try {
      const stat = statSync(path);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      // read below reports it
    }
    const cached = this.entries.get(path);
    if (cached && cached.stamp === stamp) return cached.loaded;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const loaded = { path, config: {}, problems: [{ message: `Cannot read it: ${(error as Error).message}`, start: 0, end: 0 }], text: '' };
      return loaded;
    }
    const { config, problems } = parseConfig(text, RULE_IDS);
    const loaded = { path, config, problems, text };
    this.entries.set(path, { stamp, loaded });
    return loaded;
  }

  /** Forgets a file (the editor says it changed or was deleted). */
  forget(path: string): void {
    this.entries.delete(path);
  }
}

export interface ResolveOptions {
  /** Where the search for a config file stops (the workspace folder). */
  boundary?: string;
  /** What globs are relative to when no config file gives a folder. */
  fallbackRoot?: string;
  /** Editor settings a user set explicitly: they win over the file. */
  overrides?: Partial<LintSettings>;
  /** A config file to use instead of searching (the CLI's --config), or null for none (--no-config). */
  configFile?: string | null;
}

/**
 * Settings for `fileName`: the engine's defaults, then the nearest config file (or the one given),
 * then `overrides`. Globs of the config are relative to its folder; the others to `fallbackRoot`.
 */
export function resolveSettings(fileName: string, cache: ConfigCache, options: ResolveOptions = {}): ResolvedSettings {
  const path = options.configFile !== undefined ? (options.configFile ?? undefined) : findConfigFile(dirname(fileName), options.boundary);
  const config = path ? cache.load(path) : undefined;
  const fromFile = config?.config ?? {};
  const overrides = options.overrides ?? {};
  const root = overrides.proxyFiles ? options.fallbackRoot : config ? dirname(config.path) : options.fallbackRoot;
  const settings: LintSettings = {
    rules: { ...fromFile.rules, ...overrides.rules },
    defaultChallenge: overrides.defaultChallenge ?? fromFile.defaultChallenge ?? DEFAULT_CHALLENGE,
    proxyFiles: overrides.proxyFiles ?? fromFile.proxyFiles ?? [],
    root,
  };
  const ignored = !!config && matchesGlobs(fileName, fromFile.ignore ?? [], dirname(config.path));
  return { settings, config, ignored };
}
