// Step 1 when the connection has saved recipes: run one (it fills and locks every choice; only the
// confirmation is left to the person running it), or choose the reset by hand.
import { useState } from 'react';
import { recipeInWords, scopeInWords } from '../../../src-shared/model/resetRecipe';
import { useReset } from './resetStore';

export function RecipeStep() {
  const { recipes, recipe, pickRecipe } = useReset();
  const [choice, setChoice] = useState<string>(recipe?.id ?? recipes[0]?.id ?? '');
  return (
    <div className="reset-step">
      <fieldset>
        <legend>Recipe</legend>
        <p className="muted small">A recipe is a reset a DBA saved for this connection’s environment or group: picking one fills and locks the choices.</p>
        {recipes.map((r) => (
          <label key={r.id} className="reset-choice">
            <input type="radio" name="reset-recipe" checked={choice === r.id} onChange={() => setChoice(r.id)} />
            <span>
              {r.name}{' '}
              <span className="muted small">
                ({scopeInWords(r.scope)}: {recipeInWords(r)})
              </span>
            </span>
          </label>
        ))}
        <label className="reset-choice">
          <input type="radio" name="reset-recipe" checked={choice === ''} onChange={() => setChoice('')} />
          <span>Choose the reset myself</span>
        </label>
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" onClick={() => pickRecipe(recipes.find((r) => r.id === choice))}>
          {choice === '' ? 'Next: choose the reset' : 'Next: the recipe’s choices'}
        </button>
      </div>
    </div>
  );
}
