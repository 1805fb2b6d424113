// The findings of files that are not open, for a client that pulls diagnostics but never asks for
// the workspace report (workspace/diagnostic): Neovim's client, from 0.10, pulls the documents it
// has open and nothing else, so its users would never see a finding of a file they have not
// opened. When the handshake is some time past and no workspace pull came, those findings are
// pushed (publishDiagnostics), as to a client that does not pull at all; the first workspace pull
// takes them back (pushed empty), so that no finding shows twice. A file that is opened is taken
// back too: the client pulls it from then on. A client that has pulled the report once is never
// pushed them (it keeps what it pulled, and a push would show them twice), even one that pulls it
// only once (Neovim's `vim.lsp.buf.workspace_diagnostics()`): its closed files then show what that
// pull found. VS Code pulls the workspace at once and every 2 s after: it is not pushed them.
import { fileURLToPath } from 'node:url';
import type { ServerStats } from '../protocol';
import type { Publication } from './workspace-diagnostics';

/** How long after the handshake a client that pulls the workspace report has asked for it. */
export const WORKSPACE_PULL_GRACE_MS = 2_000;
/** Once that time is out, how long the messages that came meanwhile are given to be read: a pull
 * that waited while the server was busy is not taken for none. */
const CONFIRM_MS = 50;

export class ClosedFilePush {
  private pulled = false;
  private pushing = false;
  /** The files pushed with findings, to be taken back: their URI as pushed, by the path it names
   * (a client may spell the URI of the file it opens otherwise: `~` as is, not as `%7E`). */
  private readonly pushed = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    private readonly send: (publication: Publication) => void,
    /** What every file that is not open shows now. */
    private readonly closedFiles: () => Publication[],
  ) {}

  /** After the handshake with a client that pulls: pushes begin if no workspace pull comes in time. */
  start(graceMs = WORKSPACE_PULL_GRACE_MS): void {
    this.started = true;
    this.timer = setTimeout(() => {
      this.timer = setTimeout(() => {
        if (this.pulled) return;
        this.pushing = true;
        for (const publication of this.closedFiles()) this.push(publication);
      }, CONFIRM_MS);
      this.timer.unref();
    }, graceMs);
    this.timer.unref();
  }

  /** The client asked for the workspace report: it gets the closed files there from now on. */
  workspacePulled(): void {
    this.pulled = true;
    clearTimeout(this.timer);
    if (!this.pushing) return;
    this.pushing = false;
    for (const uri of this.pushed.values()) this.send({ uri, diagnostics: [] });
    this.pushed.clear();
  }

  /** What closed files show changed (an index ended, a file was closed). */
  publish(publications: readonly Publication[]): void {
    if (this.pushing) for (const publication of publications) this.push(publication);
  }

  /** A file was opened: the client pulls its findings now. */
  opened(uri: string): void {
    const pushed = this.pushed.get(keyOf(uri));
    if (pushed === undefined) return;
    this.pushed.delete(keyOf(uri));
    this.send({ uri: pushed, diagnostics: [] });
  }

  /** What it does now, for the server's statistics. */
  state(): ServerStats['closedFilePush'] {
    if (this.pushing) return 'pushing';
    if (this.pulled) return 'pulled';
    return this.started ? 'waiting' : 'off';
  }

  private push(publication: Publication): void {
    this.send(publication);
    if (publication.diagnostics.length > 0) this.pushed.set(keyOf(publication.uri), publication.uri);
    else this.pushed.delete(keyOf(publication.uri));
  }
}

function keyOf(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
