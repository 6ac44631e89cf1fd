// The group's members in rollout order, each with its environment and where it stands against the
// chosen project (in words; the colour only repeats them), moved earlier or later, or taken out. The
// keyboard stays with the member it moved, and goes to a neighbour when one is taken out.
import type { Group } from '../../../src-shared/model/project';
import { memberStandingKind, memberStatusWords, type GroupMemberStatus } from '../../../src-shared/model/groupStatus';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { useConnections } from '../connections/connectionsStore';
import { focusSoon, groupHeadingId } from './groupFocus';
import { useGroups } from './groupsStore';

const buttonId = (profileId: string, action: 'earlier' | 'later' | 'remove') => `group-member-${profileId}-${action}`;

function StatusCell({ member, reading }: { member: GroupMemberStatus | undefined; reading: boolean }) {
  if (!member) return <td className="muted">{reading ? 'Reading…' : 'Not read'}</td>;
  const kind = memberStandingKind(member);
  return (
    <td className={`group-standing standing-${kind}`} data-standing={kind}>
      {memberStatusWords(member)}
    </td>
  );
}

export function GroupMembers({ group }: { group: Group }) {
  const { status, reading, busy, moveMember, removeMember } = useGroups();
  const profiles = useConnections((s) => s.profiles);
  const count = group.profileIds.length;
  if (count === 0) return <p className="muted">No connections in this group yet: tick them below and add them.</p>;
  // Clicks while a change is being saved wait their turn (the buttons stay enabled: disabling one would drop the focus).
  const move = async (profileId: string, index: number, by: -1 | 1) => {
    if (busy || !(await moveMember(profileId, by))) return;
    const to = index + by;
    const stillThatWay = by === -1 ? to > 0 : to < count - 1;
    focusSoon(buttonId(profileId, stillThatWay ? (by === -1 ? 'earlier' : 'later') : by === -1 ? 'later' : 'earlier'));
  };
  const remove = async (profileId: string, index: number) => {
    if (busy || !(await removeMember(profileId))) return;
    const neighbour = group.profileIds[index + 1] ?? group.profileIds[index - 1];
    focusSoon(neighbour ? buttonId(neighbour, 'remove') : groupHeadingId);
  };
  const readFor = status?.groupId === group.id ? status : undefined;
  return (
    <table className="records group-members">
      <caption>
        {count} connection{count === 1 ? '' : 's'} in rollout order{readFor ? `, against ${readFor.project}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Connection</th>
          <th scope="col">Environment</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="repair-sr-only">Order and membership</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {group.profileIds.map((profileId, index) => {
          const profile = profiles.find((p) => p.id === profileId);
          const name = profile?.name ?? readFor?.members.find((m) => m.profileId === profileId)?.name ?? profileId;
          return (
            <tr key={profileId}>
              <td>{index + 1}</td>
              <th scope="row">{name}</th>
              <td>{profile && <EnvironmentBadge environment={profile.environment} />}</td>
              <StatusCell member={readFor?.members.find((m) => m.profileId === profileId)} reading={reading} />
              <td className="group-member-actions">
                <button
                  type="button"
                  className="small"
                  id={buttonId(profileId, 'earlier')}
                  aria-label={`Move ${name} earlier`}
                  disabled={index === 0}
                  onClick={() => void move(profileId, index, -1)}
                >
                  <span aria-hidden="true">↑ </span>Earlier
                </button>
                <button
                  type="button"
                  className="small"
                  id={buttonId(profileId, 'later')}
                  aria-label={`Move ${name} later`}
                  disabled={index === count - 1}
                  onClick={() => void move(profileId, index, 1)}
                >
                  <span aria-hidden="true">↓ </span>Later
                </button>
                <button
                  type="button"
                  className="small danger"
                  id={buttonId(profileId, 'remove')}
                  aria-label={`Remove ${name} from the group`}
                  onClick={() => void remove(profileId, index)}
                >
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
