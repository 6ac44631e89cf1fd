// What a wizard step shows while it has no plan: that it is reading, or why planning failed, and
// always the way back, so no step is ever an empty dead end.
import { ErrorMessage } from '../../components/ErrorMessage';
import { useReset, type WizardStep } from './resetStore';

export function PlanPending({ back }: { back: WizardStep }) {
  const { planning, error, go, loadPlan } = useReset();
  return (
    <div className="reset-step">
      {planning ? (
        <p className="muted" role="status">
          Reading the database…
        </p>
      ) : error ? (
        <ErrorMessage lead="The plan could not be made" error={error} />
      ) : (
        <p className="muted">No plan yet: try again, or go back and change the request.</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => go(back)}>
          Back
        </button>
        {!planning && (
          <button type="button" onClick={() => void loadPlan()}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
