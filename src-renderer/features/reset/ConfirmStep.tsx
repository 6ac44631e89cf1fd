// Step 4: the exact statements, in order; the database name typed; production named as well.
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
    <div className="reset-step">
      <section aria-label="Statements">
        <h2>What will run, in order</h2>
        <ol className="reset-plan">
          {plan.steps.map((step) => (
            <li key={step.step}>
              <strong>{step.title}</strong>
              {step.destructive && <span className="reset-destroys">destroys data</span>}
              <pre className="reset-sql">{step.statements.join('\n')}</pre>
            </li>
          ))}
        </ol>
      </section>
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
        <input value={typedName} onChange={(e) => setTyped({ typedName: e.target.value })} autoComplete="off" spellCheck={false} />
      </label>
      {production && (
        <label>
          This is a production connection: type “production” to acknowledge it
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
  );
}
