// The project's Rollouts tab: start a rollout, watch one row per database, cancel it, resume one
// that stopped or was cut off, read the summary and export it; the project's earlier rollouts below.
import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { rolloutCountsSentence } from '../../../src-shared/model/rolloutExport';
import { downloadFile } from '../inventory/exportFile';
import { selectedProject, useProjects } from '../projects/projectsStore';
import { RolloutForm } from './RolloutForm';
import { RolloutRows } from './RolloutRows';
import { roleProgress } from './roleProgress';
import { projectRoles, useRollouts } from './rolloutStore';
import type { RolloutItem } from '../../../src-shared/model/rollout';
import './rollouts.css';

/** With bindings: each role's line, in the order the roles run. */
function RoleLines({ items, order }: { items: RolloutItem[]; order: string[] }) {
  const lines = roleProgress(items, order);
  if (lines.length === 0) return null;
  return (
    <ol className="rollout-roles" aria-label="Databases by role, in the order they run">
      {lines.map((line) => (
        <li key={line.role} className={`rollout-role ${line.phase}`}>
          <span aria-hidden="true" className="mark">
            {line.mark}
          </span>{' '}
          <strong>{line.role}</strong> — {line.word}: {line.sentence}
        </li>
      ))}
    </ol>
  );
}

function ShownRollout() {
  const { project, shown, opId, busy, cancel, resume, exportShown } = useRollouts();
  if (!shown) return null;
  const exportAs = async (format: 'markdown' | 'csv') => {
    const file = await exportShown(format);
    if (file) downloadFile(file.fileName, file.text, file.mediaType);
  };
  const resumable = shown.state !== 'running' && shown.state !== 'done';
  return (
    <section className="rollout-shown" aria-labelledby="rollout-shown-heading">
      <h2 id="rollout-shown-heading">
        Rollout to {shown.request.to} on the {shown.scope}
        {shown.request.role !== undefined && `, the ${shown.request.role} database${shown.request.group === undefined ? 's' : ''}`}
      </h2>
      <p role="status" className="rollout-summary">
        {shown.state === 'running' ? 'Running' : `Rollout ${shown.state}`}: {rolloutCountsSentence(shown)}.
        {shown.state === 'interrupted' && ' It was cut off (the app closed or its process ended); resuming re-reads what each database has applied.'}
      </p>
      <div className="actions">
        {opId && (
          <button type="button" onClick={() => void cancel()}>
            Cancel rollout
          </button>
        )}
        {resumable && (
          <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void resume(shown.id)}>
            {busy === 'resuming' ? 'Resuming…' : 'Resume rollout'}
          </button>
        )}
        <button type="button" disabled={busy !== undefined} onClick={() => void exportAs('markdown')}>
          Export Markdown
        </button>
        <button type="button" disabled={busy !== undefined} onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
      </div>
      <RoleLines items={shown.items} order={project ? projectRoles(project) : []} />
      <RolloutRows items={shown.items} />
    </section>
  );
}

function RolloutHistory() {
  const { history, shown, show } = useRollouts();
  if (!history || history.length === 0) return null;
  return (
    <section aria-labelledby="rollout-history-heading">
      <h2 id="rollout-history-heading">Earlier rollouts</h2>
      <ul className="rollout-history">
        {history.map((r) => (
          <li key={r.id}>
            <button type="button" aria-current={shown?.id === r.id ? 'true' : undefined} onClick={() => void show(r.id)}>
              {r.createdAt.slice(0, 16).replace('T', ' ')} · {r.request.to} on the {r.scope} · {r.state} · {rolloutCountsSentence(r)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RolloutScreen() {
  const project = useProjects(selectedProject);
  const { failure, open } = useRollouts();
  useEffect(() => {
    if (project) void open(project);
  }, [project, open]);
  if (!project) return null;
  return (
    <div className="rollout-screen">
      <RolloutForm />
      {failure && <ErrorMessage lead="Rollout" error={failure} />}
      <ShownRollout />
      <RolloutHistory />
    </div>
  );
}
