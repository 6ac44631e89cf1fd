// The project form's values as the user edits them, and the pure edits the Environments tab makes:
// environments added, removed and moved in promotion order, their connections and roles, bindings.
// Each edit returns a new draft, or a sentence saying why it was refused.
import {
  defaultRole,
  projectEnvironmentNameSchema,
  connectionRoleSchema,
  type Project,
  type ProjectDetection,
  type ProjectInput,
} from '../../../src-shared/model/project';
import type { ProjectFormatChoice } from '../../../src-shared/model/profile';

export interface DraftEnvironment {
  /** Stable across renames and moves, so React keeps each card (and the focus in it). */
  key: string;
  name: string;
  members: { profileId: string; role: string }[];
}

export interface ProjectDraft {
  name: string;
  dir: string;
  format: ProjectFormatChoice;
  alembicCommand: string;
  requireApproval: boolean;
  environments: DraftEnvironment[];
  bindings: { label: string; role: string }[];
}

export type Edit = { draft: ProjectDraft } | { refused: string };

let keys = 0;
const nextKey = () => `env-${(keys += 1)}`;

export function emptyDraft(): ProjectDraft {
  return { name: '', dir: '', format: 'auto', alembicCommand: '', requireApproval: false, environments: [], bindings: [] };
}

function withKeys(environments: readonly { name: string; members: readonly { profileId: string; role: string }[] }[]): DraftEnvironment[] {
  return environments.map((e) => ({ key: nextKey(), name: e.name, members: e.members.map((m) => ({ ...m })) }));
}

export function draftOfProject(project: Project): ProjectDraft {
  return {
    name: project.name,
    dir: project.dir,
    format: project.format,
    alembicCommand: project.alembicCommand,
    requireApproval: project.requireApproval,
    environments: withKeys(project.environments),
    bindings: project.bindings.map((b) => ({ ...b })),
  };
}

export function draftOfDetection(detection: ProjectDetection): ProjectDraft {
  return draftOfProject({ ...detection.proposal, id: '', createdAt: '', updatedAt: '' });
}

export function inputOf(draft: ProjectDraft): ProjectInput {
  return {
    name: draft.name,
    dir: draft.dir,
    format: draft.format,
    alembicCommand: draft.alembicCommand,
    requireApproval: draft.requireApproval,
    environments: draft.environments.map((e) => ({ name: e.name, members: e.members })),
    bindings: draft.bindings,
  };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function addEnvironment(draft: ProjectDraft, typed: string): Edit {
  const name = projectEnvironmentNameSchema.safeParse(typed);
  if (!name.success) return { refused: name.error.issues[0]?.message ?? 'Not an environment name.' };
  if (draft.environments.some((e) => same(e.name, name.data))) return { refused: `The project has an environment named ${name.data} already.` };
  return { draft: { ...draft, environments: [...draft.environments, { key: nextKey(), name: name.data, members: [] }] } };
}

export function removeEnvironment(draft: ProjectDraft, key: string): ProjectDraft {
  return { ...draft, environments: draft.environments.filter((e) => e.key !== key) };
}

/** One place earlier (-1) or later (+1) in promotion order; at either end it stays. */
export function moveEnvironment(draft: ProjectDraft, key: string, by: -1 | 1): ProjectDraft {
  const at = draft.environments.findIndex((e) => e.key === key);
  const to = at + by;
  if (at < 0 || to < 0 || to >= draft.environments.length) return draft;
  const environments = [...draft.environments];
  [environments[at], environments[to]] = [environments[to] as DraftEnvironment, environments[at] as DraftEnvironment];
  return { ...draft, environments };
}

function changeEnvironment(draft: ProjectDraft, key: string, change: (e: DraftEnvironment) => DraftEnvironment): ProjectDraft {
  return { ...draft, environments: draft.environments.map((e) => (e.key === key ? change(e) : e)) };
}

/** In the environment or out of it; a connection comes in with the role `main`. */
export function toggleMember(draft: ProjectDraft, key: string, profileId: string): ProjectDraft {
  return changeEnvironment(draft, key, (e) => ({
    ...e,
    members: e.members.some((m) => m.profileId === profileId)
      ? e.members.filter((m) => m.profileId !== profileId)
      : [...e.members, { profileId, role: defaultRole }],
  }));
}

/** The role as typed: checked when saved (the server says which is wrong), so typing is never interrupted. */
export function setMemberRole(draft: ProjectDraft, key: string, profileId: string, role: string): ProjectDraft {
  return changeEnvironment(draft, key, (e) => ({ ...e, members: e.members.map((m) => (m.profileId === profileId ? { ...m, role } : m)) }));
}

export function addBinding(draft: ProjectDraft, label: string, role: string): Edit {
  const trimmed = label.trim();
  if (!trimmed) return { refused: 'A branch label (or version location) is required.' };
  const checkedRole = connectionRoleSchema.safeParse(role);
  if (!checkedRole.success) return { refused: checkedRole.error.issues[0]?.message ?? 'Not a role name.' };
  if (draft.bindings.some((b) => b.label === trimmed)) return { refused: `The label ${trimmed} is bound already: remove it first to bind it elsewhere.` };
  return { draft: { ...draft, bindings: [...draft.bindings, { label: trimmed, role: checkedRole.data }] } };
}

export function removeBinding(draft: ProjectDraft, label: string): ProjectDraft {
  return { ...draft, bindings: draft.bindings.filter((b) => b.label !== label) };
}

/** Roles a binding names that no connection of any environment plays: said under the bindings. */
export function unplayedRoles(draft: ProjectDraft): string[] {
  const played = new Set(draft.environments.flatMap((e) => e.members.map((m) => m.role.trim().toLowerCase())));
  return [...new Set(draft.bindings.map((b) => b.role).filter((role) => !played.has(role.toLowerCase())))];
}

/** The draft without the connections that no longer exist (removed while the form was open); the same draft when none went. */
export function withoutConnectionsGone(draft: ProjectDraft, existing: ReadonlySet<string>): ProjectDraft {
  if (draft.environments.every((e) => e.members.every((m) => existing.has(m.profileId)))) return draft;
  return { ...draft, environments: draft.environments.map((e) => ({ ...e, members: e.members.filter((m) => existing.has(m.profileId)) })) };
}
