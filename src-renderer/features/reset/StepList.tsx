// Every planned step with its live outcome and duration: the Run step and the summary share it.
import type { PlannedStep } from '../../../src-shared/model/reset';
import type { ResetStepProgress } from '../../../src-shared/api';

const outcomeLabels: Record<ResetStepProgress['outcome'] | 'waiting' | 'not run', string> = {
  waiting: 'waiting',
  'not run': 'not run',
  running: 'running…',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
  cancelled: 'not run (cancelled)',
};

/** `finished`: the reset is over, so a step without an outcome was never run. */
export function StepList({ planned, live, finished = false }: { planned: PlannedStep[]; live: ResetStepProgress[]; finished?: boolean }) {
  return (
    <ol className="reset-steps" aria-label="Steps">
      {planned.map((step) => {
        const state = live.find((s) => s.step === step.step);
        const outcome = state?.outcome ?? (finished ? 'not run' : 'waiting');
        return (
          <li key={step.step} className={`reset-step-row ${outcome.replace(' ', '-')}`} data-outcome={outcome}>
            <span className="reset-step-title">{step.title}</span>
            <span className="reset-step-outcome">{outcomeLabels[outcome]}</span>
            <span className="reset-step-duration muted">{state && 'durationMs' in state ? `${(state.durationMs / 1000).toFixed(2)} s` : ''}</span>
            {state && 'message' in state && <span className="reset-step-message muted small">{state.message}</span>}
          </li>
        );
      })}
    </ol>
  );
}
