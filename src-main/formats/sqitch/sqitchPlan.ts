// sqitch.plan read as sqitch reads it (App::Sqitch::Plan `_parse`, v1.3.1): pragmas, then changes and
// tags in deployment order, each change with its dependencies, planner, date and note, and every
// reworked change with the tags that name its earlier scripts. A line sqitch would refuse is an anomaly.
import type { Anomaly } from '../../../src-shared/model/revision';
import { unreadableFile } from '../../migrations/readers/projectFiles';

/** One `[requires !conflicts]` entry, parsed as App::Sqitch::Plan::Depend `parse` does. */
export interface PlanDependency {
  conflicts: boolean;
  /** The project named before `:`; null when none (this project). */
  project: string | null;
  change: string | null;
  tag: string | null;
  /** A change id given as 40 hex digits. */
  id: string | null;
}

interface Planned {
  name: string;
  line: number;
  /** `YYYY-MM-DDTHH:MM:SSZ`, as written. */
  timestamp: string;
  plannerName: string;
  plannerEmail: string;
  /** Trimmed and unescaped (`\n`, `\r`, `\\`), as sqitch keeps it. */
  note: string;
}

export type PlannedTag = Planned;

export interface PlannedChange extends Planned {
  requires: PlanDependency[];
  conflicts: PlanDependency[];
  /** Tags declared right after this change. */
  tags: PlannedTag[];
  /** For a change reworked later: the tags that may name its scripts (`deploy/name@tag.sql`), in the order sqitch tries them. */
  reworkTags: string[];
}

export interface SqitchPlan {
  project: string;
  uri: string | null;
  changes: PlannedChange[];
  problems: Anomaly[];
}

