// What the index's text pass gathers over a project's files (project.ts index()), one file's
// TextFacts at a time, in the order the files come: whichever thread read them (disk/
// parallel-index.ts reads them on another while this one summarizes what is selected).
import { ImportedNames } from './imported-names';
import { isSelectedByText, projectPaths, type TextFacts } from './text-pass';

export class IndexPass {
  /** The files that may send or decide a status, or hold an error handler: summarized. */
  readonly selected = new Set<string>();
  readonly handlers: string[] = [];
  /** Each file's imports of project modules, read from its text: what connects an app's files. */
  readonly imports = new Map<string, string[]>();
  readonly importedNames = new ImportedNames();
  /** How many apps each package creates. */
  readonly appCreations = new Map<string, number>();

  constructor(
    private readonly packageNameOf: (file: string) => string | undefined,
    private readonly packageOf: (file: string) => string,
  ) {}

  /** Notes a file's facts; true when the file is selected (else it waits for the name rounds). */
  note(facts: TextFacts): boolean {
    const { file, specifiers, createsApp, handles } = facts;
    const importerPackage = specifiers.length > 0 ? this.packageNameOf(file) : undefined;
    for (const specifier of specifiers) this.importedNames.add(specifier, importerPackage);
    const paths = projectPaths(specifiers);
    if (paths.length > 0) this.imports.set(file, paths);
    if (createsApp) {
      const owner = this.packageOf(file);
      this.appCreations.set(owner, (this.appCreations.get(owner) ?? 0) + 1);
    }
    // Error handlers are read in full: what they do with a 401 decides findings in other files.
    if (handles) this.handlers.push(file);
    if (!isSelectedByText(facts)) return false;
    this.selected.add(file);
    return true;
  }
}
