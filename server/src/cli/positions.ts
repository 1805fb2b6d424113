// 0-based UTF-16 offsets -> 1-based lines and columns, the way editors and ESLint count them.
// Line breaks are \r\n, \r and \n, as in LSP.

export interface LineColumn {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    if (!text.includes('\r')) {
      // Most files: indexOf scans natively, several times faster than a loop over the characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        this.starts.push(i + 1);
      }
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10 /* \n */) {
          i++;
        }
        this.starts.push(i + 1);
      } else if (char === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  /** 1-based line and column of a 0-based offset. */
  at(offset: number): LineColumn {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}
