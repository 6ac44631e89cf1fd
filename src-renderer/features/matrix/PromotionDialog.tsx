// "Promote staging to prod": the gates (each in words), the plan, a row per connection of the target
// (with bindings: per database, in the bindings' order) saying what it takes from where, live while it
// runs and then what it applied, where it failed or that it did not start, and its rehearsal on a
// clone (rehearsed ✓ when, rehearsing, failed on the clone at file:line, or why not: the run starts
// only once they pass, which the service checks); the dry run's SQL per connection, the typed
// confirmation on production and, when the project asks, a second person's approval; then the run's
// log and its record, exportable.
import { useEffect, useRef } from 'react';
import { promotionGateTitles, type PromotionGate, type PromotionRecord } from '../../../src-shared/model/promotion';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProductionNameField } from '../../components/ProductionNameField';
import { useFocusReturn } from '../../components/useFocusReturn';
import { downloadFile } from '../inventory/exportFile';
import { promotionFile, promotionReady, useMatrix, type PromotionDraft } from './matrixStore';
import { promotionRows } from './promotionRows';

const statusWords: Record<PromotionGate['status'], string> = { passed: 'passed', failed: 'failed', required: 'asked below', notNeeded: 'not needed' };
const statusMark: Record<PromotionGate['status'], string> = { passed: '✓', failed: '✗', required: '…', notNeeded: '–' };

function Gates({ gates }: { gates: PromotionGate[] }) {
  return (
    <ul className="promotion-gates" aria-label="Gates">
      {gates.map((gate) => (
        <li key={gate.name} className={`gate ${gate.status}`}>
          <span aria-hidden="true">{statusMark[gate.status]}</span> <strong>{promotionGateTitles[gate.name]}</strong>{' '}
          <span className="gate-status">({statusWords[gate.status]})</span>: {gate.detail}
        </li>
      ))}
    </ul>
  );
}

