// Step 5: the reset running, each step with its status and duration; cancel stops before the next step.
import { PlanPending } from './PlanPending';
import { useReset } from './resetStore';
import { StepList } from './StepList';

export function RunStep() {
  const { plan, live, cancel, opId } = useReset();
  if (!plan) return <PlanPending back="confirm" />;
  return (
    <div className="reset-step">
      <StepList planned={plan.steps} live={live} />
      <div className="actions">
        <button type="button" onClick={() => void cancel()} disabled={!opId}>
          Cancel before the next step
        </button>
      </div>
    </div>
  );
}
