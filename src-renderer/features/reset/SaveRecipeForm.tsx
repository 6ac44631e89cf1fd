// After a finished reset chosen by hand: save its choices as a recipe for the connection's project
// environment or group, which support staff can then run without choosing anything.
import { useEffect, useState, type FormEvent } from 'react';
import { scopeInWords } from '../../../src-shared/model/resetRecipe';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRecipeSave, recipeFrom } from './recipeSaveStore';
import { useReset } from './resetStore';
import { useSnapshots } from './snapshotsStore';

export function SaveRecipeForm({ profileId }: { profileId: string }) {
  const request = useReset((s) => s.request);
  const snapshotName = useSnapshots((s) => s.snapshots.find((snapshot) => snapshot.id === request.snapshotId)?.name);
  const { scopes, saved, saving, error, loadScopes, save } = useRecipeSave();
  const [name, setName] = useState('');
  const [scopeIndex, setScopeIndex] = useState(0);
  const [anyoneMaySkip, setAnyoneMaySkip] = useState(false);
  useEffect(() => {
    void loadScopes(profileId);
  }, [profileId, loadScopes]);

  const scope = scopes[scopeIndex];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (scope) void save(recipeFrom(name, scope, request, snapshotName, anyoneMaySkip ? 'anyone' : 'nobody'));
  };
  return (
    <section aria-labelledby="save-recipe-title" className="reset-save-recipe">
      <h2 id="save-recipe-title">Save these choices as a recipe</h2>
      {scopes.length === 0 ? (
        <p className="muted">This connection is in no project environment or group: add it to one to save a recipe for it.</p>
      ) : (
        <form onSubmit={submit}>
          <label>
            Recipe name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Client demo back to the Q3 state" required />
          </label>
          <label>
            Runs on the connections of
            <select value={scopeIndex} onChange={(e) => setScopeIndex(Number(e.target.value))}>
              {scopes.map((s, index) => (
                <option key={scopeInWords(s)} value={index}>
                  {scopeInWords(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="reset-choice">
            <input type="checkbox" checked={anyoneMaySkip} onChange={(e) => setAnyoneMaySkip(e.target.checked)} />
            Whoever runs it may skip the backup (never on production)
          </label>
          <div className="actions">
            <button type="submit" disabled={saving || name.trim() === ''}>
              {saving ? 'Saving…' : 'Save recipe'}
            </button>
          </div>
        </form>
      )}
      {saved && (
        <p role="status">
          Saved the recipe “{saved.name}” for {scopeInWords(saved.scope)}.
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