function Databases({ draft }: { draft: PromotionDraft }) {
  const { preview } = draft;
  if (!preview || preview.targets.length === 0) return null;
  const rows = promotionRows(preview, draft.record, draft.progress, draft.running, draft.skipRehearsal);
  const bound = rows.some((r) => r.role !== undefined);
  return (
    <table className={`promotion-databases${bound ? ' bound' : ''}`}>
      <caption>
        {bound ? `Databases of ${preview.to}, in the order they run` : `Connections of ${preview.to}`}
        {rows.length > 1 && ': the first failure stops the rest'}
      </caption>
      <colgroup>
        <col className="order" />
        {bound && <col className="role" />}
        <col className="connection" />
        <col className="source" />
        <col className="applies" />
        <col className="rehearsal" />
        <col className="outcome" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">#</th>
          {bound && <th scope="col">Database</th>}
          <th scope="col">Connection</th>
          <th scope="col">Takes from {preview.from}</th>
          <th scope="col">Applies</th>
          <th scope="col">Rehearsal on a clone</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-state={row.state} aria-busy={row.state === 'running' ? 'true' : undefined}>
            <td>{row.order}</td>
            {bound && <th scope="row">{row.role}</th>}
            {bound ? <td>{row.connection}</td> : <th scope="row">{row.connection}</th>}
            <td>{row.sources.length > 0 ? row.sources.join(', ') : <span className="muted">no connection of {preview.from} plays this role</span>}</td>
            <td>{row.toApply.length > 0 ? <code>{row.toApply.join(' → ')}</code> : <span className="muted">nothing</span>}</td>
            <td className={`promotion-rehearsal ${row.rehearsal?.state ?? 'nothing'}`} aria-busy={row.rehearsal?.state === 'rehearsing' ? 'true' : undefined}>
              {row.rehearsal ? (
                <>
                  <span aria-hidden="true" className="mark">
                    {row.rehearsal.mark}
                  </span>{' '}
                  {row.rehearsal.sentence}
                </>
              ) : (
                <span className="muted">nothing to rehearse</span>
              )}
            </td>
            <td className={`promotion-outcome ${row.state}`}>
              <span aria-hidden="true" className="mark">
                {row.mark}
              </span>{' '}
              <strong>{row.word}</strong>: {row.sentence}
              {row.error && <div className="promotion-error">{row.error}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The run's end in one sentence; each connection's line is in the table above. */
function Outcome({ record }: { record: PromotionRecord }) {
  if (record.outcome === 'succeeded') {
    return (
      <p role="status">
        Promoted {record.from} to {record.to}:{' '}
        {record.targets.map((t) => `${t.profileName} ${t.applied.length === 0 ? 'already level' : `applied ${t.applied.join(', ')}`}`).join('; ')}.
      </p>
    );
  }
  const failed = record.targets.find((t) => t.outcome === 'failed');
  const unstarted = record.targets.filter((t) => t.outcome === 'notStarted');
  const onClone = record.targets.find((t) => t.rehearsal?.state === 'failed');
  if (!failed && onClone) {
    return (
      <p role="status" className="promotion-failed">
        The rehearsal of {onClone.role === undefined ? onClone.profileName : `the ${onClone.role} database (${onClone.profileName})`} failed on a clone, so the
        promotion of {record.from} to {record.to} ran on no database: each one is as it was. Where it failed is above, and in the audit log.
      </p>
    );
  }
  return (
    <p role="status" className="promotion-failed">
      The promotion of {record.from} to {record.to} failed
      {failed ? ` on ${failed.role === undefined ? failed.profileName : `the ${failed.role} database (${failed.profileName})`}` : ''}
      {unstarted.length > 0 ? `; ${unstarted.map((t) => t.role ?? t.profileName).join(', ')} did not start` : ''}. What each one applied is above, and in the
      audit log; fix the cause and promote again: what was applied is not applied twice.
    </p>
  );
}

function Asked({ draft }: { draft: PromotionDraft }) {
  const { editPromotion } = useMatrix();
  const preview = draft.preview;
  if (!preview || draft.record) return null;
  const asks = (name: PromotionGate['name']) => preview.gates.some((g) => g.name === name && g.status === 'required');
  const rehearses = preview.targets.some((t) => t.rehearsal?.rehearsesByDefault);
  return (
    <>
      {rehearses && (
        <label className="promotion-skip-rehearsal">
          <input type="checkbox" checked={draft.skipRehearsal} onChange={(e) => editPromotion({ skipRehearsal: e.target.checked })} /> Skip the rehearsal on
          clones (the staging and production databases rehearse their plan on a clone first by default; skipping is recorded)
        </label>
      )}
      {asks('confirmation') && preview.confirmationName && (
        <ProductionNameField
          name={preview.confirmationName}
          value={draft.typedName}
          onChange={(typedName) => editPromotion({ typedName })}
          purpose="to promote to it"
        />
      )}
      {asks('approval') && (
        <fieldset className="promotion-approval">
          <legend>A second person’s approval</legend>
          <p className="hint">Switchyard is a laptop app, not an identity system: the name and note are recorded in the audit log as typed, not verified.</p>
          <label>
            Approved by
            <input value={draft.approvedBy} onChange={(e) => editPromotion({ approvedBy: e.target.value })} autoComplete="off" />
          </label>
          <label>
            Approval note
            <textarea value={draft.approvalNote} onChange={(e) => editPromotion({ approvalNote: e.target.value })} rows={2} />
          </label>
        </fieldset>
      )}
    </>
  );
}

export function PromotionDialog({ draft }: { draft: PromotionDraft }) {
  const { promote, closePromotion } = useMatrix();
  const dialog = useRef<HTMLDialogElement>(null);
  useFocusReturn();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const { preview, record } = draft;
  const gates = draft.gates ?? preview?.gates;
  const save = (format: 'markdown' | 'json') => {
    if (!record) return;
    const file = promotionFile(record, format);
    downloadFile(file.fileName, file.text, file.mediaType);
  };
  return (
    <dialog ref={dialog} className="confirm promotion-dialog" aria-labelledby="promotion-title" onCancel={closePromotion}>
      <h2 id="promotion-title">
        Promote {draft.from} to {draft.to}
      </h2>
      <div className="confirm-body">
        {draft.busy === 'previewing' && (
          <p role="status">
            Reading every connection of {draft.from} and {draft.to}, and the dry run…
          </p>
        )}
        {preview && (
          <p>
            {preview.plan.length === 0 ? (
              <>
                {draft.to} already has everything {draft.from} has: nothing to apply.
              </>
            ) : (
              <>
                Applies, in this order: <code>{preview.plan.join(' → ')}</code>
              </>
            )}
          </p>
        )}
        {gates && <Gates gates={gates} />}
        <Databases draft={draft} />
        {preview?.targets
          .filter((t) => t.sql.trim() !== '')
          .map((t) => (
            <details key={t.profileId} className="promotion-sql">
              <summary>
                Dry run on {t.role === undefined ? t.profileName : `the ${t.role} database (${t.profileName})`}: the SQL ({t.toApply.length} revisions)
              </summary>
              <pre>{t.sql}</pre>
            </details>
          ))}
        <Asked draft={draft} />
        {draft.log.length > 0 && (
          <pre className="promotion-log" aria-label="Promotion log" tabIndex={0}>
            {draft.log.join('\n')}
          </pre>
        )}
        {draft.failure && !record && <ErrorMessage lead="Promotion" error={draft.failure} />}
        {record && <Outcome record={record} />}
      </div>
      <div className="actions">
        <button type="button" autoFocus onClick={closePromotion}>
          {record ? 'Close' : 'Cancel'}
        </button>
        {record && (
          <>
            <button type="button" onClick={() => save('markdown')}>
              Export Markdown
            </button>
            <button type="button" onClick={() => save('json')}>
              Export JSON
            </button>
          </>
        )}
        {!record && (
          <button type="button" className={preview?.production ? 'danger' : 'primary'} disabled={!promotionReady(draft)} onClick={() => void promote()}>
            {draft.busy === 'running' ? 'Promoting…' : `Promote to ${draft.to}`}
          </button>
        )}
      </div>
    </dialog>
  );
}
