// "Promote staging to prod": the gates (each in words), the plan, the dry run's SQL per connection,
// the typed confirmation on production and, when the project asks, a second person's approval;
// then the run's log and its record, exportable.
import { useEffect, useRef } from 'react';
import { promotionGateTitles, type PromotionGate } from '../../../src-shared/model/promotion';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProductionNameField } from '../../components/ProductionNameField';
import { useFocusReturn } from '../../components/useFocusReturn';
import { downloadFile } from '../inventory/exportFile';
import { promotionFile, promotionReady, useMatrix, type PromotionDraft } from './matrixStore';

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

function Asked({ draft }: { draft: PromotionDraft }) {
  const { editPromotion } = useMatrix();
  const preview = draft.preview;
  if (!preview || draft.record) return null;
  const asks = (name: PromotionGate['name']) => preview.gates.some((g) => g.name === name && g.status === 'required');
  return (
    <>
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
        {preview?.targets
          .filter((t) => t.sql.trim() !== '')
          .map((t) => (
            <details key={t.profileId} className="promotion-sql">
              <summary>
                Dry run on {t.profileName}: the SQL ({t.toApply.length} revisions)
              </summary>
              <pre>{t.sql}</pre>
            </details>
          ))}
        <Asked draft={draft} />
        {draft.log.length > 0 && (
          <pre className="promotion-log" aria-label="Promotion log">
            {draft.log.join('\n')}
          </pre>
        )}
        {draft.failure && <ErrorMessage lead="Promotion" error={draft.failure} />}
        {record && (
          <p role="status">
            Promoted {record.from} to {record.to}:{' '}
            {record.targets.map((t) => `${t.profileName} ${t.applied.length === 0 ? 'already level' : `applied ${t.applied.join(', ')}`}`).join('; ')}.
          </p>
        )}
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
