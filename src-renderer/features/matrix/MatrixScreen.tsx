// The project's Matrix tab: where every environment stands, revision by revision; what each lacks of
// the one before it, with "Promote to <next>"; connections that could not be read, said as such.
import { useEffect } from 'react';
import { gapSentence, matrixMarkdown } from '../../../src-shared/matrix/matrixMarkdown';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadFile, fileStem } from '../inventory/exportFile';
import { selectedProject, useProjects } from '../projects/projectsStore';
import { MatrixGrid } from './MatrixGrid';
import { PromotionDialog } from './PromotionDialog';
import { useMatrix } from './matrixStore';
import './matrix.css';

function Gaps() {
  const { matrix, openPromotion, promotion } = useMatrix();
  if (!matrix || matrix.gaps.length === 0) return null;
  return (
    <section aria-labelledby="matrix-gaps-heading" className="matrix-gaps">
      <h2 id="matrix-gaps-heading">Between neighbouring environments</h2>
      <ul>
        {matrix.gaps.map((gap) => (
          <li key={`${gap.from}-${gap.to}`} className={`gap ${gap.kind}`}>
            <span>{gapSentence(gap).replace(/`/g, '')}.</span>{' '}
            <button type="button" disabled={promotion !== undefined} onClick={() => void openPromotion(gap.from, gap.to)}>
              Promote to {gap.to}…
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MatrixScreen() {
  const project = useProjects(selectedProject);
  const { matrix, loading, failure, promotion, open, reload } = useMatrix();
  useEffect(() => {
    if (project) void open(project.name);
  }, [project, open]);
  if (!project) return null;
  const unread = matrix?.columns.filter((c) => c.error) ?? [];
  const exportReport = () => {
    if (matrix) downloadFile(`${fileStem(matrix.project.name)}-status.md`, matrixMarkdown(matrix), 'text/markdown');
  };
  return (
    <div className="matrix-screen">
      <div className="actions">
        <button type="button" onClick={() => void reload()} disabled={loading}>
          {loading ? 'Reading…' : 'Read again'}
        </button>
        <button type="button" onClick={exportReport} disabled={!matrix}>
          Export status report (Markdown)
        </button>
      </div>
      {failure && <ErrorMessage lead="Matrix" error={failure} />}
      {loading && !matrix && <p role="status">Reading every connection of {project.name}…</p>}
      {matrix && (
        <>
          <p className="matrix-summary" role="status">
            {matrix.rows.length} revisions, {matrix.columns.length} connections in {matrix.environments.length} environments.
            {matrix.environments
              .filter((e) => e.columns.length === 0)
              .map((e) => ` ${e.name} has no connections.`)
              .join('')}
          </p>
          {unread.map((c) => (
            <ErrorMessage
              key={c.profileId}
              lead={`${c.profileName} (${c.environment}) could not be read; its column is unknown`}
              error={c.error ?? { code: 'E_INTERNAL', message: '' }}
            />
          ))}
          <Gaps />
          <MatrixGrid matrix={matrix} />
        </>
      )}
      {promotion && <PromotionDialog draft={promotion} />}
    </div>
  );
}