// App::Sqitch::Plan's $name_re: no punctuation (but _) first or last, no blanks, ":", "@", "#" or "\".
const punct = '\\-!"#$%&\'()*+,./:;<=>?@\\[\\\\\\]^`{|}~';
const name = `(?![${punct}])(?:(?![~/=%^][0-9]+(?:$|[ \\t]))[^ \\t:@#\\\\])+(?<![${punct}])`;
const timestamp = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)';
const planner = '([^<]+)[ \\t]+<([^>]+)>';
const entryPattern = new RegExp(`^[ \\t]*(?:@|[ \\t]*([+-])[ \\t]*)?(${name})(?:[ \\t]+)?(?:\\[([^\\]]+)\\][ \\t]*)?(?:${timestamp}[ \\t]*)?(?:${planner})?$`);
const pragmaPattern = new RegExp(`^[ \\t]*%[ \\t]*([^${punct}](?:[^ \\t=]*?[^${punct} \\t])?)(?:[ \\t]*=[ \\t]*(.+))?$`);
const dependencyPattern = new RegExp(`^(!?)(?:(${name}):)?(?:([0-9a-f]{40})|(${name})(?:@(${name}))?|@(${name}))$`);
const namePattern = new RegExp(`^${name}$`);
const blankOrComment = /^[ \t]*(?:#[ \t]*(.+)|$)/;
const noteAtEnd = /[ \t]*(?:#[ \t]*(.*))?$/;

const unescapes: Record<string, string> = { '\\\\': '\\', '\\n': '\n', '\\r': '\r' };

function unescapeNote(note: string | undefined): string {
  return (note ?? '').trim().replace(/\\[\\nr]/g, (escape) => unescapes[escape] ?? escape);
}

function parseDependency(text: string): PlanDependency | null {
  const match = dependencyPattern.exec(text);
  if (!match) return null;
  const tag = match[5] ?? match[6] ?? null;
  return { conflicts: match[1] === '!', project: match[2] ?? null, id: match[3] ?? null, change: match[4] ?? null, tag };
}

/** What sqitch writes for a dependency (App::Sqitch::Plan::Depend `as_string`): the project only when it is another. */
export function dependencyText(dependency: PlanDependency, project: string): string {
  const key = dependency.id ?? `${dependency.change ?? ''}${dependency.tag === null ? '' : `@${dependency.tag}`}`;
  return dependency.project === null || dependency.project === project ? key : `${dependency.project}:${key}`;
}

export function parseSqitchPlan(text: string, file: string): SqitchPlan {
  const lines = text.split('\n');
  const problems: Anomaly[] = [];
  const refuse = (line: number, reason: string) => problems.push(unreadableFile(file, line, `sqitch refuses this plan: ${reason}`));
  const pragmas = new Map<string, string>();
  let index = 0;
  for (; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    const blank = blankOrComment.exec(raw);
    if (blank) {
      if (blank[1] === undefined) break;
      continue;
    }
    const pragma = pragmaPattern.exec(raw.replace(noteAtEnd, ''));
    if (!pragma) {
      refuse(index + 1, 'invalid pragma; a blank line must come between pragmas and changes');
      continue;
    }
    const [, pragmaName = '', value] = pragma;
    pragmas.set(pragmaName, value ?? '1');
  }
  const project = pragmas.get('project') ?? '';
  if (!namePattern.test(project)) refuse(1, project === '' ? 'missing %project pragma' : `invalid project name "${project}"`);

  const changes: PlannedChange[] = [];
  const named = new Map<string, PlannedChange>();
  /** Changes since the last tag: a name may come back only after a tag (a rework). */
  let sinceTag = new Map<string, number>();
  const tagLines = new Map<string, number>();
  for (index += 1; index < lines.length; index += 1) {
    const lineNo = index + 1;
    const raw = lines[index] ?? '';
    if (blankOrComment.test(raw)) continue;
    const noteMatch = noteAtEnd.exec(raw);
    const note = unescapeNote(noteMatch?.[1]);
    const entry = raw.slice(0, noteMatch?.index ?? raw.length);
    const isTag = /^[ \t]*@/.test(entry);
    const match = entryPattern.exec(entry);
    if (!match) {
      refuse(lineNo, 'invalid name; names must not begin with punctuation, contain "@", ":", "#", "\\", or blanks, or end in punctuation');
      continue;
    }
    const [, operator, entryName = '', deps, stamp, plannerName, plannerEmail] = match;
    if (!stamp || !plannerName || !plannerEmail) {
      refuse(lineNo, !stamp && !plannerName ? 'missing timestamp and planner name and email' : !stamp ? 'missing timestamp' : 'missing planner name and email');
      continue;
    }
    if (entryName === 'ROOT' || entryName === 'HEAD') {
      refuse(lineNo, `"${isTag ? '@' : ''}${entryName}" is a reserved name`);
      continue;
    }
    if (/^[0-9a-f]{40}/.test(entryName)) {
      refuse(lineNo, `"${entryName}" is invalid because it could be confused with a SHA1 ID`);
      continue;
    }
    const planned: Planned = { name: entryName, line: lineNo, timestamp: stamp, plannerName, plannerEmail, note };
    if (isTag) {
      const previous = changes.at(-1);
      const earlier = tagLines.get(entryName);
      if (!previous) refuse(lineNo, `tag "${entryName}" declared without a preceding change`);
      else if (earlier !== undefined) refuse(lineNo, `tag "${entryName}" duplicates earlier declaration on line ${earlier}`);
      else if (deps) refuse(lineNo, 'tags may not specify dependencies');
      else {
        previous.tags.push(planned);
        tagLines.set(entryName, lineNo);
        sinceTag = new Map();
      }
      continue;
    }
    if (operator === '-') {
      refuse(lineNo, `"-${entryName}": a change planned as reverted (sqitch's "-" operator) is not supported by Switchyard`);
      continue;
    }
    const earlier = sinceTag.get(entryName);
    if (earlier !== undefined) {
      refuse(lineNo, `change "${entryName}" duplicates earlier declaration on line ${earlier}`);
      continue;
    }
    const requires: PlanDependency[] = [];
    const conflicts: PlanDependency[] = [];
    let bad: string | null = null;
    for (const text of (deps ?? '').split(/[ \t]+/).filter((d) => d !== '')) {
      const dependency = parseDependency(text);
      if (!dependency) bad = `"${text}" is not a valid dependency specification`;
      else (dependency.conflicts ? conflicts : requires).push(dependency);
    }
    if (bad) {
      refuse(lineNo, bad);
      continue;
    }
    const change: PlannedChange = { ...planned, requires, conflicts, tags: [], reworkTags: [] };
    const reworked = named.get(entryName);
    if (reworked) {
      const between = changes.slice(changes.indexOf(reworked) + 1).reverse();
      reworked.reworkTags.push(...between.flatMap((c) => c.tags.map((t) => t.name)), ...reworked.tags.map((t) => t.name));
    }
    named.set(entryName, change);
    sinceTag.set(entryName, lineNo);
    changes.push(change);
  }
  return { project, uri: pragmas.get('uri') ?? null, changes, problems };
}
