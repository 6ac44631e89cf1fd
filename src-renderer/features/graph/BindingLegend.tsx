// Above the graph of a project with bindings: each database of the open connection's environment
// with its swatch, the labels bound to it and the connection playing it; what lives on none, said.
import { countOf } from '../../../src-shared/format/plural';
import type { BindingLegend as Legend } from './bindingLegend';

export function BindingLegend({ legend, onGo }: { legend: Legend; onGo(id: string): void }) {
  return (
    <section className="binding-legend" aria-label="Databases of the project">
      <p className="small">
        <strong>{legend.project}</strong> runs its branches on {countOf(legend.databases.length, 'database')} in {legend.environment}:
      </p>
      <ul>
        {legend.databases.map((d) => (
          <li key={d.role}>
            <span className="binding-swatch" data-swatch={d.swatch} aria-hidden="true" />
            <strong>{d.role}</strong> — {d.connection ?? <span className="graph-anomaly-text">no connection plays this role in {legend.environment}</span>}{' '}
            <span className="muted">
              (bound: {d.labels.map((l) => `@${l}`).join(', ')}; {countOf(d.revisions, 'revision')})
            </span>
          </li>
        ))}
      </ul>
      {legend.anomalies.map((a, i) => (
        <p key={i} className="graph-anomaly-text small" role="note">
          {a.message}{' '}
          {a.revisions.slice(0, 5).map((id) => (
            <button key={id} type="button" className="link graph-link" onClick={() => onGo(id)}>
              {id}
            </button>
          ))}
        </p>
      ))}
    </section>
  );
}
