// Projects as users manage them: a migration folder with its environments in promotion order and
// its database bindings. Every change is checked (names, connections, environments) and audited; the
// other services reach an environment's databases through memberTargets.
import { resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { environments as promotionOrder } from '../../src-shared/model/profile';
import {
  defaultRole,
  projectInputSchema,
  type EnvironmentMember,
  type MemberTarget,
  type Project,
  type ProjectDetection,
  type ProjectEnvironment,
  type ProjectInput,
  type ValidProjectInput,
} from '../../src-shared/model/project';
import { loadProject } from '../migrations/project';
import { readProject } from '../migrations/readers/detectProject';
import type { StoreSession } from '../session/storeSession';
import { noSuchProject } from '../store/projectRepository';
import { projectNameForFolder } from '../store/steps/projectSteps';
import { checkedModel, sameName } from './checkedModel';

/** The project's fields as the audit log keeps them: what a reader needs to see what changed. */
function audited(project: Project | ValidProjectInput): Record<string, unknown> {
  return {
    dir: project.dir,
    format: project.format,
    alembicCommand: project.alembicCommand,
    requireApproval: project.requireApproval,
    environments: project.environments.map((e) => ({ name: e.name, members: e.members.map((m) => `${m.role}=${m.profileId}`) })),
    bindings: project.bindings.map((b) => `${b.label}→${b.role}`),
  };
}

export class ProjectService {
  constructor(private readonly session: StoreSession) {}

  list(): Project[] {
    return this.session.store.projects.list();
  }

  /** By name (any case) or by id; E_NOT_FOUND naming what was asked. */
  get(nameOrId: string): Project {
    const project = this.session.store.projects.findByNameOrId(nameOrId);
    if (!project) throw noSuchProject(nameOrId);
    return project;
  }

  create(input: ProjectInput, actor: string): Project {
    const valid = this.checked(input);
    const project = this.session.store.projects.create(valid);
    this.audit(actor, 'project.create', project, { id: project.id, ...audited(project) });
    return project;
  }

  /** Replaces the project whole (the form's Save). */
  update(nameOrId: string, input: ProjectInput, actor: string): Project {
    const before = this.get(nameOrId);
    const valid = this.checked(input, before);
    const after = this.session.store.projects.update(before.id, valid);
    this.audit(actor, 'project.update', after, { id: after.id, ...(before.name === after.name ? {} : { renamedFrom: before.name }), ...audited(after) });
    return after;
  }

  remove(nameOrId: string, actor: string): Project {
    const project = this.get(nameOrId);
    this.session.store.projects.remove(project.id);
    this.audit(actor, 'project.remove', project, { id: project.id, ...audited(project) });
    return project;
  }

  /**
   * What the folder would be as a project: its format (read through the format registry, so a
   * folder with no migrations Switchyard knows is refused with why), and environments proposed from
   * the connections already bound to it, in promotion order.
   */
  detect(dir: string): ProjectDetection {
    const folder = resolve(dir);
    const loaded = loadProject(folder);
    const read = resolve(loaded.files.project);
    const { projects, profiles } = this.session.store;
    const stored = projects.list();
    const bound = profiles.list().filter((p) => p.projectDir !== '' && [folder, read].includes(resolve(p.projectDir)));
    const notes: string[] = [];
    const formats = [...new Set(bound.map((p) => p.projectFormat))];
    const commands = [...new Set(bound.map((p) => p.alembicCommand).filter((c) => c !== ''))];
    if (formats.length > 1) notes.push(`The connections bound to this folder read it as ${formats.join(', ')}: the project reads it as auto (detected).`);
    if (commands.length > 1) notes.push(`The connections bound to this folder run Alembic with ${commands.join(', ')}: the project takes ${commands[0]}.`);
    const environments: ProjectEnvironment[] = promotionOrder
      .map((name) => ({ name, members: bound.filter((p) => p.environment === name).map((p) => ({ profileId: p.id, role: defaultRole })) }))
      .filter((e) => e.members.length > 0);
    const existing = stored.find((p) => resolve(p.dir) === folder || resolve(p.dir) === read);
    if (existing) notes.push(`The project "${existing.name}" already has this folder.`);
    return {
      dir: folder,
      format: loaded.files.format,
      reason: loaded.files.detection ?? loaded.files.format,
      revisions: loaded.graph.revisions.length,
      ...(existing ? { existing: existing.name } : {}),
      notes,
      proposal: {
        name: projectNameForFolder(folder, new Set(stored.map((p) => p.name.toLowerCase()))),
        dir: folder,
        format: formats.length === 1 && formats[0] ? formats[0] : 'auto',
        alembicCommand: commands[0] ?? '',
        requireApproval: false,
        environments,
        bindings: [],
      },
    };
  }

  /**
   * Sets one environment's connections (added at the end when new). `order`, when given, puts the
   * environments it names first, in its order; the others keep theirs after them.
   */
  setEnvironment(nameOrId: string, environment: string, members: readonly EnvironmentMember[], actor: string, order?: readonly string[]): Project {
    const project = this.get(nameOrId);
    const current = project.environments.find((e) => sameName(e.name, environment));
    const next = current
      ? project.environments.map((e) => (e === current ? { name: e.name, members: [...members] } : e))
      : [...project.environments, { name: environment, members: [...members] }];
    return this.write(project, { environments: order ? ordered(next, order, project.name) : next }, actor, 'project.environment', {
      environment: current?.name ?? environment,
      members: members.map((m) => `${m.role}=${m.profileId}`),
      ...(order ? { order } : {}),
    });
  }

  /** Binds a branch label (or version location) to the database of a role; a label bound already moves to the new role. */
  bind(nameOrId: string, label: string, role: string, actor: string): Project {
    const project = this.get(nameOrId);
    const bindings = [...project.bindings.filter((b) => b.label !== label), { label, role }];
    return this.write(project, { bindings }, actor, 'project.bind', { label, role });
  }

  unbind(nameOrId: string, label: string, actor: string): Project {
    const project = this.get(nameOrId);
    if (!project.bindings.some((b) => b.label === label)) {
      throw new SwitchyardError('E_NOT_FOUND', `The project "${project.name}" binds no label "${label}". Nothing was changed.`);
    }
    return this.write(project, { bindings: project.bindings.filter((b) => b.label !== label) }, actor, 'project.unbind', { label });
  }

  /**
   * Every connection of an environment (of one role, when given) as a TargetRef carrying the
   * project's folder, format and Alembic command, in the environment's order. An environment whose
   * connections were all removed gives none; an unknown environment is E_NOT_FOUND naming the known ones.
   */
  memberTargets(nameOrId: string, environment: string, role?: string): MemberTarget[] {
    return this.membersOf(this.get(nameOrId), environment, (m) => role === undefined || sameName(m.role, role));
  }

  /**
   * The members of an environment of a project already read that `keep` keeps, as memberTargets gives
   * them: only those kept are read from the store (their connection's name), so picking one of many
   * (`--project --env --role`) costs one project read and one connection read.
   */
  membersOf(project: Project, environment: string, keep: (member: EnvironmentMember) => boolean = () => true): MemberTarget[] {
    const env = project.environments.find((e) => sameName(e.name, environment));
    if (!env) {
      const known = project.environments.map((e) => e.name).join(', ') || 'none yet';
      throw new SwitchyardError('E_NOT_FOUND', `The project "${project.name}" has no environment "${environment}" (its environments: ${known}).`);
    }
    const { profiles } = this.session.store;
    return env.members.filter(keep).map((m) => ({
      profileId: m.profileId,
      profileName: profiles.get(m.profileId).name,
      role: m.role,
      ref: {
        profileId: m.profileId,
        project: project.dir,
        format: project.format,
        ...(project.alembicCommand ? { alembic: project.alembicCommand } : {}),
      },
    }));
  }

  private write(project: Project, change: Partial<ValidProjectInput>, actor: string, action: string, detail: Record<string, unknown>): Project {
    const input: ProjectInput = {
      name: project.name,
      dir: project.dir,
      format: project.format,
      alembicCommand: project.alembicCommand,
      requireApproval: project.requireApproval,
      environments: project.environments,
      bindings: project.bindings,
      ...change,
    };
    const after = this.session.store.projects.update(project.id, this.checked(input, project));
    this.audit(actor, action, after, { id: after.id, ...detail });
    return after;
  }

  /** The input through its schema, then what the schema cannot see: the folder, the connections, repeated names. */
  private checked(input: ProjectInput, before?: Project): ValidProjectInput {
    const valid = checkedModel(projectInputSchema, input, 'project');
    valid.dir = resolve(valid.dir);
    // A folder read once when it is given; a stored project whose folder has moved can still be edited.
    if (valid.dir !== before?.dir || valid.format !== before.format) readProject(valid.dir, valid.format === 'auto' ? {} : { format: valid.format });
    const { profiles, projects } = this.session.store;
    const other = projects.findByName(valid.name);
    if (other && other.id !== before?.id)
      throw new SwitchyardError('E_DUPLICATE_NAME', `A project named "${other.name}" already exists (names are compared ignoring case).`);
    const seen = new Set<string>();
    for (const env of valid.environments) {
      if (seen.has(env.name.toLowerCase())) throw invalid(`The environment "${env.name}" is listed twice.`);
      seen.add(env.name.toLowerCase());
      const members = new Set<string>();
      for (const m of env.members) {
        // E_NOT_FOUND when the connection is gone.
        const profile = profiles.get(m.profileId);
        if (members.has(m.profileId)) throw invalid(`The connection "${profile.name}" is listed twice in the environment "${env.name}".`);
        members.add(m.profileId);
      }
    }
    const labels = new Set<string>();
    for (const b of valid.bindings) {
      if (labels.has(b.label)) throw invalid(`The label "${b.label}" is bound twice.`);
      labels.add(b.label);
    }
    return valid;
  }

  private audit(actor: string, action: string, project: Project, detail: Record<string, unknown>): void {
    // Named "project:NAME", so the log never takes it for a connection of the same name.
    this.session.store.audit.append({ actor, action, target: `project:${project.name}`, detail });
  }
}

function invalid(sentence: string): SwitchyardError {
  return new SwitchyardError('E_INVALID_INPUT', `${sentence} Nothing was changed.`);
}

/** The environments `order` names first, in its order; the rest after, as they were. Unknown names are refused. */
function ordered(environments: ProjectEnvironment[], order: readonly string[], project: string): ProjectEnvironment[] {
  const unknown = order.filter((name) => !environments.some((e) => sameName(e.name, name)));
  if (unknown.length > 0) {
    throw invalid(
      `The order names ${unknown.join(', ')}, which the project "${project}" does not have (its environments: ${environments.map((e) => e.name).join(', ')}).`,
    );
  }
  const rank = (e: ProjectEnvironment) => {
    const at = order.findIndex((name) => sameName(name, e.name));
    return at === -1 ? order.length : at;
  };
  return environments
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
