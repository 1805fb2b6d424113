// The projects of the workspace folders as the language server knows them. Each folder is indexed
// in the background (index-thread.ts) when the server starts, and again, after a pause, when files
// in it change on disk; until an index is ready, and while it is made again, files are linted with
// the projects there are (none at first: each file alone, as before). A project reads the disk
// with the open documents laid over it: an unsaved edit of a helper counts for its callers.
// Only summaries are kept (plain data); a closed file's syntax tree is never kept.
import * as path from 'node:path';
import { CachedHost, createProject, type Project, type ProjectContext, type ProjectHost } from '../engine';
import { isInside } from '../disk/inside';
import { diskHost } from '../disk/project-host';
import { walkSkips } from '../disk/walk';
import { ProjectRoots } from '../disk/project-roots';
import type { FolderIndexState } from '../protocol';
import type { FileDiagnostics, FolderIndexSettings, RootIndex } from './build-index';
import { indexOnThread, type IndexMessage, type IndexRun } from './index-thread';

export interface IndexEvents {
  /** A folder's index began (`files` undefined), or its walk counted its files. */
  progress(folder: string, files: number | undefined): void;
  /** The files of one project were linted for the Problems panel (the `workspace` scope). */
  linted(folder: string, files: readonly FileDiagnostics[]): void;
  /** Something the index could not do as it meant to, and did another way (said, not hidden). */
  warning(folder: string, message: string): void;
  /** A folder's index is ready (or failed): these projects were replaced. */
  finished(folder: string, roots: readonly string[], failed: string | undefined): void;
}

interface Folder {
  /** The index being made (from the moment its settings are asked for). */
  busy: boolean;
  run: IndexRun | undefined;
  /** Files changed while it ran: it runs again when it ends. */
  dirty: boolean;
  timer: NodeJS.Timeout | undefined;
  /** When the first change not yet indexed arrived: a folder that never stops changing (a build
   * writing into it) is indexed at least every MAX_WAIT_MS. */
  waitingSince: number | undefined;
  status: FolderIndexState;
}

/** The pause after a change on disk before the folder is indexed again. */
const QUIET_MS = 300;
const MAX_WAIT_MS = 2_000;

/** The disk with the open documents laid over it. */
class OverlayHost implements ProjectHost {
  private readonly disk = new CachedHost(diskHost);

  constructor(private readonly openText: (file: string) => string | undefined) {}

  readFile(fileName: string): string | undefined {
    return this.openText(fileName) ?? this.disk.readFile(fileName);
  }

  fileExists(fileName: string): boolean {
    return this.openText(fileName) !== undefined || this.disk.fileExists(fileName);
  }

  listFolders(folder: string): string[] {
    return this.disk.listFolders(folder);
  }
}

export class WorkspaceProjects {
  private readonly projects = new Map<string, Project>();
  private readonly folders = new Map<string, Folder>();
  private roots = new ProjectRoots();

