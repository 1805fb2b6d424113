// The projects of a run's files: for each, the index (engine/project/project.ts index()) reads every
// file once as text and selects the few that may send or decide a status, or call what does; only
// those of the files to lint are linted, the others cannot hold a finding. Files that cannot be
// read as text (too large, binary, gone) are linted too, so that the lint says why it skips them.
import * as path from 'node:path';
import { createProject, type FileSummary, type Project } from '../engine';
import { fingerprintOf, hashOf, type RunCache } from './cache';
import { gitIgnored } from '../disk/git-ignored';
import { ProjectRoots } from '../disk/project-roots';
import { collectFiles, type WalkResult } from '../disk/walk';
import { WalkedHost } from '../disk/walked-host';
import { indexProject } from '../disk/parallel-index';

/** What a thread needs to read a project as the main thread indexed it (plain data). */
export type ProjectsOption = Record<string, { handlerFiles: string[]; selected: string[]; summaries: Record<string, FileSummary>; producing: string[]; apps: ReturnType<Project['apps']> }>;

export class ProjectScan {
  private readonly roots: ProjectRoots;
  private readonly rootByFile = new Map<string, string>();
  /** The files to lint, by the root of their project. */
  readonly filesByRoot = new Map<string, string[]>();
  /** The files to lint that an index selected (or that cannot be read as text). */
  readonly selected = new Set<string>();
  private readonly projects = new Map<string, { project: Project; handlerFiles: string[]; selected: string[] }>();
  /** The roots whose index was taken from the cache: nothing of theirs was parsed for it. */
  private readonly cachedIndexes = new Set<string>();

  /** `walked`: the run's own walk, with the folders it walked: a root among them is not walked again. */
  constructor(
    files: readonly string[],
    private readonly maxFileSize: number,
    private readonly cache?: RunCache,
    private readonly walked?: Pick<WalkResult, 'files' | 'listings' | 'named'> & { folders: readonly string[] },
    /** Whether the index may read the files on a second thread (parallel-index.ts), and where it
     * says that the thread failed. */
    private readonly parallel: { onThreadFailure: (message: string) => void } | undefined = undefined,
  ) {
    this.roots = new ProjectRoots(walked?.listings, walked?.folders);
    for (const file of files) {
      const root = this.roots.rootOf(file);
      this.rootByFile.set(file, root);
      const list = this.filesByRoot.get(root);
      if (list) list.push(file);
      else this.filesByRoot.set(root, [file]);
    }
  }

  /** Indexes the project at `root` (or takes its index from the cache). A run indexes one project
   * at a time and releases it once its files are linted: memory follows the largest project, not
   * the sum of them. */
  async index(root: string): Promise<Project> {
    const { cache, walked, maxFileSize } = this;
    const rootFiles = this.filesByRoot.get(root) ?? [];
    // The project's own files: what git would not ignore (build output, generated code, vendored bundles are not read).
    const walk = walked?.folders.includes(root) ? walked : await collectFiles([root], root);
    const found = walk === walked ? walked.files.filter((file) => file.startsWith(root + path.sep)) : walk.files;
    const ignored = gitIgnored(root);
    // A folder that is a project only for the files in no package below it (project-roots.ts) is
    // those files: the packages below it are projects of their own.
    const marked = this.roots.isMarked(root);
    const projectFiles = new Set([...found.filter((file) => !ignored(file) && (marked || this.rootOf(file) === root)), ...rootFiles]);
    const regular = new Set(found.filter((file) => !walked?.named.has(file)));
    const host = new WalkedHost(maxFileSize, regular, walk.listings);
    const project = createProject(host, root);
    const fingerprint = cache && fingerprintOf(projectFiles);
    const kept = fingerprint ? cache.index(root, fingerprint) : undefined;
    let selected: ReadonlySet<string>;
    let unread: ReadonlySet<string>;
    if (kept) {
      // The files are as the last run left them: its index holds.
      project.adoptIndex(kept.index.selected, kept.summaries, kept.index.producing, kept.index.apps);
      project.addHandlerFiles(kept.index.handlerFiles);
      this.cachedIndexes.add(root);
      selected = new Set(kept.index.selected);
      unread = new Set(kept.index.unread);
    } else {
      // Summaries of files whose content an earlier run summarized are taken from the cache.
      const contentHash = new Map<string, string>();
      if (cache) {
        const hashFor = (file: string, text: string) => {
          const hash = hashOf(text);
          contentHash.set(file, hash);
          return hash;
        };
        project.summaryStore = { get: (file, text) => cache.summary(hashFor(file, text)), set: (file, text) => void hashFor(file, text) };
      }
      project.keepAnalysesOf(rootFiles);
      // The files to lint are summarized as they are selected, while their analyses fit in what
      // the project keeps: their lint takes the analysis. The others are parsed by their lint.
      const early = (file: string, length: number) => project.keepsAnalysisOf(file, length);
      selected = (await indexProject(project, host, projectFiles, { parallel: this.parallel !== undefined, early, onThreadFailure: this.parallel?.onThreadFailure })).selected;
      unread = host.unread;
      if (cache && fingerprint) {
        const byFile: Record<string, { hash: string; summary: FileSummary }> = {};
        for (const [file, summary] of Object.entries(project.selectedSummaries())) {
          const hash = contentHash.get(file);
          if (hash) byFile[file] = { hash, summary };
        }
        cache.setIndex(root, { fingerprint, selected: [...selected], producing: [...project.producingNames()], apps: project.apps(), handlerFiles: project.handlerFileList(), unread: [...unread] }, byFile);
      }
    }
    for (const file of rootFiles) if (selected.has(file) || unread.has(file)) this.selected.add(file);
    this.projects.set(root, { project, handlerFiles: project.handlerFileList(), selected: [...selected] });
    return project;
  }

  /** Whether the index of `root` was taken from the cache rather than made by reading and parsing. */
  indexWasCached(root: string): boolean {
    return this.cachedIndexes.has(root);
  }

  /** Forgets a project once its files are linted. */
  release(root: string): void {
    this.projects.delete(root);
    this.cachedIndexes.delete(root);
    // Its folders' listings too: a run over many repositories holds one project's at a time.
    const listings = this.walked?.listings;
    if (!listings) return;
    for (const folder of listings.keys()) if (folder === root || folder.startsWith(root + path.sep)) listings.delete(folder);
  }

  rootOf(file: string): string {
    return this.rootByFile.get(file) ?? this.roots.rootOf(file);
  }

  /** What the threads need to read a project. */
  projectsOption(root: string): ProjectsOption {
    const entry = this.projects.get(root);
    if (!entry) return {};
    const { project, handlerFiles, selected } = entry;
    return { [root]: { handlerFiles, selected, summaries: project.selectedSummaries(), producing: [...project.producingNames()], apps: project.apps() } };
  }
}
