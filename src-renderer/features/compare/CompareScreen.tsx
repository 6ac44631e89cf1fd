// The Compare tab: two schemas side by side — a database, what its migrations make, a snapshot —
// every difference with both definitions and the changed words marked, filters by kind and schema,
// the report as Markdown or JSON, and the SQL that makes B like A to review and copy.
import { useEffect, useMemo, useState } from 'react';
import {
  schemaComparisonMarkdown,
  comparisonSummary,
  readNoteLines,
  setApartHeading,
  setApartLines,
  unreadLines,
} from '../../../src-shared/schema/schemaComparisonText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnections } from '../connections/connectionsStore';
import { ExclusionRulesForm } from '../drift/ExclusionRulesForm';
import { downloadFile, fileStem } from '../inventory/exportFile';
import { ApplySqlDialog } from './ApplySqlDialog';
import { pickComplete, useCompare } from './compareStore';
import { filterGroups, kindsOf, schemasOf } from './compareView';
import { DifferenceGroup } from './DifferenceGroup';
import { SchemaSqlPanel } from './SchemaSqlPanel';
import { SidePicker } from './SidePicker';
import './compare.css';

export function CompareScreen() {
  const selected = useConnections((s) => s.selected);
  const profiles = useConnections((s) => s.profiles);
  const state = useCompare();
  const follow = useCompare((s) => s.follow);
  const { a, b, comparison, filter } = state;

  useEffect(() => {
    if (selected && selected !== 'new') follow(selected);
  }, [selected, follow]);

  const shown = useMemo(() => (comparison ? filterGroups(comparison.diff, filter) : []), [comparison, filter]);
  const kinds = useMemo(() => (comparison ? kindsOf(comparison.diff) : []), [comparison]);
  const schemas = useMemo(() => (comparison ? schemasOf(comparison.diff) : []), [comparison]);
  const unread = useMemo(() => (comparison ? unreadLines(comparison) : []), [comparison]);
  const notes = useMemo(() => (comparison ? readNoteLines(comparison) : []), [comparison]);
  const apart = useMemo(() => (comparison ? setApartLines(comparison) : []), [comparison]);
  const stem = comparison ? `schema-diff-${fileStem(comparison.from.name)}` : '';
  const [confirming, setConfirming] = useState(false);
  const bProfile = profiles.find((p) => p.id === b.profileId);
  // The SQL runs on B only when B is the database itself, and one Switchyard may change.
  const cannotRun =
    b.choice !== 'connection' || !bProfile
      ? 'B is not a database: copy the SQL to run it where it belongs.'
      : bProfile.readOnly
        ? `${bProfile.name} is a read-only connection: Switchyard will not change it.`
        : undefined;

  return (
    <section className="compare" aria-label="Compare schemas">
      <header>
        <h1>Compare schemas</h1>
        <p className="muted small">
          Every table, column, constraint, index, view, function and trigger that A has and B has not, or has otherwise. Column order, names the server made up
          and whitespace in bodies do not count.
        </p>
      </header>
      <form
        className="compare-pickers"
        onSubmit={(e) => {
          e.preventDefault();
          void state.compare();
        }}
      >
        <SidePicker legend="A — the schema to match" pick={a} profiles={profiles} snapshots={state.snapshots[a.profileId]} onPick={(p) => state.pick('a', p)} />
        <SidePicker
          legend="B — the schema to change"
          pick={b}
          profiles={profiles}
          snapshots={state.snapshots[b.profileId]}
          onPick={(p) => state.pick('b', p)}
        />
        <button type="submit" className="primary" disabled={state.comparing || !pickComplete(a) || !pickComplete(b)}>
          {state.comparing ? 'Comparing…' : 'Compare'}
        </button>
      </form>
      {state.error && <ErrorMessage lead="The schemas could not be compared" error={state.error} />}
      {comparison && (
        <div className="compare-result" aria-busy={state.comparing}>
          <dl className="compare-sides small">
            <dt>A</dt>
            <dd>
              {comparison.to.name} <span className="muted">— {comparison.to.readFrom}</span>
            </dd>
            <dt>B</dt>
            <dd>
              {comparison.from.name} <span className="muted">— {comparison.from.readFrom}</span>
            </dd>
          </dl>
          <p role="status" className={comparison.diff.equal ? 'compare-same' : 'compare-summary'}>
            {comparisonSummary(comparison)}
          </p>
          {unread.length > 0 && (
            <div className="notice small">
              <p>Not read, so the comparison cannot speak for these:</p>
              <ul>
                {unread.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          {notes.length > 0 && (
            <ul className="notice small" aria-label="Notes on the read">
              {notes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {comparison.otherApplication && (
            <section className="compare-other-application small" aria-label="Another application's objects">
              {apart.length > 0 && (
                <>
                  <p>{setApartHeading(comparison)}</p>
                  <ul>
                    {apart.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              )}
              <ExclusionRulesForm
                key={`${comparison.otherApplication.profileId}${JSON.stringify(comparison.otherApplication.rules)}`}
                profileId={comparison.otherApplication.profileId}
                rules={comparison.otherApplication.rules}
                onSaved={() => void state.compare()}
              />
            </section>
          )}
          <div className="compare-toolbar">
            <label>
              <span className="field-label">Kind</span>
              <select value={filter.kind} onChange={(e) => state.setFilter({ kind: e.target.value as typeof filter.kind })}>
                <option value="">All kinds</option>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="field-label">Schema</span>
              <select value={filter.schema} onChange={(e) => state.setFilter({ schema: e.target.value })}>
                <option value="">All schemas</option>
                {schemas.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <div className="compare-exports">
              <button
                type="button"
                onClick={() => downloadFile(`${stem}.md`, schemaComparisonMarkdown(comparison, new Date().toISOString(), true), 'text/markdown')}
              >
                Export Markdown
              </button>
              <button type="button" onClick={() => downloadFile(`${stem}.json`, `${JSON.stringify(comparison, null, 2)}\n`, 'application/json')}>
                Export JSON
              </button>
            </div>
          </div>
          {shown.map((group) => (
            <DifferenceGroup key={group.object} group={group} aName={comparison.to.name} bName={comparison.from.name} />
          ))}
          {!comparison.diff.equal && shown.length === 0 && <p className="muted">No difference of this kind in this schema.</p>}
          {!comparison.diff.equal && (
            <SchemaSqlPanel comparison={comparison} cannotRun={cannotRun} running={state.applying} onRun={() => setConfirming(true)} />
          )}
          {confirming && bProfile && (
            <ApplySqlDialog
              comparison={comparison}
              profile={bProfile}
              onCancel={() => setConfirming(false)}
              onConfirm={(typedName) => {
                setConfirming(false);
                void state.apply(typedName);
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
