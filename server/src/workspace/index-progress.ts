// The index's progress in the editor ("Indexing 5,881 files"), with LSP work done progress
// (`window/workDoneProgress/create`), one report per folder being indexed. A client without the
// capability sees nothing; a client that refuses the progress token loses only the display.
import * as path from 'node:path';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';

export class IndexProgress {
  private readonly reporters = new Map<string, Promise<WorkDoneProgressServerReporter | undefined>>();

  constructor(private readonly create: () => Promise<WorkDoneProgressServerReporter> | undefined) {}

  /** A folder's index began (`files` undefined) or counted its files. */
  update(folder: string, files: number | undefined): void {
    let reporter = this.reporters.get(folder);
    if (!reporter) {
      reporter = this.begin(folder);
      this.reporters.set(folder, reporter);
    }
    if (files !== undefined) void reporter.then((progress) => progress?.report(`Indexing ${files.toLocaleString('en-US')} files`));
  }

  done(folder: string): void {
    const reporter = this.reporters.get(folder);
    this.reporters.delete(folder);
    void reporter?.then((progress) => progress?.done());
  }

  private async begin(folder: string): Promise<WorkDoneProgressServerReporter | undefined> {
    try {
      const progress = await this.create();
      progress?.begin(`HTTP Auth Lint: ${path.basename(folder)}`, undefined, 'Indexing', false);
      return progress;
    } catch {
      return undefined; // the client refused the token: no display, the index goes on
    }
  }
}
