// The confirmation before the SQL runs on B: what it changes and destroys, in words, and on production
// the connection's name typed. The service checks the same name and that the SQL is the one reviewed.
import { useState } from 'react';
import { countOf } from '../../../src-shared/format/plural';
import type { Profile } from '../../../src-shared/model/profile';
import type { SchemaComparison } from '../../../src-shared/model/schemaComparison';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProductionNameField } from '../../components/ProductionNameField';

interface Props {
  comparison: SchemaComparison;
  /** B's connection: the one the SQL changes. */
  profile: Profile;
  onConfirm(typedName: string): void;
  onCancel(): void;
}

export function ApplySqlDialog({ comparison, profile, onConfirm, onCancel }: Props) {
  const [typed, setTyped] = useState('');
  const production = profile.environment === 'prod';
  const destroyed = comparison.sql.statements.flatMap((s) => (s.destroys === null ? [] : [s.destroys]));
  return (
    <ConfirmDialog
      title={`Make ${profile.name} like ${comparison.to.name}?`}
      confirmLabel="Run the SQL"
      danger={destroyed.length > 0 || production}
      confirmDisabled={production && typed !== profile.name}
      onConfirm={() => onConfirm(typed)}
      onCancel={onCancel}
    >
      <p>
        {countOf(comparison.sql.statements.length, 'statement')} run on {profile.name}, {comparison.sql.ownTransaction ? 'as written' : 'in one transaction'}: a
        statement that fails leaves the schema as it was.
      </p>
      {destroyed.length > 0 ? (
        <>
          <p>
            <strong>This destroys:</strong>
          </p>
          <ul>
            {destroyed.map((what) => (
              <li key={what}>{what}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing is destroyed.</p>
      )}
      {production && <ProductionNameField name={profile.name} value={typed} onChange={setTyped} purpose="to run the SQL" />}
    </ConfirmDialog>
  );
}
