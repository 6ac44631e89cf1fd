// The differences of one object (a table with its columns, indexes…; a view; a function), each with
// A's and B's definitions side by side and the words that differ marked.
import { useMemo } from 'react';
import type { SchemaDiffGroup, SchemaDifference } from '../../../src-shared/schema/schemaDiff';
import { attributeValueText, differenceObject } from '../../../src-shared/schema/schemaComparisonText';
import { changedParts, type DefinitionPart } from './changedParts';

/** What a difference is, said from A's and B's side: A is what the diff goes to, B where it comes from. */
function changeInWords(d: SchemaDifference): string {
  if (d.change === 'added') return 'only in A';
  if (d.change === 'removed') return 'only in B';
  return 'changed';
}

function Definition({ parts, missing }: { parts: DefinitionPart[] | undefined; missing: string }) {
  if (!parts) return <span className="muted">{missing}</span>;
  return (
    <code className="compare-definition">{parts.map((part, i) => (part.changed ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</code>
  );
}

function DifferenceRow({ difference: d }: { difference: SchemaDifference }) {
  const a = d.to?.definition;
  const b = d.from?.definition;
  const parts = useMemo(() => {
    if (a !== undefined && b !== undefined) return changedParts(a, b);
    // Only one side has it: the whole of it is what differs.
    return { a: a === undefined ? undefined : [{ text: a, changed: true }], b: b === undefined ? undefined : [{ text: b, changed: true }] };
  }, [a, b]);
  return (
    <tr className={`compare-row compare-${d.change}`}>
      <th scope="row">
        <span className="compare-object">{differenceObject(d)}</span>
        <span className="compare-change small">{changeInWords(d)}</span>
        {d.attributes.length > 0 && (
          <ul className="compare-attributes small">
            {d.attributes.map((change) => (
              <li key={change.attribute}>
                {change.attribute}: A {attributeValueText(change.to)}, B {attributeValueText(change.from)}
              </li>
            ))}
          </ul>
        )}
      </th>
      <td>
        <Definition parts={parts.a} missing="Not in A" />
      </td>
      <td>
        <Definition parts={parts.b} missing="Not in B" />
      </td>
    </tr>
  );
}

export function DifferenceGroup({ group, aName, bName }: { group: SchemaDiffGroup; aName: string; bName: string }) {
  const title = differenceObject({ kind: group.kind, key: group.object });
  return (
    <table className="compare-group" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Object</th>
          <th scope="col">A: {aName}</th>
          <th scope="col">B: {bName}</th>
        </tr>
      </thead>
      <tbody>
        {group.differences.map((d) => (
          <DifferenceRow key={`${d.change} ${d.key}`} difference={d} />
        ))}
      </tbody>
    </table>
  );
}
