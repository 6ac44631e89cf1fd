// The buttons under a preview that writes into the project: Cancel, and Write — off until there is
// something proven to write, and over files with uncommitted git changes only once "write anyway" is ticked.
interface Props {
  /** The preview would overwrite files with uncommitted git changes. */
  needsForce: boolean;
  force: boolean;
  onForce(force: boolean): void;
  /** A preview is shown and may be written. */
  canWrite: boolean;
  writing: boolean;
  onCancel(): void;
  onWrite(): void;
}

export function WriteActions({ needsForce, force, onForce, canWrite, writing, onCancel, onWrite }: Props) {
  return (
    <div className="actions">
      {needsForce && (
        <label className="graph-check">
          <input type="checkbox" checked={force} onChange={(e) => onForce(e.target.checked)} /> Write anyway over the uncommitted changes
        </label>
      )}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="primary" disabled={!canWrite || writing || (needsForce && !force)} onClick={onWrite}>
        {writing ? 'Writing…' : 'Write'}
      </button>
    </div>
  );
}
