// A modal confirmation that names what will happen; Escape cancels, the safe button has focus, and
// the control that opened it has the focus back when it goes.
import { useEffect, useRef, type ReactNode } from 'react';
import { useFocusReturn } from './useFocusReturn';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Until what the confirmation needs is there (a list still loading, a name not yet typed). */
  confirmDisabled?: boolean;
  /** A second way to go on, when the question has two answers besides Cancel (e.g. keep or delete). */
  alternative?: { label: string; onChoose(): void; disabled?: boolean };
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, danger, confirmDisabled, alternative, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useFocusReturn();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="confirm-title" onCancel={onCancel}>
      <h2 id="confirm-title">{title}</h2>
      <div className="confirm-body">{children}</div>
      <div className="actions">
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        {alternative && (
          <button type="button" className="danger" disabled={confirmDisabled || alternative.disabled} onClick={alternative.onChoose}>
            {alternative.label}
          </button>
        )}
        <button type="button" className={danger ? 'danger' : 'primary'} disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
