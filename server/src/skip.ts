// Documents the server does not analyze, and what it tells the user instead (issue 5: the one odd
// file in a tree must never freeze or crash the editor): a file over `httpAuthLint.maxFileSize`
// (parsing costs about 35 bytes of heap per byte, and its time grows with the size), and content
// that is not text (a NUL byte), or text that was not valid UTF-8 (VS Code decodes such bytes to
// U+FFFD). Each gets one informational diagnostic at the start of the file, and no tree is kept.
import { SECTION } from './protocol';

/** How much of the start of a document is looked at for U+FFFD: a file that failed to decode shows
 * it early, while one far down is more likely a character someone wrote on purpose. */
export const SNIFF_LENGTH = 8 * 1024;

export const TOO_LARGE_CODE = 'file-too-large';
export const NOT_TEXT_CODE = 'not-text';

export interface SkipReason {
  code: typeof TOO_LARGE_CODE | typeof NOT_TEXT_CODE;
  message: string;
}

const MAX_FILE_SIZE_SETTING = `${SECTION}.maxFileSize`;

/** Why `text` is not analyzed, or undefined when it is. */
export function skipReason(text: string, maxFileSize: number): SkipReason | undefined {
  // A UTF-8 encoding takes at least one byte per UTF-16 code unit and at most three, so the byte
  // count is computed only when the length leaves the answer open.
  if (text.length > maxFileSize || (text.length * 3 > maxFileSize && Buffer.byteLength(text, 'utf8') > maxFileSize)) {
    return { code: TOO_LARGE_CODE, message: tooLargeMessage(Buffer.byteLength(text, 'utf8'), maxFileSize) };
  }
  // Anywhere in the file, as the CLI looks for it (server/src/cli/read.ts): both skip the same files.
  if (text.includes('\0')) {
    return { code: NOT_TEXT_CODE, message: 'HTTP Auth Lint did not analyze this file: it contains a NUL byte, so it looks binary.' };
  }
  if ((text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text).includes('\uFFFD')) {
    return {
      code: NOT_TEXT_CODE,
      message:
        'HTTP Auth Lint did not analyze this file: it contains U+FFFD replacement characters, ' +
        'a sign that it is not valid UTF-8 or was opened with the wrong encoding.',
    };
  }
  return undefined;
}

export function tooLargeMessage(bytes: number, maxFileSize: number): string {
  let size = formatSize(bytes);
  let limit = formatSize(maxFileSize);
  // "2 MB, over ... (2 MB)" would read as a contradiction: say the bytes.
  if (size === limit) {
    size = `${bytes.toLocaleString('en-US')} bytes`;
    limit = `${maxFileSize.toLocaleString('en-US')} bytes`;
  }
  return `This file is ${size}, over ${MAX_FILE_SIZE_SETTING} (${limit}): HTTP Auth Lint did not analyze it.`;
}

/** Sizes as editors show them: binary multiples, one decimal where it says something. */
export function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'GB'],
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [unit, name] of units) {
    if (bytes >= unit) {
      return `${(bytes / unit).toFixed(1).replace(/\.0$/, '')} ${name}`;
    }
  }
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
