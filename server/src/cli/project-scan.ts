// The projects of a run's files: for each, the index (engine/project/project.ts index()) reads every
// file once as text and selects the few that may send or decide a status, or call what does; only
// those of the files to lint are linted, the others cannot hold a finding. Files that cannot be
// read as text (too large, binary, gone) are linted too, so that the lint says why it skips them.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { CachedHost, createProject, type FileSummary, type Project } from '../engine';
import { diskHost } from './project-host';
import { ProjectRoots } from './project-roots';
import { collectFiles } from './walk';

/** What a thread needs to read a project as the main thread indexed it (plain data). */
export type ProjectsOption = Record<string, { handlerFiles: string[]; selected: string[]; summaries: Record<string, FileSummary>; producing: string[]; apps: ReturnType<Project['apps']> }>;

export class ProjectScan {
  private readonly roots = new ProjectRoots();
  private readonly rootByFile = new Map<string, string>();
  /** The files to lint that the index selected (or that cannot be read as text). */
  readonly selected = new Set<string>();
  private readonly projects = new Map<string, { project: Project; handlerFiles: string[]; selected: string[] }>();

  static async prepare(files: readonly string[], maxFileSize: number): Promise<ProjectScan> {
    const scan = new ProjectScan();
    const byRoot = new Map<string, string[]>();
    for (const file of files) {
      const root = scan.roots.rootOf(file);
      scan.rootByFile.set(file, root);
      const list = byRoot.get(root);
      if (list) list.push(file);
      else byRoot.set(root, [file]);
    }
    for (const [root, rootFiles] of byRoot) {
      // The project's own files: what git would not ignore (build output, generated code, vendored bundles are not read).
      const walked = await collectFiles([root], root);
      const ignored = gitIgnored(root);
      walked.files = walked.files.filter((file) => !ignored(file));
      const host = new SizeLimitedHost(maxFileSize);
      const project = createProject(host, root);
      project.keepAnalysesOf(rootFiles);
      const selected = project.index(new Set([...walked.files, ...rootFiles]));
      for (const file of rootFiles) if (selected.has(file) || host.unread.has(file)) scan.selected.add(file);
      scan.projects.set(root, { project, handlerFiles: host.handlerFiles(project), selected: [...selected] });
    }
    return scan;
  }

  /** The projects as this thread indexed them, by root (their kept analyses serve the lints here). */
  indexedProjects(): Map<string, Project> {
    return new Map([...this.projects].map(([root, { project }]) => [root, project]));
  }

  rootOf(file: string): string {
    return this.rootByFile.get(file) ?? this.roots.rootOf(file);
  }

  /** What the threads need to read each project. */
  projectsOption(): ProjectsOption {
    const option: ProjectsOption = {};
    for (const [root, { project, handlerFiles, selected }] of this.projects) option[root] = { handlerFiles, selected, summaries: project.selectedSummaries(), producing: [...project.producingNames()], apps: project.apps() };
    return option;
  }
}

/** Whether a file is ignored by the .gitignore at the project's root. */
function gitIgnored(root: string): (file: string) => boolean {
  let rules: string;
  try {
    rules = readFileSync(path.join(root, '.gitignore'), 'utf8');
  } catch {
    return () => false;
  }
  const matcher = ignore().add(rules);
  return (file) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && matcher.ignores(relative);
  };
}

/** The disk, with files larger than the run's limit, binary files and unreadable ones read as
 * absent (they are generated, or not code), and remembered so that their lint can say so. */
class SizeLimitedHost extends CachedHost {
  readonly unread = new Set<string>();

  constructor(private readonly maxFileSize: number) {
    super(diskHost);
  }

  override readFile(fileName: string): string | undefined {
    let text: string | undefined;
    try {
      text = statSync(fileName).size > this.maxFileSize ? undefined : super.readFile(fileName);
    } catch {
      text = undefined;
    }
    if (text === undefined || text.includes('\0')) {
      this.unread.add(fileName);
      return undefined;
    }
    return text;
  }

  handlerFiles(project: Project): string[] {
    return project.handlerFileList();
  }
}
