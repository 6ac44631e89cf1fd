// The form of a Graph tab dialog's request (Repair, Squash): its fields, and "Show the change", which
// asks for the preview; a field's setter made by `edited` also says the request changed.
import type { FormEvent, ReactNode } from 'react';

/** `apply`, then `onEdit`: a preview shown is no longer what Write would write. */
export const editedBy =
  (onEdit: () => void) =>
  <T,>(apply: (value: T) => void) =>
  (value: T) => {
    apply(value);
    onEdit();
  };

interface Props {
  busy: boolean;
  onSubmit(): void;
  children: ReactNode;
}

export function RequestForm({ busy, onSubmit, children }: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="repair-form" onSubmit={submit} aria-label="What to write">
      {children}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Show the change
        </button>
      </div>
    </form>
  );
}
