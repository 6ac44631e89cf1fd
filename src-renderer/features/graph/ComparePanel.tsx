// Picking environments to compare (connections bound to the same project) and what would bring
// one level with another.
import { useEffect, useRef } from 'react';
import { focusIsAdrift } from '../../components/useFocusReturn';
import type { Profile } from '../../../src-shared/model/profile';
import type { EnvironmentGap } from '../../../src-shared/graph/environmentGap';
import { useRunDialog } from '../runner/runDialogStore';
import { noComparison, useCompare } from './compareStore';

interface Props {
  current: Profile;
  siblings: Profile[];
  names: Map<string, string>;
  gap: EnvironmentGap | undefined;
}

interface PickerProps {
  label: string;
  value: string | undefined;
  choices: string[];
  names: Map<string, string>;
  onPick(id: string | undefined): void;
}

function EnvironmentPicker({ label, value, choices, names, onPick }: PickerProps) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onPick(e.target.value || undefined)}>
      <option value="">…</option>
      {choices.map((id) => (
        <option key={id} value={id}>
          {names.get(id)}
        </option>
      ))}
    </select>
  );
}

export function ComparePanel({ current, siblings, names, gap }: Props) {
  const { statuses, show, level } = useCompare();
  const { columns, from, to } = useCompare((s) => s.comparisons[current.id] ?? noComparison);
  const choices = [current.id, ...columns];
  const section = useRef<HTMLElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const openedRun = useRef(false);
  const runPhase = useRunDialog((s) => s.phase);
  useEffect(() => {
    if (runPhase !== 'closed' || !openedRun.current) return;
    // The upgrade that opened the run is gone once its head is reached, and focus with it: rather than the
    // top of the page, the keyboard lands on the comparison's new result, read out, and goes on from there.
    // A frame later: the dialog hands focus back to the upgrade button when it closes, after this effect; and
    // the statuses read after the run may come after the close, the button going only then (hence `gap`).
    const frame = requestAnimationFrame(() => {
      // Adrift: on the body, or on the screen's heading where the dialog put it when its opener had gone.
      if (focusIsAdrift()) {
        (result.current ?? section.current)?.focus();
        openedRun.current = false;
      } else if (!section.current?.contains(document.activeElement)) openedRun.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [runPhase, gap]);
  return (
    <section ref={section} tabIndex={-1} className="graph-compare" aria-label="Compare environments">
      {siblings.length === 0 ? (
        <p className="muted">No other connection is bound to this project ({current.projectDir}). Bind one on its Connection screen to compare.</p>
      ) : (
        <div className="graph-compare-pick">
          <span className="muted">Show beside {current.name}:</span>
          {siblings.map((p) => (
            <label key={p.id} className="graph-check">
              <input type="checkbox" checked={columns.includes(p.id)} onChange={(e) => void show(current.id, p.id, e.target.checked)} /> {p.name}
              {'error' in (statuses[p.id] ?? {}) && <span className="graph-anomaly-text"> (unreachable)</span>}
            </label>
          ))}
        </div>
      )}
      {columns.length > 0 && (
        <div className="graph-compare-level">
          <label>
            Bring{' '}
            <EnvironmentPicker label="Environment to bring level" value={from} choices={choices} names={names} onPick={(id) => level(current.id, id, to)} />
          </label>{' '}
          <label>
            level with{' '}
            <EnvironmentPicker label="Environment to match" value={to} choices={choices} names={names} onPick={(id) => level(current.id, from, id)} />
          </label>
          {gap && (
            // Level is good news: said in the colour of good news, not of a warning.
            <p ref={result} tabIndex={-1} role="status" className={gap.toApply.length === 0 && gap.toRevert.length === 0 ? 'graph-gap level' : 'graph-gap'}>
              {gap.toApply.length === 0 && gap.toRevert.length === 0
                ? 'Already level.'
                : [
                    gap.toApply.length > 0 ? `apply ${gap.toApply.length}: ${gap.toApply.join(', ')}` : '',
                    gap.toRevert.length > 0 ? `revert ${gap.toRevert.length}: ${gap.toRevert.join(', ')}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
            </p>
          )}
          {from !== undefined && from === to && <p className="muted">Pick two different environments: one is always level with itself.</p>}
          {gap && from && to && gap.toRevert.length > 0 && (
            // Never a silent absence of a button: say why there is none, and where the way is.
            <p className="muted">
              {names.get(from)} has {gap.toRevert.length === 1 ? 'a revision' : 'revisions'} {names.get(to)} does not. Reverting is not offered here: use
              “Downgrade to here” on {names.get(from)}’s Graph tab, where the plan shows each step first.
            </p>
          )}
          {gap && from && gap.toRevert.length === 0 && gap.headsToReach.length > 0 && (
            <div className="graph-gap-actions">
              {gap.headsToReach.map((head) => (
                <button
                  key={head}
                  type="button"
                  className="small"
                  onClick={() => {
                    openedRun.current = true;
                    useRunDialog.getState().open(from, { action: 'upgrade', to: head });
                  }}
                >
                  Upgrade {names.get(from)} to {head}…
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
