// The files of the index's text pass that it did not select, waiting for the rounds that look for
// the names the selection exports (project.ts index()). Their texts are held within a budget,
// rather than read again for each round: a second read of a large repository costs a tenth of its
// run. Texts are mostly ASCII, a byte a character: some 16 MB at most, for the index only.
const WAITING_TEXT_BUDGET = 16_000_000;

export class WaitingTexts {
  private readonly files: string[] = [];
  private readonly texts = new Map<string, string>();
  private held = 0;

  /** `read` reads a file whose text was not held (undefined: it cannot be read now). */
  constructor(private readonly read: (file: string) => string | undefined) {}

  add(file: string, text: string): void {
    this.files.push(file);
    if (this.held + text.length > WAITING_TEXT_BUDGET) return;
    this.texts.set(file, text);
    this.held += text.length;
  }

  get size(): number {
    return this.files.length;
  }

  /** Takes out the waiting files whose text `pattern` finds, last added first. */
  take(pattern: RegExp): string[] {
    const found: string[] = [];
    for (let index = this.files.length - 1; index >= 0; index--) {
      const file = this.files[index];
      const text = this.texts.get(file) ?? this.read(file);
      if (text === undefined || !pattern.test(text)) continue;
      found.push(file);
      const held = this.texts.get(file);
      if (held !== undefined) this.held -= held.length;
      this.texts.delete(file);
      this.files.splice(index, 1);
    }
    return found;
  }
}
