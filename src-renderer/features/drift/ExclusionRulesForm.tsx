// A connection's "Other application" rules, edited from the inventory and from the Compare tab: schemas,
// name patterns and "everything the migrations did not make", whose tables are shown as another
// application's and never counted as drift, unexpected or a difference.
import { useState, type FormEvent } from 'react';
import type { ExclusionRules } from '../../../src-shared/model/drift';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDrift } from './driftStore';

/** Comma- or space-separated words, empty ones dropped. */
const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);

interface Props {
  profileId: string;
  rules: ExclusionRules;
  /** After the rules are saved (and the drift read again under them): the Compare tab compares again. */
  onSaved?: () => void;
}

export function ExclusionRulesForm({ profileId, rules, onSaved }: Props) {
  const saveRules = useDrift((s) => s.saveRules);
  const [schemas, setSchemas] = useState(rules.schemas.join(', '));
  const [patterns, setPatterns] = useState(rules.namePatterns.join(', '));
  const [notFromMigrations, setNotFromMigrations] = useState(rules.notFromMigrations);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await saveRules(profileId, { schemas: words(schemas), namePatterns: words(patterns), notFromMigrations });
      onSaved?.();
    } catch (failure) {
      setError({ code: (failure as { code?: string }).code ?? 'E_INTERNAL', message: (failure as Error).message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <details className="exclusion-rules">
      <summary>Other application’s objects</summary>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Schemas <input value={schemas} onChange={(e) => setSchemas(e.target.value)} placeholder="wordpress, audit" />
        </label>
        <label>
          Name patterns <input value={patterns} onChange={(e) => setPatterns(e.target.value)} placeholder="wp_*, legacy.*" />
        </label>
        <label>
          <input type="checkbox" checked={notFromMigrations} onChange={(e) => setNotFromMigrations(e.target.checked)} /> Everything the project’s migrations did
          not make
        </label>
        <button type="submit" className="small" disabled={saving}>
          {saving ? 'Saving…' : 'Save rules'}
        </button>
        {error && <ErrorMessage error={error} lead="The rules were not saved" />}
      </form>
    </details>
  );
}
