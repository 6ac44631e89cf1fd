// The plan-and-confirm dialog: what will run, the exact SQL, what the preflight found, an explicit
// confirmation for production, then live progress and the outcome.
import { useEffect, useMemo, useRef, useState } from 'react';
import { engineDescriptions } from '../../../src-shared/model/engineDescription';
import type { RunAction } from '../../../src-shared/model/run';
import { useNavigation } from '../../app/navigationStore';
import { numberedListRoom } from '../../components/numberedListRoom';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { ErrorMessage } from '../../components/ErrorMessage';
import { giveFocusBack } from '../../components/useFocusReturn';
import { ProductionNameField } from '../../components/ProductionNameField';
import { SessionTable } from '../../components/SessionTable';
import { useConnections } from '../connections/connectionsStore';
import { useDatabaseSessions } from '../reset/databaseSessionsStore';
import { DestructionList } from './DestructionList';
import { directionOf, targetChoices, targetProblem } from './migrationTargets';
import { RehearsalLine } from './RehearsalLine';
import { RunFailure } from './RunFailure';
import { SchemaCheckResult } from './SchemaCheckResult';
import { StampedTables } from './StampedTables';
import { TargetPicker } from './TargetPicker';
import { useRunDialog } from './runDialogStore';
import { useRehearsal } from './rehearsalStore';

const verbs: Record<RunAction, string> = { upgrade: 'Upgrade', downgrade: 'Downgrade', stamp: 'Stamp' };

/** Where losing data costs most, the way back is taken unless the user unticks it. */
const snapshotByDefault = new Set(['staging', 'prod']);
/** Where a failed run costs most, the plan runs on a clone first unless the user unticks it. */
const rehearseByDefault = snapshotByDefault;

