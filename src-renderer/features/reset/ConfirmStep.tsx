// Step 4: the exact statements, in order; the database name typed; production named as well.
import { numberedListRoom } from '../../components/numberedListRoom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { confirmBlocker } from './confirmBlocker';
import { PlanPending } from './PlanPending';
import { useReset } from './resetStore';

export function ConfirmStep() {
  const { plan, planning, typedName, environmentAcknowledged, setTyped, run, go, error } = useReset();
  if (!plan) return <PlanPending back="safety" />;
  const production = plan.environment === 'prod';
  const blocker = confirmBlocker({ plan, planning, typedName, environmentAcknowledged });
  return (
    // The statements on the left, the confirmation beside them: on a 1280×720 screen the Reset button
    // is in view without scrolling past every statement (the two stack on a narrow screen).
    <div className="reset-step reset-confirm">
      <section aria-label="Statements">
        <h2>What will run, in order</h2>
        <ol className="reset-plan" style={numberedListRoom(plan.steps.length)}>
          {plan.steps.map((step) => (
            <li key={step.step}>
              <strong>{step.title}</strong>
              {step.destructive && <span className="reset-destroys">destroys data</span>}
              <pre className="reset-sql">{step.statements.join('\n')}</pre>
            </li>
          ))}
        </ol>
      </section>
      <div className="reset-confirm-panel">
        {plan.refusals.map((refusal) => (
          <p key={refusal} className="error" role="alert">
            {refusal}
          </p>
        ))}
        {error && <ErrorMessage error={error} />}
        <label>
          <span>
            Type the database name <code>{plan.databaseName}</code> to continue
          </span>
          {/* Typing the name is what this step asks: the field has the focus when it opens. */}
          <input value={typedName} onChange={(e) => setTyped({ typedName: e.target.value })} autoComplete="off" spellCheck={false} autoFocus />
        </label>
        {production && (
          <label>
            Production: type “production” to acknowledge it
            <input value={environmentAcknowledged} onChange={(e) => setTyped({ environmentAcknowledged: e.target.value })} autoComplete="off" />
          </label>
        )}
        <div className="actions">
          <button type="button" onClick={() => go('safety')}>
            Back
          </button>
          <button
            type="button"
            className="danger"
            disabled={blocker !== undefined}
            aria-describedby={blocker ? 'confirm-blocked' : undefined}
            onClick={() => void run()}
          >
            Reset {plan.databaseName}
          </button>
          {blocker && (
            <span id="confirm-blocked" className="muted">
              {blocker}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
