// A unified diff as lines a screen can mark: added and removed lines apart from context, file names
// and hunk headers, so colour is never the only thing that says which is which.
export type DiffLineKind = 'file' | 'hunk' | 'added' | 'removed' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line without its leading marker (+, -, space). */
  text: string;
}

const hunkHeader = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/**
 * Inside a hunk, lines are counted by its header: a removed SQL comment (`--- parents: a`) is a
 * removed line, not a file name, so `---`/`+++` are file names only between hunks.
 */
export function diffLines(diff: string): DiffLine[] {
  const lines = diff.endsWith('\n') ? diff.slice(0, -1).split('\n') : diff.split('\n');
  let oldLeft = 0;
  let newLeft = 0;
  return lines.map((line): DiffLine => {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('+')) {
        newLeft -= 1;
        return { kind: 'added', text: line.slice(1) };
      }
      if (line.startsWith('-')) {
        oldLeft -= 1;
        return { kind: 'removed', text: line.slice(1) };
      }
      if (!line.startsWith('\\')) {
        oldLeft -= 1;
        newLeft -= 1;
      }
      return { kind: 'context', text: line.startsWith(' ') ? line.slice(1) : line };
    }
    const hunk = hunkHeader.exec(line);
    if (hunk) {
      oldLeft = Number(hunk[1] ?? 1);
      newLeft = Number(hunk[2] ?? 1);
      return { kind: 'hunk', text: line };
    }
    return { kind: 'file', text: line };
  });
}
