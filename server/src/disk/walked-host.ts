// The disk as a run's project analysis reads it, after the walk: what the walk listed is not
// asked of the file system again, and files that are not source code read as absent.
import * as path from 'node:path';
import { CachedHost } from '../engine';
import { diskHost, readWalkedFile } from './project-host';
import type { FolderListing } from './walk';

/** The disk, with files larger than the run's limit, binary files and unreadable ones read as
 * absent (they are generated, or not code), and remembered so that their lint can say so. What
 * exists in a folder the walk listed is answered from its listing: resolving imports asks about
 * thousands of paths (`./utils.ts`, `./utils/index.ts`...), most of them not there. */
export class WalkedHost extends CachedHost {
  readonly unread = new Set<string>();

  /** `regular`: files a walk found to be regular files, read at once (any other is opened first
   * and checked: a FIFO named x.ts would block a plain read). `listings`: the walk's folders. */
  constructor(
    readonly maxFileSize: number,
    private readonly regular: ReadonlySet<string>,
    private readonly listings: ReadonlyMap<string, FolderListing>,
  ) {
    super(diskHost);
  }

  override readFile(fileName: string): string | undefined {
    const text = readWalkedFile(fileName, this.regular.has(fileName), this.maxFileSize);
    if (text === undefined) this.unread.add(fileName);
    return text;
  }

  /** Whether the walk found `fileName` to be a regular file. */
  isRegular(fileName: string): boolean {
    return this.regular.has(fileName);
  }

  override fileExists(fileName: string): boolean {
    const listing = this.listings.get(path.dirname(fileName));
    const kind = listing?.get(path.basename(fileName));
    // A folder the walk did not list is asked of the disk, and so is a link (followed there).
    if (!listing || kind === 'link') return super.fileExists(fileName);
    return kind === 'file';
  }

  override listFolders(folder: string): string[] {
    const listing = this.listings.get(folder);
    if (!listing) return super.listFolders(folder);
    return [...listing].filter(([, kind]) => kind === 'folder').map(([name]) => name);
  }
}
