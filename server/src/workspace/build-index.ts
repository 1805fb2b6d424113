// The index of one workspace folder, as the CLI makes it (engine/project/project.ts index()): the
// folder is walked once, its files grouped by the project they belong to (disk/project-roots.ts),
// and each project's files read once as text; the few that may send or decide a 401, 403 or 407,
// and the files that call what does, are summarized. The result is plain data: it is made on a
// worker thread (index-thread.ts) and crosses to the server's thread by structured clone.
import { createProject, type FileSummary, type Project } from '../engine';
import { gitIgnored } from '../disk/git-ignored';
import { ProjectRoots } from '../disk/project-roots';
import { collectFiles } from '../disk/walk';
import { WalkedHost } from '../disk/walked-host';

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

export interface IndexReport {
  /** The walk is over: how many files the folder's projects hold. */
  walked(files: number): void;
  /** One project is indexed (a folder may hold several: a monorepo without workspaces). */
  indexed(index: RootIndex): void;
}

export async function buildFolderIndex(folder: string, maxFileSize: number, report: IndexReport): Promise<void> {
  const walk = await collectFiles([folder], folder);
  const ignored = gitIgnored(folder);
  const roots = new ProjectRoots(walk.listings);
  const byRoot = new Map<string, string[]>();
  let total = 0;
  for (const file of walk.files) {
    if (ignored(file)) continue;
    const root = roots.rootOf(file);
    const files = byRoot.get(root);
    if (files) files.push(file);
    else byRoot.set(root, [file]);
    total++;
  }
  report.walked(total);
  for (const [root, files] of byRoot) {
    const host = new WalkedHost(maxFileSize, new Set(files), walk.listings);
    const project = createProject(host, root);
    const selected = project.index(files);
    // Every selected file's summary is made here, off the server's thread: an open file's lint
    // then reads the summaries of what it imports without parsing them.
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
  }
}
