// The index of one workspace folder, as the CLI makes it (engine/project/project.ts index()): the
// folder is walked once, its files grouped by the project they belong to (disk/project-roots.ts),
// and each project's files read once as text; the few that may send or decide a 401, 403 or 407,
// and the files that call what does, are summarized. With the `workspace` scope, those files are
// linted too, in their project, for the Problems panel: no other file can hold a finding. The
// result is plain data: it is made on a worker thread (index-thread.ts) and crosses to the
// server's thread by structured clone.
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createProject, lint, matchesGlobs, type FileSummary, type LintSettings, type Project } from '../engine';
import { ConfigCache, resolveSettings } from '../config/project-config';
import { diagnosticsOf } from '../diagnostics';
import { isInside } from '../disk/inside';
import { otherFilesOf } from '../other-files';
import { gitIgnored } from '../disk/git-ignored';
import { ProjectRoots } from '../disk/project-roots';
import { collectFiles } from '../disk/walk';
import { WalkedHost } from '../disk/walked-host';
import { indexProject } from '../disk/parallel-index';

/** One project's index: what Project.adoptIndex takes, with the handler files it found. */
export interface RootIndex {
  root: string;
  /** The project's files that were read (git-ignored ones are not). */
  files: number;
  selected: string[];
  summaries: Record<string, FileSummary>;
  producing: string[];
  apps: ReturnType<Project['apps']>;
  handlerFiles: string[];
}

/** The diagnostics of the files of a project that were linted (those without findings too, so
 * that a file whose findings went away is cleared). */
export interface FileDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
}

/** How a folder's files are linted when the whole workspace is: the editor settings the user set
 * for the folder, over each file's config file. */
export interface WorkspaceLint {
  overrides: Partial<LintSettings>;
}

/** How a folder is indexed, from the editor settings for it. */
export interface FolderIndexSettings {
  /** Larger files are not read (`httpAuthLint.maxFileSize`). */
  maxFileSize: number;
  /** The editor's excluded globs, relative to the folder (VS Code's `files.exclude`): what the user
   * hid from the workspace is not read, as what git ignores is not. */
  exclude: readonly string[];
  /** With the `workspace` scope: how its files are linted for the Problems panel. */
  lint?: WorkspaceLint;
}

export interface IndexReport {
  /** The walk is over: how many files the folder's projects hold. */
  walked(files: number): void;
  /** One project is indexed (a folder may hold several: a monorepo without workspaces). */
  indexed(index: RootIndex): void;
  /** With a WorkspaceLint: the findings of one project's files. */
  linted(root: string, files: FileDiagnostics[]): void;
  /** The second thread of the text pass failed: this one read the files. */
  warning(message: string): void;
}

export async function buildFolderIndex(folder: string, { maxFileSize, exclude, lint: workspaceLint }: FolderIndexSettings, report: IndexReport): Promise<void> {
  const walk = await collectFiles([folder], folder);
  const gitIgnores = gitIgnored(folder);
  const ignored = (file: string) => gitIgnores(file) || matchesGlobs(file, exclude, folder);
  const roots = new ProjectRoots(walk.listings, [folder]);
  const byRoot = new Map<string, string[]>();
  // Each project's own .gitignore too (a package of a monorepo), as the CLI reads it.
  const ignoredByRoot = new Map<string, (file: string) => boolean>();
  const rootIgnores = (root: string) => {
    let test = ignoredByRoot.get(root);
    if (!test) ignoredByRoot.set(root, (test = root === folder ? () => false : gitIgnored(root)));
    return test;
  };
  let total = 0;
  for (const file of walk.files) {
    if (ignored(file)) continue;
    const root = roots.rootOf(file);
    if (rootIgnores(root)(file)) continue;
    const files = byRoot.get(root);
    if (files) files.push(file);
    else byRoot.set(root, [file]);
    total++;
  }
  // The files the index reads, counted once every .gitignore has had its say.
  report.walked(total);
  for (const [root, files] of byRoot) {
    const host = new WalkedHost(maxFileSize, new Set(files), walk.listings);
    const project = createProject(host, root);
    // The analyses made for the summaries are kept for the lint below: each file is parsed once.
    if (workspaceLint) project.keepAnalysesOf(files.filter((file) => isInside(file, folder)));
    // Every selected file's summary is made here, off the server's thread (as soon as it is
    // selected, while another thread reads the rest): an open file's lint then reads the
    // summaries of what it imports without parsing them.
    const { selected } = await indexProject(project, host, files, { parallel: true, early: () => true, onThreadFailure: (message) => report.warning(message) });
    for (const file of selected) project.summaryOf(file);
    report.indexed({
      root,
      files: files.length,
      selected: [...selected],
      summaries: project.selectedSummaries(),
      producing: [...project.producingNames()],
      apps: project.apps(),
      handlerFiles: project.handlerFileList(),
    });
    if (workspaceLint) report.linted(root, lintSelected(project, folder, selected, workspaceLint));
  }
}

/** Lints the selected files of the folder in their project, as the editor would if each were open. */
function lintSelected(project: Project, folder: string, selected: ReadonlySet<string>, { overrides }: WorkspaceLint): FileDiagnostics[] {
  const configs = new ConfigCache();
  // The index thread has no open documents: other files are read from disk.
  const otherFile = otherFilesOf(() => undefined);
  const results: FileDiagnostics[] = [];
  for (const file of selected) {
    if (!isInside(file, folder)) continue;
    const text = project.host.readFile(file);
    if (text === undefined) continue;
    const resolved = resolveSettings(file, configs, { boundary: folder, fallbackRoot: folder, overrides });
    if (resolved.ignored) continue;
    const document = TextDocument.create(pathToFileURL(file).href, 'typescript', 0, text);
    try {
      const result = lint(file, text, resolved.settings, { project, file });
      results.push({ uri: document.uri, diagnostics: diagnosticsOf(document, result, otherFile) });
    } catch {
      // The parser gave up on the file (absurdly nested code): its lint, once opened, says why.
    }
  }
  return results;
}
