// A revision's lint findings as people read them: the linter's sentence first, then where; the rule id
// behind "Details" (as ErrorMessage keeps an error's code), there to look the rule up without leading.
import type { LintReport } from '../../../src-shared/model/graphView';

interface Props {
  /** The revision's file, for "file:line". */
  file: string;
  lint: LintReport;
}

export function LintFindings({ file, lint }: Props) {
  return (
    <section className="graph-lint" aria-label="Lint findings">
      <h3>Lint (squawk)</h3>
      {!lint.available ? (
        <p className="muted small">{lint.reason}</p>
      ) : lint.findings.length === 0 ? (
        <p className="muted small">No findings.</p>
      ) : (
        <ul>
          {lint.findings.map((f, i) => (
            <li key={i}>
              {f.message}{' '}
              <code>
                {file}:{f.line}
              </code>
              {f.help && <div className="muted small">{f.help}</div>}
              <details className="small">
                <summary>Details</summary>
                <p>
                  Rule: <code>{f.rule}</code>
                </p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
