// Connections to tick, each with its environment (a tenant's production database says so): the new
// group's members, or the connections added to a group at its end, in the order listed.
import type { Profile } from '../../../src-shared/model/profile';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';

export function ConnectionChecklist({
  legend,
  profiles,
  ticked,
  onChange,
}: {
  legend: string;
  profiles: readonly Profile[];
  ticked: ReadonlySet<string>;
  onChange(ticked: Set<string>): void;
}) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="group-checklist">
      <legend>{legend}</legend>
      <ul>
        {profiles.map((profile) => (
          <li key={profile.id}>
            <label>
              <input type="checkbox" checked={ticked.has(profile.id)} onChange={(e) => toggle(profile.id, e.target.checked)} />
              <span>{profile.name}</span>
              <EnvironmentBadge environment={profile.environment} />
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The ticked connections in the order the list shows them. */
export function tickedInOrder(profiles: readonly Profile[], ticked: ReadonlySet<string>): string[] {
  return profiles.filter((p) => ticked.has(p.id)).map((p) => p.id);
}
