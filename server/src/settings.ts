// Reads the `httpAuthLint` configuration section the editor answers into what the engine takes.
// The answer holds only what the user set (the VS Code client leaves defaults out, see
// client/src/extension.ts): whatever is here overrides the project's `.httpauthlintrc.json`.
// The names of the settings come from package.json `contributes.configuration`; the rule ids and
// severities from the engine, so this file holds no list of its own.
import { ruleCatalog } from './engine';
import { SEVERITIES, DEFAULT_CHALLENGE, type LintSettings, type Severity } from './engine/types';
import { SECTION } from './protocol';

export { SECTION };

/** `httpAuthLint.maxFileSize` when the client sends none: 2 MiB, package.json's default. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface EditorSettings {
  /** `httpAuthLint.enable`: false publishes no diagnostics for the document. */
  enable: boolean;
  /** `httpAuthLint.scope`: the findings of every file of the workspace folder, or of open files only. */
  scope: 'workspace' | 'openFiles';
  /** `httpAuthLint.maxFileSize`: a document of more UTF-8 bytes is not analyzed (and no tree of it
   * is kept); it gets one informational diagnostic that names the setting instead. */
  maxFileSize: number;
  /** The lint settings the user set in the editor; each one present overrides the config file. */
  overrides: Partial<LintSettings>;
}

export function defaultEditorSettings(): EditorSettings {
  return { enable: true, scope: 'workspace', maxFileSize: DEFAULT_MAX_FILE_SIZE, overrides: {} };
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns the raw section (as VS Code nests it: `{ enable, maxFileSize, defaultChallenge, rules: { <id>: severity },
 * trace: { server } }`) into editor settings. A value of the wrong kind is reported through `warn`
 * and left out, so one typo in settings.json does not switch the linter off.
 */
export function readEditorSettings(raw: unknown, warn: (message: string) => void): EditorSettings {
  const settings = defaultEditorSettings();
  if (raw === null || raw === undefined) {
    return settings;
  }
  if (!isRecord(raw)) {
    warn(`Ignored the "${SECTION}" settings: expected an object.`);
    return settings;
  }
  const overrides = settings.overrides;
  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') {
      settings.enable = raw.enable;
    } else {
      warn(`Ignored ${SECTION}.enable = ${JSON.stringify(raw.enable)}: expected true or false.`);
    }
  }
  if (raw.scope !== undefined) {
    if (raw.scope === 'workspace' || raw.scope === 'openFiles') {
      settings.scope = raw.scope;
    } else {
      warn(`Ignored ${SECTION}.scope = ${JSON.stringify(raw.scope)}: expected "workspace" or "openFiles".`);
    }
  }
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize >= 0) {
      settings.maxFileSize = raw.maxFileSize;
    } else {
      warn(`Ignored ${SECTION}.maxFileSize = ${JSON.stringify(raw.maxFileSize)}: expected a number of bytes (0 or more).`);
    }
  }
  if (raw.defaultChallenge !== undefined) {
    if (typeof raw.defaultChallenge === 'string' && raw.defaultChallenge.trim() !== '') {
      overrides.defaultChallenge = raw.defaultChallenge;
    } else {
      warn(
        `Ignored ${SECTION}.defaultChallenge = ${JSON.stringify(raw.defaultChallenge)}: ` +
          `expected a non-empty challenge such as ${JSON.stringify(DEFAULT_CHALLENGE)}.`,
      );
    }
  }
  if (raw.proxyFiles !== undefined) {
    if (Array.isArray(raw.proxyFiles) && raw.proxyFiles.every((glob) => typeof glob === 'string')) {
      overrides.proxyFiles = raw.proxyFiles;
    } else {
      warn(`Ignored ${SECTION}.proxyFiles = ${JSON.stringify(raw.proxyFiles)}: expected an array of globs.`);
    }
  }
  if (raw.rules !== undefined) {
    if (isRecord(raw.rules)) {
      const known = new Set(ruleCatalog.map((rule) => rule.id));
      const rules: Record<string, Severity> = {};
      for (const [ruleId, severity] of Object.entries(raw.rules)) {
        if (!known.has(ruleId)) {
          warn(`Ignored ${SECTION}.rules.${ruleId}: there is no such rule.`);
        } else if (!isSeverity(severity)) {
          warn(
            `Ignored ${SECTION}.rules.${ruleId} = ${JSON.stringify(severity)}: ` +
              `expected one of ${SEVERITIES.join(', ')}; the rule keeps its severity from the config file or its default.`,
          );
        } else {
          rules[ruleId] = severity;
        }
      }
      overrides.rules = rules;
    } else {
      warn(`Ignored ${SECTION}.rules: expected an object of rule id to severity.`);
    }
  }
  return settings;
}

/** The editor's `files.exclude` section -> the globs that are on (`{ "**\/dist": true }`). A glob
 * that is on only beside a sibling file (`{ "when": "$(basename).ts" }`) is left out: what it hides
 * depends on each folder's listing, and reading a file too many costs less than missing one. */
export function excludedGlobs(raw: unknown): string[] {
  if (!isRecord(raw)) {
    return [];
  }
  return Object.entries(raw)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
