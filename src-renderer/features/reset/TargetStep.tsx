// Step 1: the mode, the migration target afterwards, an optional seed file.
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
  const { request, setRequest, go, project } = useReset();
  const report = project?.report;
  const choices = useMemo(() => (report ? targetChoices(report) : []), [report]);
  // Recreated or wiped, the database migrates from nothing applied (a restored snapshot's target is left to the server's plan).
  const problem = report && request.to !== undefined && request.mode !== 'snapshot' ? targetProblem(report, request.to, 'up', []) : undefined;
  // An unfinished snapshot (its copy was interrupted) cannot be restored.
  const snapshots = useSnapshots((s) => s.snapshots).filter((s) => s.state === 'ready');
  const migrate = request.to !== undefined;
  const ready = request.mode !== 'snapshot' || request.snapshotId !== undefined;
  return (
    <div className="reset-step">
      <fieldset>
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
      {request.mode === 'snapshot' && (
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
      <fieldset>
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
        <button type="button" className="primary" disabled={!ready || request.to === '' || problem !== undefined} onClick={() => go('impact')}>
          Next: impact
        </button>
      </div>
    </div>
  );
}
