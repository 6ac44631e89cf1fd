// Above the graph: where the selected database stands, and the project's anomalies with file:line.
import type { GraphLoad } from '../../../src-shared/model/graphView';
import { anomalyName } from '../../../src-shared/graph/anomalyNames';
import { countOf, nounFor } from '../../../src-shared/format/plural';
import { formatLabel } from '../../../src-shared/model/revision';
import { ErrorMessage } from '../../components/ErrorMessage';

export function GraphSummary({ graph, onGo }: { graph: GraphLoad; onGo(id: string): void }) {
  const { report, status, statusError } = graph;
  return (
    <div className="graph-summary">
      {status ? (
        <p className="graph-status-line" role="status" aria-label="Database status">
          <span className="graph-count applied">{status.applied.length} applied</span>
          <span className="graph-count pending">{status.pending.length} pending</span>
          <span>
            database at <strong>{status.heads.join(', ') || 'base'}</strong>
          </span>
          {status.pendingByBranch.length > 0 && (
            <span>
              pending branches:{' '}
              {status.pendingByBranch.map((b) => (
                <button key={b.head} type="button" className="link graph-link" onClick={() => onGo(b.head)}>
                  {b.head} ({b.revisions.length})
                </button>
              ))}
            </span>
          )}
          {status.unknown.length > 0 && <span className="graph-anomaly-text">applied but unknown to the files: {status.unknown.join(', ')}</span>}
          {status.changed.length > 0 && <span className="graph-anomaly-text">changed after apply: {status.changed.join(', ')}</span>}
        </p>
      ) : (
        <ErrorMessage lead="Could not read the database's status" error={statusError ?? { code: 'E_INTERNAL', message: 'No status came back.' }}>
          <p>The graph below is the project alone.</p>
        </ErrorMessage>
      )}
      <p className="muted small">
        {countOf(report.revisions.length, 'revision')} · {nounFor(report.heads.length, 'head')} {report.heads.join(', ') || 'none'} ·{' '}
        <span title={`Read as ${formatLabel(report.format)}: ${report.detection}`}>{formatLabel(report.format)}</span> project in <code>{report.project}</code>
      </p>
      {report.anomalies.length > 0 && (
        <details className="graph-anomalies">
          <summary>{countOf(report.anomalies.length, 'anomaly', 'anomalies')}</summary>
          <ul>
            {report.anomalies.map((a, i) => (
              <li key={i}>
                <span className="graph-tag anomaly">{anomalyName(a.kind)}</span> {a.file !== null && <code>{`${a.file}:${a.line ?? 1}`}</code>} {a.message}{' '}
                {a.revisions.slice(0, 5).map((id) => (
                  <button key={id} type="button" className="link graph-link" onClick={() => onGo(id)}>
                    {id}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
