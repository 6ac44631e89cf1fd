// The fields of one repair — a new revision's parent, message and label; the heads a merge joins; a
// re-parent's new parent — made into the request the preview is asked for.
import { useState } from 'react';
import type { AuthoringAction, AuthoringRequest } from '../../../src-shared/model/authoring';
import { editedBy, RequestForm } from './RequestForm';

export interface RepairChoices {
  project: string;
  /** Every revision id, newest first. */
  revisions: string[];
  heads: string[];
  /** The revision selected on the graph, if any. */
  selected: string | undefined;
}

interface Props {
  action: AuthoringAction;
  choices: RepairChoices;
  busy: boolean;
  onPreview(request: AuthoringRequest): void;
  /** A field changed: a preview shown is no longer what Write would write. */
  onEdit(): void;
}

export function RepairRequestForm({ action, choices, busy, onPreview, onEdit }: Props) {
  const { project, revisions, heads, selected } = choices;
  const [parent, setParent] = useState(action === 'reparent' ? 'base' : (selected ?? heads[0] ?? ''));
  const [message, setMessage] = useState(action === 'merge' ? 'merge heads' : '');
  const [label, setLabel] = useState('');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(heads));
  const edited = editedBy(onEdit);

  const request = (): AuthoringRequest | undefined => {
    if (action === 'new') return { action, project, parent, message, ...(label.trim() ? { label: label.trim() } : {}) };
    if (action === 'merge') return { action, project, message, heads: ticked.size === heads.length ? 'all' : heads.filter((h) => ticked.has(h)) };
    return selected ? { action, project, revision: selected, parent } : undefined;
  };
  const submit = () => {
    const asked = request();
    if (asked) onPreview(asked);
  };
  const parentChoices = action === 'reparent' ? ['base', ...revisions.filter((id) => id !== selected)] : revisions;

  return (
    <RequestForm busy={busy} onSubmit={submit}>
      {action === 'reparent' && (
        <p>
          Revision <code>{selected}</code> gets a new parent.
        </p>
      )}
      {action !== 'merge' && (
        <label>
          {action === 'reparent' ? 'New parent' : 'Parent'}
          <select value={parent} onChange={(e) => edited(setParent)(e.target.value)}>
            {parentChoices.map((id) => (
              <option key={id} value={id}>
                {id === 'base' ? 'base (none: a root)' : heads.includes(id) ? `${id} (head)` : id}
              </option>
            ))}
          </select>
        </label>
      )}
      {action === 'merge' && (
        <fieldset>
          <legend>Heads to merge</legend>
          {heads.map((head) => (
            <label key={head} className="graph-check">
              <input
                type="checkbox"
                checked={ticked.has(head)}
                onChange={(e) => edited(setTicked)(new Set(e.target.checked ? [...ticked, head] : [...ticked].filter((h) => h !== head)))}
              />{' '}
              <code>{head}</code>
            </label>
          ))}
        </fieldset>
      )}
      {action !== 'reparent' && (
        <label>
          Message
          <input value={message} required maxLength={500} onChange={(e) => edited(setMessage)(e.target.value)} />
        </label>
      )}
      {action === 'new' && (
        <label>
          Branch label (optional)
          <input value={label} maxLength={200} onChange={(e) => edited(setLabel)(e.target.value)} />
        </label>
      )}
    </RequestForm>
  );
}
