// A unified diff of one file's text, as `diff -u` (and git) print it: `---`/`+++` names, hunks with
// three lines of context, and "\ No newline at end of file" where a side ends without one.
import { diffLines, type LineEdit } from './lineDiff';

const context = 3;
const noNewline = '\\ No newline at end of file';

interface Lines {
  lines: string[];
  /** False when the text's last line has no line end. */
  endsWithNewline: boolean;
}

function linesOf(text: string | null): Lines {
  if (text === null || text === '') return { lines: [], endsWithNewline: true };
  const lines = text.split('\n');
  const endsWithNewline = lines[lines.length - 1] === '';
  if (endsWithNewline) lines.pop();
  return { lines, endsWithNewline };
}

// A last line without its line end differs from the same line with one: compared with a mark.
const unterminated = '\u0000';

function marked({ lines, endsWithNewline }: Lines): string[] {
  return endsWithNewline || lines.length === 0 ? lines : [...lines.slice(0, -1), `${lines[lines.length - 1]}${unterminated}`];
}

function printed(prefix: string, line: string): string[] {
  return line.endsWith(unterminated) ? [`${prefix}${line.slice(0, -1)}`, noNewline] : [`${prefix}${line}`];
}

/** `start,count` as diff prints it: the count left out when 1, and an empty side at the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

function hunks(edits: readonly LineEdit[]): string[] {
  const changed = edits.flatMap((edit, i) => (edit.op === 'same' ? [] : [i]));
  const out: string[] = [];
  let next = 0;
  while (next < changed.length) {
    const first = changed[next] as number;
    let last = first;
    while (next + 1 < changed.length && (changed[next + 1] as number) - last <= 2 * context) {
      next += 1;
      last = changed[next] as number;
    }
    next += 1;
    const from = Math.max(0, first - context);
    const to = Math.min(edits.length, last + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (const edit of edits.slice(0, from)) {
      if (edit.op !== 'added') oldStart += 1;
      if (edit.op !== 'removed') newStart += 1;
    }
    const body = edits.slice(from, to);
    const oldCount = body.filter((e) => e.op !== 'added').length;
    const newCount = body.filter((e) => e.op !== 'removed').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const edit of body) out.push(...printed(edit.op === 'same' ? ' ' : edit.op === 'removed' ? '-' : '+', edit.line));
  }
  return out;
}

export interface DiffSide {
  /** The name printed after `---` or `+++` (`a/path`, `b/path`, `/dev/null`). */
  name: string;
  /** The text, line ends as `\n`; null when the file does not exist on this side. */
  text: string | null;
}

/** The unified diff from `before` to `after`; empty when the texts are equal. */
export function unifiedDiff(before: DiffSide, after: DiffSide): string {
  if (before.text === after.text) return '';
  const edits = diffLines(marked(linesOf(before.text)), marked(linesOf(after.text)));
  return [`--- ${before.text === null ? '/dev/null' : before.name}`, `+++ ${after.text === null ? '/dev/null' : after.name}`, ...hunks(edits), ''].join('\n');
}
