// The projects the plugin reads files in, as the CLI does (cli/project-scan.ts): a file's project
// root (disk/project-roots.ts) is walked and indexed once per ESLint process, the first time one
// of its files is linted; later files of the project read the same summaries. ESLint runs rules
// synchronously, so the walk is too.
import { createProject, type Project, type ProjectContext } from '../engine';
import { gitIgnored } from '../disk/git-ignored';
import { ProjectRoots } from '../disk/project-roots';
import { collectFilesSync } from '../disk/walk';
import { WalkedHost } from '../disk/walked-host';
import { DEFAULT_MAX_FILE_SIZE } from '../settings';

export class PluginProjects {
  private readonly projects = new Map<string, Project | null>();
  private readonly roots: ProjectRoots;

  /** `cwd`: ESLint's working folder, the project of files in no package below it. */
  constructor(cwd: string) {
    this.roots = new ProjectRoots(new Map(), [cwd]);
  }

  /** The project `file` is read in; undefined when its folder cannot be read. */
  contextOf(file: string): ProjectContext | undefined {
    const root = this.roots.rootOf(file);
    let project = this.projects.get(root);
    if (project === undefined) {
      project = this.index(root);
      this.projects.set(root, project);
    }
    return project ? { project, file } : undefined;
  }

  private index(root: string): Project | null {
    try {
      const walk = collectFilesSync([root], root);
      const ignored = gitIgnored(root);
      const marked = this.roots.isMarked(root);
      const files = walk.files.filter((file) => !ignored(file) && (marked || this.roots.rootOf(file) === root));
      const project = createProject(new WalkedHost(DEFAULT_MAX_FILE_SIZE, new Set(walk.files), walk.listings), root);
      project.index(files);
      return project;
    } catch {
      return null; // an unreadable folder: its files are read alone
    }
  }
}
