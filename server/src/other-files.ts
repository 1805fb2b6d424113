// The other files a finding points at (a helper, an error handler) or a fix edits, as the editor
// has them: the open document, else the file read from disk, each read once per answer however
// many findings point at it. Diagnostics place related information in them (diagnostics.ts), and
// quick fixes their edits (codeActions.ts).
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OtherFile } from './diagnostics';
import { readRegularFile } from './disk/project-host';

export function otherFilesOf(openDocument: (file: string) => TextDocument | undefined): OtherFile {
  const read = new Map<string, ReturnType<OtherFile>>();
  return (file) => {
    if (!read.has(file)) {
      const open = openDocument(file);
      const text = open ? undefined : readRegularFile(file);
      read.set(file, open ? { document: open, open: true } : text === undefined ? undefined : { document: TextDocument.create(pathToFileURL(file).href, 'typescript', 0, text), open: false });
    }
    return read.get(file);
  };
}
