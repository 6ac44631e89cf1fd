// Where a write stands in git, said before it is made: the files it would overwrite that hold
// uncommitted changes, the other uncommitted files, or why git was not asked.
import type { GitStanding } from '../../../src-shared/model/writePlan';

export function UncommittedNotice({ git, touched }: { git: GitStanding; touched: string[] }) {
  return (
    <>
      {touched.length > 0 && (
        <div className="notice" role="note">
          These files hold uncommitted git changes and the write would overwrite them:{' '}
          {touched.map((file, i) => (
            <span key={file}>
              {i > 0 && ', '}
              <code>{file}</code>
            </span>
          ))}
          .
        </div>
      )}
      {git.workTree && git.uncommitted.length > 0 && touched.length === 0 && (
        <p className="muted small">Uncommitted in git (not touched by this write): {git.uncommitted.join(', ')}. Switchyard never commits.</p>
      )}
      {git.reason && <p className="muted small">Git was not asked: {git.reason}</p>}
    </>
  );
}
