// Anomaly kinds in the words people read ("several heads"); the kinds themselves stay identifiers for
// --json and code. One table, so the Graph tab, the problem summary and the CLI name them alike.
import { countOf } from '../format/plural';
import type { Anomaly, AnomalyKind } from '../model/revision';

/** One anomaly's name, and the plural for several of its kind. */
const names: Readonly<Record<AnomalyKind, { one: string; many: string }>> = {
  duplicateRevision: { one: 'duplicate revision id', many: 'duplicate revision ids' },
  missingParent: { one: 'missing parent', many: 'missing parents' },
  cycle: { one: 'cycle', many: 'cycles' },
  extraRoot: { one: 'second root', many: 'extra roots' },
  // A project has one such anomaly at most: it names every head at once.
  multipleHeads: { one: 'several heads', many: 'several heads' },
  duplicateMerge: { one: 'duplicate merge', many: 'duplicate merges' },
  duplicateLabel: { one: 'duplicate branch label', many: 'duplicate branch labels' },
  unreadableFile: { one: 'unreadable file', many: 'unreadable files' },
  unknownApplied: { one: 'revision no file defines', many: 'revisions no file defines' },
  tableCreatedTwice: { one: 'table created twice', many: 'tables created twice' },
  unresolvedHeader: { one: 'unresolved header', many: 'unresolved headers' },
  unusedFile: { one: 'file the tool would not run', many: 'files the tool would not run' },
  unsupportedSetting: { one: 'setting Switchyard does not honour', many: 'settings Switchyard does not honour' },
};

/** The name of one anomaly's kind, as a tag beside it: "several heads", "missing parent". */
export function anomalyName(kind: AnomalyKind): string {
  return names[kind].one;
}

/** Anomalies counted by kind, in the order first met: ["several heads", "2 missing parents"]. */
export function anomalyCounts(anomalies: readonly Anomaly[]): string[] {
  const counts = new Map<AnomalyKind, number>();
  for (const anomaly of anomalies) counts.set(anomaly.kind, (counts.get(anomaly.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => (kind === 'multipleHeads' ? names[kind].one : countOf(count, names[kind].one, names[kind].many)));
}
