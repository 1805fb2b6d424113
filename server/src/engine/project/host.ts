// What the project analysis reads of the file system, behind an interface: the engine stays free
// of any shell. The CLI gives it the disk (disk/project-host.ts); the language server will give it
// the disk with its open documents laid over. Every answer may be "not there": a file deleted
// between two reads, a folder that cannot be listed. The analysis treats that as unknown.
export interface ProjectHost {
  /** The text of a file, or undefined when it is missing or cannot be read. */
  readFile(fileName: string): string | undefined;
  /** Whether a regular file exists at `fileName`. */
  fileExists(fileName: string): boolean;
  /** The names of the folders directly inside `folder` ([] when it cannot be listed). */
  listFolders(folder: string): string[];
}

/** A host that remembers which files and folders exist: resolution asks the same questions many
 * times (every import of `./utils` in a folder probes the same extensions). */
export class CachedHost implements ProjectHost {
  private readonly exists = new Map<string, boolean>();
  private readonly folders = new Map<string, string[]>();

  constructor(private readonly host: ProjectHost) {}

  /** Not remembered: texts are large, and a project's would all be held at once. A file is read
   * again each time it is needed (the index's text pass and its rounds, its summary, its lint). */
  readFile(fileName: string): string | undefined {
    return this.host.readFile(fileName);
  }

  fileExists(fileName: string): boolean {
    let known = this.exists.get(fileName);
    if (known === undefined) this.exists.set(fileName, (known = this.host.fileExists(fileName)));
    return known;
  }

  listFolders(folder: string): string[] {
    let known = this.folders.get(folder);
    if (known === undefined) this.folders.set(folder, (known = this.host.listFolders(folder)));
    return known;
  }
}
