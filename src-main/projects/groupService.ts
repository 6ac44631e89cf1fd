// Groups of connections that take the same migrations (one database per tenant or client): checked,
// audited, and read by rollouts in the order their members were added.
import { SwitchyardError } from '../../src-shared/errors';
import type { Confirmation } from '../../src-shared/model/confirmation';
import { groupInputSchema, type Group, type GroupInput } from '../../src-shared/model/project';
import type { StoreSession } from '../session/storeSession';
import { noSuchGroup } from '../store/groupRepository';
import { requireConfirmation } from '../targets/requireConfirmation';
import { checkedModel } from './checkedModel';

export interface MembersAdded {
  group: Group;
  /** True when the group did not exist and was made. */
  created: boolean;
  added: string[];
  /** Connections that were members already: left where they were. */
  alreadyIn: string[];
}

export class GroupService {
  constructor(private readonly session: StoreSession) {}

  list(): Group[] {
    return this.session.store.groups.list();
  }

  /** By name (any case) or by id. */
  get(nameOrId: string): Group {
    const group = this.session.store.groups.findByNameOrId(nameOrId);
    if (!group) throw noSuchGroup(nameOrId);
    return group;
  }

  create(input: GroupInput, actor: string): Group {
    const group = this.session.store.groups.create(this.checked(input));
    this.audit(actor, 'group.create', group, { id: group.id, profileIds: group.profileIds });
    return group;
  }

  update(nameOrId: string, input: GroupInput, actor: string): Group {
    const before = this.get(nameOrId);
    const valid = this.checked(input, before);
    const after = this.session.store.groups.update(before.id, valid);
    this.audit(actor, 'group.update', after, {
      id: after.id,
      ...(before.name === after.name ? {} : { renamedFrom: before.name }),
      profileIds: after.profileIds,
    });
    return after;
  }

  /** Adds connections at the end of the group, making the group when none has that name. */
  addMembers(name: string, profileIds: readonly string[], actor: string): MembersAdded {
    const existing = this.session.store.groups.findByNameOrId(name);
    const before = existing?.profileIds ?? [];
    const alreadyIn = profileIds.filter((id) => before.includes(id));
    const added = [...new Set(profileIds.filter((id) => !before.includes(id)))];
    if (!existing) return { group: this.create({ name, profileIds: added }, actor), created: true, added, alreadyIn };
    const group = this.update(existing.id, { name: existing.name, profileIds: [...before, ...added] }, actor);
    return { group, created: false, added, alreadyIn };
  }

  /** Takes connections out of the group; one that is not in it is refused and nothing changes. */
  removeMembers(nameOrId: string, profileIds: readonly string[], actor: string): Group {
    const group = this.get(nameOrId);
    const { profiles } = this.session.store;
    const strangers = profileIds.filter((id) => !group.profileIds.includes(id));
    if (strangers.length > 0) {
      const names = strangers.map((id) => profiles.get(id).name).join(', ');
      throw new SwitchyardError('E_INVALID_INPUT', `${names} ${strangers.length === 1 ? 'is' : 'are'} not in the group "${group.name}". Nothing was changed.`);
    }
    return this.update(group.id, { name: group.name, profileIds: group.profileIds.filter((id) => !profileIds.includes(id)) }, actor);
  }

  /** Forgets the group (its connections and databases stay) once its name is typed (`confirmation`). */
  remove(nameOrId: string, actor: string, confirmation?: Confirmation): Group {
    const group = this.get(nameOrId);
    requireConfirmation(
      { connection: group.name, environment: 'group', what: `remove the group ${group.name}`, typed: group.name, always: true },
      confirmation,
    );
    this.session.store.groups.remove(group.id);
    this.audit(actor, 'group.remove', group, { id: group.id, profileIds: group.profileIds });
    return group;
  }

  private checked(input: GroupInput, before?: Group) {
    const valid = checkedModel(groupInputSchema, input, 'group');
    const { groups, profiles } = this.session.store;
    const other = groups.findByName(valid.name);
    if (other && other.id !== before?.id)
      throw new SwitchyardError('E_DUPLICATE_NAME', `A group named "${other.name}" already exists (names are compared ignoring case).`);
    const seen = new Set<string>();
    for (const id of valid.profileIds) {
      const profile = profiles.get(id);
      if (seen.has(id)) throw new SwitchyardError('E_INVALID_INPUT', `The connection "${profile.name}" is listed twice in the group. Nothing was changed.`);
      seen.add(id);
    }
    return valid;
  }

  private audit(actor: string, action: string, group: Group, detail: Record<string, unknown>): void {
    this.session.store.audit.append({ actor, action, target: `group:${group.name}`, detail });
  }
}
