// A small coloured label naming an environment; the colour is never the only signal.
import type { CSSProperties } from 'react';
import { environmentColours, environmentLabels, type Environment } from '../../src-shared/model/profile';
import { textOnFill } from './textOnFill';

export function EnvironmentBadge({ environment }: { environment: Environment }) {
  return (
    <span
      className={`env-badge env-${environment}`}
      style={{ '--env': environmentColours[environment], '--on-env': textOnFill(environmentColours[environment]) } as CSSProperties}
    >
      {environmentLabels[environment]}
    </span>
  );
}
