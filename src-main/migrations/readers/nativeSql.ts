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

/** `none`, blank, or ids separated by commas and/or spaces. */
function idList(value: string): string[] {
  const ids = value.split(/[\s,]+/).filter((id) => id !== '');
  return ids.length === 1 && ids[0]?.toLowerCase() === 'none' ? [] : ids;
}

function body(lines: string[], from: number, to: number, transaction: boolean): SqlBody {
  return { sql: lines.slice(from, to).join('\n'), line: from + 1, transaction };
}

/** `text` must already be normalised (no BOM, `\n` line ends). */
export function parseNativeSql(text: string): NativeSql {
  const lines = text.split('\n');
  const header: NativeHeader = { revision: null, parents: [], branchLabels: [], dependsOn: [], message: '', line: 1 };
  let i = 0;
  for (; i < lines.length; i += 1) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const match = headerLine.exec(line);
    if (!match) break;
    const value = match[2] as string;
    switch ((match[1] as string).toLowerCase()) {
      case 'revision':
        header.revision = value;
        header.line = i + 1;
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
  const sections: Array<{ kind: 'up' | 'down'; at: number; transaction: boolean }> = [];
  for (let j = i; j < lines.length; j += 1) {
    const match = marker.exec((lines[j] as string).trim());
    if (match) sections.push({ kind: (match[1] as string).toLowerCase() as 'up' | 'down', at: j, transaction: !/transaction\s*:\s*false/i.test(match[2] ?? '') });
  }
  // Without markers the whole file after the header is the upgrade.
  if (sections.length === 0) return { header, up: body(lines, i, lines.length, true), down: null };
  const bodies: Partial<Record<'up' | 'down', SqlBody>> = {};
  sections.forEach((section, k) => {
    bodies[section.kind] = body(lines, section.at + 1, sections[k + 1]?.at ?? lines.length, section.transaction);
  });
  return { header, up: bodies.up ?? null, down: bodies.down ?? null };
}
