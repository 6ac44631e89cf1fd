// The side panel for one revision: identity, neighbours, where it stands in the selected database,
// the tables it changes, lint findings, and its up and down SQL.
import type { RevisionDetail } from '../../../src-shared/model/graphView';
import type { MigrationStatus } from '../../../src-shared/model/status';
import type { ShownError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LintFindings } from './LintFindings';
import { RevisionActions } from './RevisionActions';
import { SqlBlock } from './SqlBlock';
import { formatMoment } from '../../../src-shared/format/moment';

interface Props {
  profileId: string;
  revision: string;
  detail: RevisionDetail | undefined;
  error: ShownError | undefined;
  status: MigrationStatus | null | undefined;
  onGo(id: string): void;
  onClose(): void;
}

function Links({ ids, onGo }: { ids: readonly string[]; onGo(id: string): void }) {
  if (ids.length === 0) return <span className="muted">none</span>;
  return (
    <>
      {ids.map((id) => (
        <button key={id} type="button" className="link graph-link" onClick={() => onGo(id)}>
          {id}
        </button>
      ))}
    </>
  );
}

function AppliedHere({ status, revision }: { status: MigrationStatus | null | undefined; revision: string }) {
  if (!status) return <span className="muted">status unavailable</span>;
  if (!status.applied.includes(revision)) return <span>pending</span>;
  const record = status.records.find((r) => r.revision === revision);
  if (!record) return <span>applied (below a recorded revision)</span>;
  return (
    <span>
      applied{record.appliedAt ? ` ${formatMoment(record.appliedAt)}` : ''}
      {record.appliedBy ? ` by ${record.appliedBy}` : ''}
      {record.durationMs !== null ? ` in ${record.durationMs} ms` : ''}
      {status.changed.includes(revision) && <strong className="graph-anomaly-text"> — file changed since</strong>}
    </span>
  );
}

export function RevisionPanel({ profileId, revision, detail, error, status, onGo, onClose }: Props) {
  const r = detail?.revision;
  return (
    <aside className="graph-panel" aria-label="Revision details">
      <header className="graph-panel-head">
        <h2>Revision</h2>
        <button type="button" className="small" onClick={onClose} aria-label="Close details">
          ×
        </button>
      </header>
      <code className="graph-full-id">{revision}</code>
      {error && <ErrorMessage error={error} />}
      {!detail && !error && <p className="muted">Loading…</p>}
      {r && detail && (
        <>
          <p className="graph-panel-message">{r.message || <span className="muted">(no message)</span>}</p>
          <RevisionActions profileId={profileId} revision={r.id} />
          <dl className="graph-facts">
            <dt>Parents</dt>
            <dd>
              <Links ids={r.parents} onGo={onGo} />
            </dd>
            <dt>Children</dt>
            <dd>
              <Links ids={detail.children} onGo={onGo} />
            </dd>
            {r.dependsOn.length > 0 && (
              <>
                <dt>Depends on</dt>
                <dd>
                  <Links ids={r.dependsOn} onGo={onGo} />
                </dd>
              </>
            )}
            <dt>Labels</dt>
            <dd>{r.onBranches.length > 0 ? r.onBranches.map((l) => `@${l}`).join(' ') : <span className="muted">none</span>}</dd>
            <dt>Date</dt>
            <dd>{r.createdAt ? formatMoment(r.createdAt) : <span className="muted">not recorded</span>}</dd>
            <dt>File</dt>
            <dd>
              <code>
                {r.file}:{r.line}
              </code>
            </dd>
            <dt>Here</dt>
            <dd>
              <AppliedHere status={status} revision={r.id} />
            </dd>
            <dt>Tables</dt>
            <dd>
              {detail.tables.created.length > 0 && <div>creates {detail.tables.created.join(', ')}</div>}
              {detail.tables.dropped.length > 0 && <div>drops {detail.tables.dropped.join(', ')}</div>}
              {detail.tables.renamed.map((t) => (
                <div key={t.from}>
                  renames {t.from} → {t.to}
                </div>
              ))}
              {detail.tables.created.length + detail.tables.dropped.length + detail.tables.renamed.length === 0 && (
                <span className="muted">no table created, dropped or renamed</span>
              )}
              {detail.tables.problems.map((p) => (
                <div key={p} className="graph-anomaly-text">
                  {p}
                </div>
              ))}
            </dd>
          </dl>
          <LintFindings file={r.file} lint={detail.lint} />
          {detail.source !== null ? (
            <section className="graph-sql" aria-label="Source">
              <h3>Source</h3>
              <pre>{detail.source}</pre>
            </section>
          ) : (
            <>
              <SqlBlock title="Up SQL" section={detail.up} />
              <SqlBlock title="Down SQL" section={detail.down} />
            </>
          )}
        </>
      )}
    </aside>
  );
}
