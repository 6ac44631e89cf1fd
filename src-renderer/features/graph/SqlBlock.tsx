// SQL with highlighting and the file's own line numbers, so a lint finding's line can be found.
import { useMemo } from 'react';
import { sqlTokens } from '../../../src-shared/graph/sqlTokens';
import type { SqlSection } from '../../../src-shared/model/graphView';

export function SqlBlock({ title, section }: { title: string; section: SqlSection | null }) {
  const lines = useMemo(() => (section ? section.sql.replace(/\n+$/, '').split('\n') : []), [section]);
  return (
    <section className="graph-sql" aria-label={title}>
      <h3>{title}</h3>
      {section === null || section.sql.trim() === '' ? (
        <p className="muted small">None.</p>
      ) : (
        // It scrolls sideways: a Tab stop, so the arrow keys can scroll it too.
        <pre tabIndex={0}>
          {lines.map((line, i) => (
            <div key={i} className="graph-sql-line">
              <span className="graph-sql-number">{section.line + i}</span>
              {sqlTokens(line).map((token, k) => (
                <span key={k} className={`sql-${token.kind}`}>
                  {token.text}
                </span>
              ))}
            </div>
          ))}
        </pre>
      )}
    </section>
  );
}
