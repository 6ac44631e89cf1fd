// The reset wizard for the selected connection: a stepper (Recipe when the connection has saved
// recipes, Target, Impact, Safety net, Confirm, Run, Verify), the database's snapshots, and "Reset demo" for any connection with a pristine snapshot (asked like every restore).
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { demoDataBeside } from '../../../src-shared/model/demoData';
import { demoSnapshotName } from '../../../src-shared/model/reset';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConnectionProblems } from '../connections/ConnectionProblems';
import { useConnections } from '../connections/connectionsStore';
import { useProblems } from '../connections/problemsStore';
import { ConfirmStep } from './ConfirmStep';
import { ImpactStep } from './ImpactStep';
import { PristineDemo } from './PristineDemo';
import { RecipeStep } from './RecipeStep';
import { RestoreDialog } from './RestoreDialog';
import { RunStep } from './RunStep';
import { SafetyStep } from './SafetyStep';
import { SnapshotList } from './SnapshotList';
import { TargetStep } from './TargetStep';
import { VerifyStep } from './VerifyStep';
import { stepsShown, useReset, type WizardStep } from './resetStore';
import { useSnapshots } from './snapshotsStore';

const stepLabels: Record<WizardStep, string> = {
  recipe: 'Recipe',
  target: 'Target',
  impact: 'Impact',
  safety: 'Safety net',
  confirm: 'Confirm',
  run: 'Run',
  verify: 'Verify',
};
const stepViews: Record<WizardStep, ComponentType> = {
  recipe: RecipeStep,
  target: TargetStep,
  impact: ImpactStep,
  safety: SafetyStep,
  confirm: ConfirmStep,
  run: RunStep,
  verify: VerifyStep,
};

export function ResetScreen() {
  const profileId = useConnections((s) => s.selected);
  const profile = useConnections((s) => s.profiles.find((p) => p.id === s.selected));
  const { step, start, pickRecipe, setRequest } = useReset();
  const steps = stepsShown(useReset((s) => s.recipes));
  const snapshots = useSnapshots();
  const result = useReset((s) => s.result);
  const refreshProblems = useProblems((s) => s.refresh);
  const [restoringDemo, setRestoringDemo] = useState(false);
  const stepView = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  // A new step removes the control the keyboard was on: the focus goes to the step (named for screen
  // readers), so the next Tab is its first control. Focus that is somewhere else (a field the step
  // focused itself, the sidebar) stays there.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    const view = stepView.current;
    const focused = document.activeElement;
    if (view && (!focused || focused === document.body || focused === view)) view.focus();
  }, [step]);

  useEffect(() => {
    if (profileId && profileId !== 'new') start(profileId);
  }, [profileId, start]);
  // Also after a reset, which took a snapshot.
  useEffect(() => {
    if (profileId && profileId !== 'new') void snapshots.load(profileId);
  }, [profileId, result, snapshots.load]);
  // The problems bar counts what the other tabs count, read again after a reset.
  useEffect(() => {
    if (profileId && profileId !== 'new') void refreshProblems(profileId);
  }, [profileId, result, refreshProblems]);
  if (!profile) return null;

  const pristine = snapshots.snapshots.find((s) => s.name === demoSnapshotName);
  const View = stepViews[step];
  return (
    <section className="reset" aria-labelledby="reset-title">
      <header className="form-head">
        <h1 id="reset-title">Reset {profile.name}</h1>
        <PristineDemo
          pristine={pristine}
          deleted={snapshots.pristineDeleted}
          isDemo={profile.environment === 'demo'}
          busy={snapshots.busy !== undefined}
          onReset={() => setRestoringDemo(true)}
          onRebuild={() => {
            // The wizard below, set to what the demo is built from; its Confirm step asks as for every reset.
            pickRecipe(undefined);
            setRequest({ mode: 'recreate', to: 'heads', takeSnapshot: true, ...(profile.projectDir ? { seedFile: demoDataBeside(profile.projectDir) } : {}) });
          }}
        />
      </header>
      <ConnectionProblems profileId={profile.id} />
      {snapshots.notice && step !== 'verify' && <p role="status">{snapshots.notice}</p>}
      {snapshots.error && step !== 'verify' && <ErrorMessage error={snapshots.error} />}
      <nav aria-label="Reset steps">
        <ol className="reset-stepper">
          {steps.map((s, index) => (
            <li key={s} aria-current={s === step ? 'step' : undefined} className={steps.indexOf(step) > index ? 'passed' : ''}>
              {index + 1}. {stepLabels[s]}
            </li>
          ))}
        </ol>
      </nav>
      <div
        ref={stepView}
        tabIndex={-1}
        role="group"
        className="reset-step-view"
        aria-label={`Step ${steps.indexOf(step) + 1} of ${steps.length}: ${stepLabels[step]}`}
      >
        <View />
      </div>
      <SnapshotList profile={profile} />
      {restoringDemo && pristine && <RestoreDialog snapshot={pristine} profile={profile} onClose={() => setRestoringDemo(false)} />}
    </section>
  );
}
