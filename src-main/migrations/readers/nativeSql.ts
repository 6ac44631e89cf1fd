// The text of one native SQL revision: `-- key: value` header lines, then dbmate-style bodies.
import type { SqlBody } from './projectFiles';

export interface NativeHeader {
  revision: string | null;
  parents: string[];
  branchLabels: string[];
  dependsOn: string[];
  message: string;
  /** 1-based line of `-- revision:`, or 1 when there is none. */
  line: number;
}

export interface NativeSql {
  header: NativeHeader;
  up: SqlBody | null;
  down: SqlBody | null;
}

const headerLine = /^--\s*(revision|parents|branch|depends-on|message)\s*:\s*(.*?)\s*$/i;
const marker = /^--\s*migrate:(up|down)\b(.*)$/i;
// Every marker line holds this; only such lines are looked at, so a body is never split into lines.
const markerWord = /migrate:/gi;

const separator = /[\s,]/;

/** `none`, blank, or ids separated by commas and/or spaces. */
function idList(value: string): string[] {
  // One id, the usual case (10,000 headers per graph): no split, no filtered copy.
  if (value !== '' && !separator.test(value)) return value.length === 4 && value.toLowerCase() === 'none' ? [] : [value];
  const ids = value.split(/[\s,]+/).filter((id) => id !== '');
  return ids.length === 1 && ids[0]?.toLowerCase() === 'none' ? [] : ids;
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** The lines from the one starting at `start` (1-based `line`) up to the one ending at `end`. */
function body(text: string, start: number, end: number, line: number, transaction: boolean): SqlBody {
  return { sql: start >= end ? '' : text.slice(start, end), line, transaction };
}

/** `text` must already be normalised (no BOM, `\n` line ends). */
export function parseNativeSql(text: string): NativeSql {
  const header: NativeHeader = { revision: null, parents: [], branchLabels: [], dependsOn: [], message: '', line: 1 };
  // The header: blank lines and `-- key: value` lines, up to the first other line.
  let start = 0;
  let line = 1;
  for (; start <= text.length; line += 1) {
    const end = lineEnd(text, start);
    const trimmed = text.slice(start, end).trim();
    if (trimmed !== '') {
      const match = headerLine.exec(trimmed);
      if (!match) break;
      const value = match[2] as string;
      switch ((match[1] as string).toLowerCase()) {
        case 'revision':
          header.revision = value;
          header.line = line;
          break;
        case 'parents':
          header.parents = idList(value);
          break;
        case 'branch':
          header.branchLabels = idList(value);
          break;
        case 'depends-on':
          header.dependsOn = idList(value);
          break;
        default:
          header.message = value;
      }
    }
    start = end + 1;
  }

  const sections: Array<{ kind: 'up' | 'down'; start: number; end: number; line: number; transaction: boolean }> = [];
  let counted = start;
  let countedLine = line;
  markerWord.lastIndex = start;
  for (let found = markerWord.exec(text); found; found = markerWord.exec(text)) {
    const from = text.lastIndexOf('\n', found.index) + 1;
    const end = lineEnd(text, found.index);
    markerWord.lastIndex = end;
    const match = marker.exec(text.slice(from, end).trim());
    if (!match) continue;
    for (let i = text.indexOf('\n', counted); i !== -1 && i < from; i = text.indexOf('\n', i + 1)) countedLine += 1;
    counted = from;
    sections.push({
      kind: (match[1] as string).toLowerCase() as 'up' | 'down',
      start: from,
      end,
      line: countedLine,
      transaction: !/transaction\s*:\s*false/i.test(match[2] ?? ''),
    });
  }
  // Without markers the whole file after the header is the upgrade.
  if (sections.length === 0) return { header, up: body(text, start, text.length, line, true), down: null };
  const bodies: Partial<Record<'up' | 'down', SqlBody>> = {};
  sections.forEach((section, k) => {
    const next = sections[k + 1];
    // A body runs from the line after its marker to the line before the next marker (or the end).
    bodies[section.kind] = body(text, section.end + 1, next ? next.start - 1 : text.length, section.line + 1, section.transaction);
  });
  return { header, up: bodies.up ?? null, down: bodies.down ?? null };
}
