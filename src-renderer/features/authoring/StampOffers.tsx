// After a re-parent: what each connection bound to the project will need for its bookkeeping to say
// what ran under the new shape. A stamp is offered through the run dialog, never run from here.
import type { StampCheck } from '../../../src-shared/model/authoring';
import { useRunDialog } from '../runner/runDialogStore';

export function StampOffers({ stamps, offer }: { stamps: StampCheck; offer: boolean }) {
  if (!stamps.checked) return <p className="muted small">Connections: {stamps.reason ?? 'not read'}</p>;
  const nothing = stamps.needs.length === 0 && stamps.unreadable.length === 0;
  return (
    <section className="repair-stamps" aria-label="Connections bound to the project">
      {nothing && <p className="small">No connection bound to this project needs a stamp.</p>}
      <ul>
        {stamps.needs.map((need) => (
          <li key={need.profileId}>
            <strong>{need.profile}</strong>: {need.reason}{' '}
            {offer && need.stampTo.length === 1 && (
              <button
                type="button"
                className="small"
                onClick={() => useRunDialog.getState().open(need.profileId, { action: 'stamp', to: need.stampTo[0] as string })}
              >
                Stamp {need.profile} at {need.stampTo[0]}…
              </button>
            )}
          </li>
        ))}
        {stamps.unreadable.map((u) => (
          <li key={u.profile}>
            <strong>{u.profile}</strong> could not be read: {u.reason}
          </li>
        ))}
      </ul>
      {stamps.unaffected.length > 0 && <p className="muted small">Unaffected: {stamps.unaffected.join(', ')}</p>}
    </section>
  );
}