export function RunDialog() {
  const state = useRunDialog();
  const profile = useConnections((s) => s.profiles.find((p) => p.id === state.profileId));
  const dialog = useRef<HTMLDialogElement>(null);
  // What had the focus when the dialog opened: this dialog stays mounted, so useFocusReturn's mount and unmount do not mark its opening and closing.
  const opener = useRef<HTMLElement | null>(null);
  const [target, setTarget] = useState(state.request.to);
  const [typedName, setTypedName] = useState('');
  const [showSql, setShowSql] = useState(false);
  const [snapshotFirst, setSnapshotFirst] = useState(false);
  const [rehearseFirst, setRehearseFirst] = useState(false);
  const rehearsing = useRehearsal((s) => s.rehearsing);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (state.phase !== 'closed' && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    }
    if (state.phase === 'closed' && element.open) element.close();
    if (state.phase === 'closed' && opener.current) {
      giveFocusBack(opener.current);
      opener.current = null;
    }
  }, [state.phase]);
  useEffect(() => {
    setTarget(state.request.to);
    setTypedName('');
  }, [state.request]);
  useEffect(() => setSnapshotFirst(snapshotByDefault.has(profile?.environment ?? '')), [state.profileId, profile?.environment]);
  useEffect(() => setRehearseFirst(rehearseByDefault.has(profile?.environment ?? '')), [state.profileId, profile?.environment]);
  // A plan that runs SQL: where it stands against the rehearsals kept for it, read once it is previewed.
  const rehearsable = state.phase === 'ready' && state.request.action !== 'stamp' && (state.preview?.steps.length ?? 0) > 0;
  useEffect(() => {
    if (!state.profileId || !rehearsable) return;
    void useRehearsal.getState().load(state.profileId, state.request);
    return useRehearsal.getState().clear;
  }, [state.profileId, state.request, rehearsable]);
  // An engine that copies only an idle database: whom the copy disconnects is listed before anyone agrees to it.
  const copying = snapshotFirst && state.phase === 'ready' && profile !== undefined && engineDescriptions[profile.engine].copyEndsSessions;
  const { sessions, failure } = useDatabaseSessions();
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    if (!state.profileId || !copying) return;
    void useDatabaseSessions.getState().load(state.profileId);
    return useDatabaseSessions.getState().clear;
  }, [state.profileId, copying]);
  const report = state.project?.report;
  const applied = state.project?.status?.applied;
  const choices = useMemo(() => (report ? targetChoices(report) : []), [report]);
  const direction = directionOf(state.request.action, state.request.down);
  const problem = useMemo(() => (report && applied ? targetProblem(report, target, direction, applied) : undefined), [report, applied, target, direction]);

  if (state.phase === 'closed' || !profile) return <dialog ref={dialog} className="run-dialog" />;
  const { preview, request, phase } = state;
  const production = profile.environment === 'prod';
  const blocked = preview?.findings.some((f) => f.severity === 'error') ?? false;
  const confirmed = !production || typedName === profile.name;
  const nothing = preview !== undefined && preview.steps.length === 0;
  const destruction = preview?.destruction ?? [];
  // A stamp runs no SQL; anything else that reverts or destroys offers the way back first.
  const offersSnapshot = !nothing && request.action !== 'stamp' && (request.action === 'downgrade' || destruction.length > 0);
  // The run waits for the list of whom the copy disconnects: agreeing to an unseen list is no agreement.
  const sessionsKnown = !(offersSnapshot && copying) || sessions !== undefined || failure !== undefined;
  const title = `${verbs[request.action]}${request.action === 'stamp' && request.down ? ' down' : ''} ${profile.name} to ${request.to}`;
  const stamp = request.action === 'stamp';
  // A run that started and failed: the dialog then shows what is applied now and the ways on.
  const ranAndFailed = phase === 'failed' && state.ran;

  return (
    <dialog ref={dialog} className="run-dialog" aria-labelledby="run-title" onCancel={(e) => (phase === 'running' ? e.preventDefault() : state.close())}>
      {/* Opened from another connection's screen (Compare environments), the band above names that one: the dialog names its own. */}
      <div className="run-heading">
        <h2 id="run-title">{title}</h2>
        <EnvironmentBadge environment={profile.environment} />
      </div>
      {phase !== 'running' && phase !== 'done' && (
        <form
          className="run-target"
          onSubmit={(e) => {
            e.preventDefault();
            state.setRequest({ ...request, to: target.trim() || request.to });
          }}
        >
          <TargetPicker id="run-target" label="Target" value={target} choices={choices} problem={problem} onChange={setTarget} />
          <button type="submit" disabled={problem !== undefined}>
            Preview
          </button>
        </form>
      )}
      {stamp && phase !== 'running' && phase !== 'done' && (
        <label className="check">
          <input
            type="checkbox"
            checked={request.down === true}
            onChange={(e) => state.setRequest({ ...request, to: target.trim() || request.to, down: e.target.checked })}
          />
          Down: remove the records of the revisions after the target (undoes a stamp)
        </label>
      )}

      {phase === 'previewing' && (
        <p className="muted" role="status">
          Planning…
        </p>
      )}
      {preview && phase !== 'previewing' && (
        <section className="run-plan" aria-label="Plan">
          <h3>{nothing ? 'Nothing to do: already there.' : planHeading(preview.steps.length, request.action, request.down === true)}</h3>
          {nothing && stamp && !request.down && (
            <p className="notice">
              A stamp up only adds records, and everything up to {request.to} is recorded already. To remove the records of the revisions after it, tick Down.
            </p>
          )}
          {!nothing && stamp && <p className="notice">A stamp runs no SQL: it only changes the records of which revisions are applied.</p>}
          <ol className="run-steps" tabIndex={0} aria-label="Plan steps" style={numberedListRoom(preview.steps.length)}>
            {preview.steps.map((step) => (
              <li key={`${step.direction}-${step.revision}`} className={`run-step ${step.direction}`}>
                {!stamp && <span className="run-dir">{step.direction === 'up' ? '▲' : '▼'}</span>} <code>{step.revision}</code> {step.message}{' '}
                <span className="muted">{step.file}</span>
              </li>
            ))}
          </ol>
          {!nothing && stamp && state.stamped && <StampedTables stamped={state.stamped} down={request.down === true} />}
          {preview.findings.map((finding, i) => (
            <p key={i} className={finding.severity === 'error' ? 'error' : 'notice'} role={finding.severity === 'error' ? 'alert' : undefined}>
              {finding.message}
            </p>
          ))}
          {!nothing && (
            <button type="button" className="link" onClick={() => setShowSql(!showSql)} aria-expanded={showSql}>
              {showSql ? 'Hide the SQL' : 'Show the exact SQL'}
            </button>
          )}
          {showSql && <pre className="run-sql">{preview.sql}</pre>}
          {destruction.length > 0 && <DestructionList tables={destruction} />}
        </section>
      )}
      {phase === 'ready' && offersSnapshot && (
        <label className="run-snapshot-first">
          <input type="checkbox" checked={snapshotFirst} onChange={(e) => setSnapshotFirst(e.target.checked)} />
          Snapshot first: copy the database before the first statement, so restoring the snapshot undoes this {request.action}
        </label>
      )}
      {phase === 'ready' && offersSnapshot && copying && (
        <div className="run-snapshot-sessions">
          {sessions === undefined && failure === undefined && <p className="muted">Asking the server who is connected…</p>}
          {failure && <ErrorMessage lead="Could not list the sessions" error={failure} />}
          {sessions?.length === 0 && <p className="muted">Nobody else is connected: the copy disconnects no one.</p>}
          {sessions !== undefined && sessions.length > 0 && (
            <>
              <p>
                {engineDescriptions[profile.engine].label} copies an idle database: these {sessions.length} session{sessions.length === 1 ? '' : 's'} will be
                ended for the copy.
              </p>
              <SessionTable sessions={sessions} label="Sessions the snapshot ends" />
            </>
          )}
        </div>
      )}

      {(phase === 'running' || phase === 'done' || (phase === 'failed' && state.log.length > 0)) && (
        <section className="run-progress" aria-label="Progress">
          <progress max={Math.max(1, state.progress.total)} value={state.progress.done} />
          <span className="muted small">
            {state.progress.done} / {state.progress.total}
          </span>
          {/* A stamp's log would read like an upgrade's (arrows, "done in 0 ms"): its result says what it recorded instead. */}
          {!stamp && (
            <pre className="run-log" aria-live="polite">
              {state.log.map((l) => l.line).join('\n')}
            </pre>
          )}
        </section>
      )}
      {phase === 'done' && state.result && (
        <p className="ok-text" role="status">
          {doneSentence(state.result.steps.length, state.result.totalMs, request.action, request.down === true)} Now at{' '}
          {state.result.status.heads.join(', ') || 'base'}.
          {state.result.snapshot && ` Snapshot “${state.result.snapshot.name}” was taken first: restoring it (Reset tab) undoes this run.`}
        </p>
      )}
      {phase === 'done' && state.result?.schemaCheck && !stamp && <SchemaCheckResult check={state.result.schemaCheck} />}
      {phase === 'done' && stamp && state.result && (
        <p className="muted">
          {request.down ? 'Records removed' : 'Recorded as applied'}: {state.result.steps.map((s) => s.revision).join(', ')}
        </p>
      )}
      {ranAndFailed && state.error && (
        <RunFailure
          profile={profile}
          error={state.error}
          after={state.after}
          restored={state.restored}
          restoring={state.restoring}
          restoreError={state.restoreError}
          onOpenLog={() => {
            state.close();
            go('activity');
          }}
          onRestore={(snapshot, consent) => void state.restore(snapshot, consent)}
        />
      )}
      {phase === 'failed' && !state.ran && state.error && <ErrorMessage error={state.error} />}

      {rehearsable && <RehearsalLine rehearseFirst={rehearseFirst} onRehearseFirst={setRehearseFirst} />}
      {phase === 'ready' && production && !nothing && <ProductionNameField name={profile.name} value={typedName} onChange={setTypedName} />}

      <div className="actions">
        {phase === 'running' ? (
          <button type="button" onClick={() => void state.cancel()}>
            Stop after this revision
          </button>
        ) : (
          <button type="button" onClick={state.close}>
            {phase === 'done' || ranAndFailed ? 'Close' : 'Cancel'}
          </button>
        )}
        {(phase === 'ready' || phase === 'previewing') && (
          <button
            type="button"
            className={production ? 'danger' : 'primary'}
            disabled={phase !== 'ready' || blocked || nothing || !confirmed || !sessionsKnown || rehearsing}
            onClick={() =>
              void state.run({
                confirmation: production ? { typedName } : {},
                snapshotFirst: offersSnapshot && snapshotFirst,
                endSessions: offersSnapshot && copying && (sessions?.length ?? 0) > 0,
                ...(rehearsable && rehearseFirst ? { rehearsal: 'first' as const } : {}),
              })
            }
          >
            {verbs[request.action]}
            {stamp && request.down ? ' down' : ''} {preview ? `${preview.steps.length} revision${preview.steps.length === 1 ? '' : 's'}` : ''}
          </button>
        )}
      </div>
    </dialog>
  );
}

function planHeading(count: number, action: RunAction, down: boolean): string {
  const revisions = `${count} revision${count === 1 ? '' : 's'}`;
  if (action !== 'stamp') return `${revisions}, in this order`;
  return down ? `${revisions} to remove from the records` : `${revisions} to record as applied`;
}

function doneSentence(count: number, totalMs: number, action: RunAction, down: boolean): string {
  const revisions = `${count} revision${count === 1 ? '' : 's'}`;
  if (action !== 'stamp') return `Done: ${revisions} in ${totalMs} ms.`;
  return down ? `Stamped down: the records of ${revisions} removed. No SQL ran: their tables stay.` : `Stamped: ${revisions} recorded as applied. No SQL ran.`;
}
