// The Target step: the mode, the migration target afterwards, an optional seed file; filled and locked
// when a recipe was picked on the Recipe step.
import { useMemo } from 'react';
import type { ResetMode } from '../../../src-shared/model/reset';
import { targetChoices, targetProblem } from '../runner/migrationTargets';
import { TargetPicker } from '../runner/TargetPicker';
import { useReset } from './resetStore';
import { useSnapshots } from './snapshotsStore';
import { formatMoment } from '../../../src-shared/format/moment';

const modes: Array<{ mode: ResetMode; label: string; hint: string }> = [
  { mode: 'recreate', label: 'Recreate the database', hint: 'Drop it and create it again, same owner, encoding and collation.' },
  { mode: 'wipe', label: 'Wipe the schemas', hint: 'Drop and create every schema: for a user without CREATEDB.' },
  { mode: 'snapshot', label: 'Restore a snapshot', hint: 'Replace the database with a snapshot taken earlier.' },
];

export function TargetStep() {
  const { request, setRequest, go, project, recipe, recipes } = useReset();
  const report = project?.report;
  const choices = useMemo(() => (report ? targetChoices(report) : []), [report]);
  // Recreated or wiped, the database migrates from nothing applied (a restored snapshot's target is left to the server's plan).
  const problem = report && request.to !== undefined && request.mode !== 'snapshot' ? targetProblem(report, request.to, 'up', []) : undefined;
  // An unfinished snapshot (its copy was interrupted) cannot be restored.
  const snapshots = useSnapshots((s) => s.snapshots).filter((s) => s.state === 'ready');
  const migrate = request.to !== undefined;
  // A recipe's snapshot is found by name on the server, for this connection's database.
  const ready = request.mode !== 'snapshot' || request.snapshotId !== undefined || recipe !== undefined;
  const locked = recipe !== undefined;
  return (
    <div className="reset-step">
      {recipe && (
        <p role="status" className="reset-recipe-note">
          Chosen by the recipe “{recipe.name}”: these choices are locked.
          {recipe.mode === 'snapshot' && ` It restores this database’s snapshot “${recipe.snapshotName ?? ''}”.`}
        </p>
      )}
      <fieldset disabled={locked}>
        <legend>Mode</legend>
        {modes.map(({ mode, label, hint }) => (
          <label key={mode} className="reset-choice">
            <input
              type="radio"
              name="reset-mode"
              checked={request.mode === mode}
              onChange={() => setRequest({ mode, ...(mode === 'snapshot' ? { to: undefined } : {}) })}
            />
            <span>
              {label} <span className="muted small">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {request.mode === 'snapshot' && !locked && (
        <label>
          Snapshot to restore
          <select value={request.snapshotId ?? ''} onChange={(e) => setRequest({ snapshotId: e.target.value || undefined })}>
            <option value="">Choose…</option>
            {snapshots.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {formatMoment(s.createdAt)}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset disabled={locked}>
        <legend>Afterwards</legend>
        <label className="reset-choice">
          <input type="checkbox" checked={migrate} onChange={(e) => setRequest({ to: e.target.checked ? 'heads' : undefined })} />
          Migrate
        </label>
        {migrate && (
          <TargetPicker
            id="reset-target"
            label="Migration target"
            value={request.to ?? ''}
            choices={choices}
            problem={problem}
            onChange={(to) => setRequest({ to })}
          />
        )}
        <label>
          Seed SQL file (optional)
          <input
            value={request.seedFile ?? ''}
            onChange={(e) => setRequest({ seedFile: e.target.value.trim() || undefined })}
            placeholder="/path/to/seed.sql"
          />
        </label>
      </fieldset>
      <div className="actions">
        {recipes.length > 0 && (
          <button type="button" onClick={() => go('recipe')}>
            Back
          </button>
        )}
        <button type="button" className="primary" disabled={!ready || request.to === '' || problem !== undefined} onClick={() => go('impact')}>
          Next: impact
        </button>
      </div>
    </div>
  );
}
