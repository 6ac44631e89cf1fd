// The SQL that makes B like A, to review, copy, and run on B when B is a database: the script the
// CLI's `diff --sql` prints, the destructive statements counted above it.
import { useMemo, useState } from 'react';
import { countOf } from '../../../src-shared/format/plural';
import { sqlTokens } from '../../../src-shared/graph/sqlTokens';
import type { SchemaComparison } from '../../../src-shared/model/schemaComparison';
import { schemaSqlScript } from '../../../src-shared/schema/schemaComparisonText';

interface Props {
  comparison: SchemaComparison;
  /** Why the SQL cannot run from here (B is not a database, or a read-only one); undefined when it can. */
  cannotRun: string | undefined;
  running: boolean;
  onRun(): void;
}

export function SchemaSqlPanel({ comparison, cannotRun, running, onRun }: Props) {
  const { sql } = comparison;
  const script = useMemo(() => schemaSqlScript(sql, comparison.from.name, comparison.to.name), [sql, comparison]);
  const lines = useMemo(() => script.replace(/\n+$/, '').split('\n'), [script]);
  const [copied, setCopied] = useState(false);
  const destructive = sql.statements.filter((s) => s.destroys !== null).length;

  const copy = async () => {
    await navigator.clipboard.writeText(script).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <section className="compare-sql" aria-label="SQL to make B like A">
      <header className="compare-sql-head">
        <h2>SQL to make B like A</h2>
        <div className="compare-sql-actions">
          <button type="button" className="small" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy SQL'}
          </button>
          {cannotRun === undefined && sql.statements.length > 0 && (
            <button type="button" className="small danger" disabled={running} onClick={onRun}>
              {running ? 'Running…' : 'Run on B…'}
            </button>
          )}
        </div>
      </header>
      <p className="small">
        {countOf(sql.statements.length, 'statement')}
        {destructive > 0 && (
          <strong className="compare-destructive">, {countOf(destructive, 'destroys', 'destroy')} something (marked DESTRUCTIVE)</strong>
        )}. {sql.notCovered.length > 0 && `${countOf(sql.notCovered.length, 'difference')} no statement carries out (listed at the end). `}
        {cannotRun ?? 'Review it before running it: it runs only after a confirmation, and only as reviewed.'}
      </p>
      {/* It scrolls sideways: a Tab stop, so the arrow keys can scroll it too. */}
      <pre tabIndex={0}>
        {lines.map((line, i) => (
          <div key={i}>
            {sqlTokens(line).map((token, k) => (
              <span key={k} className={`sql-${token.kind}`}>
                {token.text}
              </span>
            ))}
          </div>
        ))}
      </pre>
    </section>
  );
}
