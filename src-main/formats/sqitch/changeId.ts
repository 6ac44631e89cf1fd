// The ids sqitch gives changes and tags: the SHA-1 of an "info" text, as git hashes an object
// (App::Sqitch::Plan::Change `info`/`id` and App::Sqitch::Plan::Tag `info`/`id`, v1.3.1). The registry
// keys every row by them, so a change deployed by Switchyard must carry the id sqitch computes.
import { createHash } from 'node:crypto';
import { dependencyText, type PlannedChange, type PlannedTag } from './sqitchPlan';

export interface PlanIdentity {
  project: string;
  uri: string | null;
}

function objectId(kind: 'change' | 'tag', info: string): string {
  const content = Buffer.from(info, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${kind} ${content.length}\0`, 'utf8'), content]))
    .digest('hex');
}

const plannerOf = (planned: PlannedTag) => `${planned.plannerName} <${planned.plannerEmail}>`;

/** `parentId`: the id of the change planned just before this one (none for the first). */
function changeInfo(plan: PlanIdentity, change: PlannedChange, parentId: string | null): string {
  const requires = change.requires.map((d) => dependencyText(d, plan.project));
  const conflicts = change.conflicts.map((d) => dependencyText(d, plan.project));
  return [
    `project ${plan.project}`,
    ...(plan.uri ? [`uri ${plan.uri}`] : []),
    `change ${change.name}`,
    ...(parentId ? [`parent ${parentId}`] : []),
    `planner ${plannerOf(change)}`,
    `date ${change.timestamp}`,
    ...(requires.length > 0 ? [`requires\n  + ${requires.join('\n  + ')}`] : []),
    ...(conflicts.length > 0 ? [`conflicts\n  - ${conflicts.join('\n  - ')}`] : []),
    ...(change.note ? ['', change.note] : []),
  ].join('\n');
}

export function changeId(plan: PlanIdentity, change: PlannedChange, parentId: string | null): string {
  return objectId('change', changeInfo(plan, change, parentId));
}

export function tagId(plan: PlanIdentity, tag: PlannedTag, changeIdOfTag: string): string {
  return objectId(
    'tag',
    [
      `project ${plan.project}`,
      ...(plan.uri ? [`uri ${plan.uri}`] : []),
      `tag @${tag.name}`,
      `change ${changeIdOfTag}`,
      `planner ${plannerOf(tag)}`,
      `date ${tag.timestamp}`,
      ...(tag.note ? ['', tag.note] : []),
    ].join('\n'),
  );
}
