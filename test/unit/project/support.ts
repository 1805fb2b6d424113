// Projects in memory for the tests of the project analysis: files by path under a root, a host
// that reads them (and can fail on purpose), and a lint of every file the index selects, as the
// CLI runs it. Findings are written `path:line rule` so that a test reads as the expected output.
import * as path from 'node:path';
import { lint, Project, summarizeText, type LintResult, type ProjectHost } from '../../../server/src/engine';

export const ROOT = path.resolve('/project');

export type Files = Record<string, string>;

/** A host over `files` (paths relative to ROOT). */
export function memoryHost(files: Files): ProjectHost & { reads: string[] } {
  const absolute = new Map(Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text]));
  const folders = new Set<string>();
  for (const file of absolute.keys()) for (let folder = path.dirname(file); folder !== path.dirname(folder); folder = path.dirname(folder)) folders.add(folder);
  const reads: string[] = [];
  return {
    reads,
    readFile(fileName) {
      reads.push(fileName);
      return absolute.get(fileName);
    },
    fileExists: (fileName) => absolute.has(fileName),
    listFolders(folder) {
      return [...folders].filter((f) => path.dirname(f) === folder && f !== folder).map((f) => path.basename(f));
    },
  };
}

export interface ProjectRun {
  project: Project;
  /** Files the index selected, relative to ROOT. */
  selected: string[];
  results: Map<string, LintResult>;
  /** `path:line rule` for every finding, sorted. */
  findings: string[];
  /** The findings of one rule with their messages: `path:line message`. */
  messages(ruleId: string): string[];
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Indexes the project and lints every file it selects; `parsed` hears of every file the project
 * parses for a summary (`graphOnly`: for its imports and exports alone). */
export function lintProject(files: Files, host: ProjectHost = memoryHost(files), parsed?: (file: string, graphOnly: boolean) => void): ProjectRun {
  const project = new Project(host, ROOT, (file, text, graphOnly) => {
    parsed?.(path.relative(ROOT, file).split(path.sep).join('/'), graphOnly ?? false);
    return summarizeText(file, text, graphOnly);
  });
  const all = Object.keys(files).map((name) => path.join(ROOT, name));
  const selected = project.index(all);
  const results = new Map<string, LintResult>();
  for (const file of all) {
    if (!selected.has(file)) continue;
    const text = files[path.relative(ROOT, file)];
    results.set(path.relative(ROOT, file).split(path.sep).join('/'), lint(file, text, {}, { project, file }));
  }
  const findings: string[] = [];
  for (const [name, result] of results) for (const finding of result.findings) findings.push(`${name}:${lineOf(files[name], finding.start)} ${finding.ruleId}`);
  return {
    project,
    selected: [...selected].map((file) => path.relative(ROOT, file).split(path.sep).join('/')).sort(),
    results,
    findings: findings.sort(),
    messages(ruleId) {
      const out: string[] = [];
      for (const [name, result] of results) for (const finding of result.findings) if (finding.ruleId === ruleId) out.push(`${name}:${lineOf(files[name], finding.start)} ${finding.message}`);
      return out.sort();
    },
  };
}

/** `path:line` of the first line of `files[name]` that contains `text`. */
export function at(files: Files, name: string, text: string): string {
  const index = files[name].indexOf(text);
  if (index < 0) throw new Error(`${name} does not contain ${text}`);
  return `${name}:${lineOf(files[name], index)}`;
}