  /** `indexSettings`: how a folder is indexed (its files linted for the Problems panel or not,
   * what is excluded), asked before each index of the folder; `fallback` when it cannot be had. */
  constructor(
    private readonly openText: (file: string) => string | undefined,
    private readonly indexSettings: (folder: string) => Promise<FolderIndexSettings>,
    private readonly events: IndexEvents,
    private readonly fallback: FolderIndexSettings,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** Indexes a workspace folder now (or once its current index ends). */
  addFolder(folder: string): void {
    if (!this.folders.has(folder)) {
      this.folders.set(folder, { busy: false, run: undefined, dirty: false, timer: undefined, waitingSince: undefined, status: { folder, state: 'indexing', files: 0, projects: 0, ms: 0 } });
      this.roots = this.rootsOfFolders();
    }
    this.start(folder);
  }

  /** Indexes every folder again (the settings that say how its files are linted changed). */
  refresh(): void {
    for (const folder of this.folders.keys()) this.start(folder);
  }

  removeFolder(folder: string): void {
    const entry = this.folders.get(folder);
    if (!entry) return;
    entry.run?.stop();
    clearTimeout(entry.timer);
    this.folders.delete(folder);
    this.roots = this.rootsOfFolders();
    for (const root of [...this.projects.keys()]) if (isInside(root, folder) && !this.coveredByOtherFolder(root)) this.projects.delete(root);
  }

  /** Files created, changed or deleted on disk: their folders are indexed again after a pause. A
   * changed package.json or tsconfig may move project roots: they are looked up again. */
  changed(files: readonly string[]): void {
    if (files.some((file) => /^(package|tsconfig.*|jsconfig.*)\.json$|^pnpm-workspace\.yaml$/.test(path.basename(file)))) this.roots = this.rootsOfFolders();
    const now = Date.now();
    for (const [folder, entry] of this.folders) {
      // A build writing into node_modules or a hidden folder (.next, .turbo) changes nothing the index reads.
      if (!files.some((file) => isInside(file, folder) && !walkSkips(file, folder))) continue;
      entry.waitingSince ??= now;
      clearTimeout(entry.timer);
      const wait = Math.max(0, Math.min(this.quietMs, entry.waitingSince + MAX_WAIT_MS - now));
      entry.timer = setTimeout(() => this.start(folder), wait);
    }
  }

  /** The project `file` is read in, when its index is ready. */
  contextOf(file: string): ProjectContext | undefined {
    const project = this.projects.get(this.roots.rootOf(file));
    return project && { project, file };
  }

  /** The root of the project of `file` (indexed or not). */
  rootOf(file: string): string {
    return this.roots.rootOf(file);
  }

  states(): FolderIndexState[] {
    return [...this.folders.values()].map((entry) => ({ ...entry.status, stale: entry.timer !== undefined || entry.dirty }));
  }

  dispose(): void {
    for (const folder of [...this.folders.keys()]) this.removeFolder(folder);
  }

  private start(folder: string): void {
    const entry = this.folders.get(folder);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    if (entry.busy) {
      entry.dirty = true;
      return;
    }
    entry.busy = true;
    entry.dirty = false;
    entry.waitingSince = undefined;
    // Indexing from now on, while its settings are asked for: the last run's state is not current.
    entry.status = { ...entry.status, state: 'indexing' };
    const began = Date.now();
    void this.indexSettings(folder).then(
      (settings) => this.run(folder, entry, began, settings),
      () => this.run(folder, entry, began, this.fallback),
    );
  }

  private run(folder: string, entry: Folder, began: number, settings: FolderIndexSettings): void {
    if (this.folders.get(folder) !== entry) return; // removed meanwhile
    const roots: string[] = [];
    this.events.progress(folder, undefined);
    const run = indexOnThread(folder, settings, (message: IndexMessage) => {
      if (message.kind === 'walked') {
        entry.status.files = message.files;
        this.events.progress(folder, message.files);
      } else if (message.kind === 'indexed') {
        roots.push(message.index.root);
        this.adopt(message.index);
      } else if (message.kind === 'linted') {
        this.events.linted(folder, message.files);
      } else if (message.kind === 'warning') {
        this.events.warning(folder, message.message);
      }
    });
    entry.run = run;
    void run.finished.then(({ failed }) => {
      if (this.folders.get(folder) !== entry) return; // removed meanwhile
      entry.run = undefined;
      entry.busy = false;
      entry.status = { ...entry.status, state: failed ? 'failed' : 'ready', projects: roots.length, ms: Date.now() - began };
      this.events.finished(folder, roots, failed);
      if (entry.dirty) this.start(folder);
    });
  }

  private adopt(index: RootIndex): void {
    const project = createProject(new OverlayHost(this.openText), index.root);
    project.adoptIndex(index.selected, index.summaries, index.producing, index.apps);
    project.addHandlerFiles(index.handlerFiles);
    this.projects.set(index.root, project);
  }

  /** Project roots as the index finds them: a file in no package belongs to its workspace folder. */
  private rootsOfFolders(): ProjectRoots {
    return new ProjectRoots(new Map(), [...this.folders.keys()]);
  }

  private coveredByOtherFolder(root: string): boolean {
    return [...this.folders.keys()].some((folder) => isInside(root, folder) || isInside(folder, root));
  }
}

