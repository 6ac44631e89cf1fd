// A migration target: pick a head, a branch or a revision from the project, or type any target the
// planner accepts; what cannot be planned is said while typing.
import type { TargetChoice } from './migrationTargets';

interface Props {
  id: string;
  label: string;
  value: string;
  choices: readonly TargetChoice[];
  /** Why the typed target cannot be planned; undefined when it can (or cannot be checked here). */
  problem: string | undefined;
  onChange(value: string): void;
}

export function TargetPicker({ id, label, value, choices, problem, onChange }: Props) {
  return (
    <label className="target-picker">
      {label}
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        list={`${id}-choices`}
        placeholder="heads, a revision, label@head, +1, -1…"
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-problem`}
        autoComplete="off"
        spellCheck={false}
      />
      <datalist id={`${id}-choices`}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </datalist>
      <span id={`${id}-problem`} className={problem ? 'error small' : 'muted small'} role={problem ? 'alert' : undefined}>
        {problem ?? 'heads, head, base, an id prefix, label@head, +1, -1…'}
      </span>
    </label>
  );
}
