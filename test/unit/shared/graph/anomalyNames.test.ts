import { describe, expect, it } from 'vitest';
import { anomalyCounts, anomalyName } from '../../../../src-shared/graph/anomalyNames';
import type { Anomaly, AnomalyKind } from '../../../../src-shared/model/revision';

const anomaly = (kind: AnomalyKind): Anomaly => ({ kind, message: '', file: null, line: null, revisions: [] });

describe('anomaly kinds in words', () => {
  it('names a kind as people say it, never by its identifier', () => {
    expect(anomalyName('multipleHeads')).toBe('several heads');
    expect(anomalyName('missingParent')).toBe('missing parent');
  });

  it('counts by kind in the order first met, with agreed plurals', () => {
    expect(anomalyCounts([anomaly('multipleHeads'), anomaly('missingParent'), anomaly('cycle'), anomaly('missingParent')])).toEqual([
      'several heads',
      '2 missing parents',
      '1 cycle',
    ]);
    expect(anomalyCounts([])).toEqual([]);
  });
});
