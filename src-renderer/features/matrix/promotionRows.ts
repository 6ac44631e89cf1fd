// The promotion dialog's line per connection of the target environment, in run order (with bindings:
// per database, in the bindings' order): what it takes and from where before the run, its state while
// the run goes, and afterwards what it applied, where it failed, or that it did not start; and its
// rehearsal on a clone: where its plan stands before the run ("rehearsed ✓ …", "will rehearse on a
// clone first", or why not), rehearsing, rehearsed or failed on the clone at file:line.
import { formatMoment } from '../../../src-shared/format/moment';
import type { PromotionPreview, PromotionRecord, PromotionRecordTarget, PromotionTarget } from '../../../src-shared/model/promotion';
import { rehearsalOutcomeSentence, type RehearsalOutcomeState } from '../../../src-shared/model/rehearsalOutcome';
import { runFailureLocation } from '../../../src-shared/model/runFailure';

export type PromotionRowState = 'waiting' | 'level' | 'running' | 'done' | 'failed' | 'notStarted';

export interface PromotionRow {
  key: string;
  /** 1-based: the order the connections run in. */
  order: number;
  role?: string;
  connection: string;
  /** The previous environment's connections its plan is read from. */
  sources: string[];
  toApply: string[];
  state: PromotionRowState;
  /** The state's mark and words, and what happened, as shown: "✓", "Applied", "a1, a2". */
  mark: string;
  word: string;
  sentence: string;
  /** A failure's whole message (the server's words and what state the database is left in). */
  error?: string;
  /** Its rehearsal on a clone; absent when it has nothing to apply. */
  rehearsal?: PromotionRowRehearsal;
}

/** A row's rehearsal: before the run `willRehearse` or `notAsked` (or `reused` when one stands), then as the run reports it. */
export interface PromotionRowRehearsal {
  state: RehearsalOutcomeState | 'willRehearse';
  mark: string;
  sentence: string;
}

const rehearsalMarks: Record<PromotionRowRehearsal['state'], string> = {
  willRehearse: '○',
  rehearsing: '▶',
  rehearsed: '✓',
  reused: '✓',
  failed: '✗',
  missing: '✗',
  skipped: '–',
  notAsked: '–',
  notStarted: '–',
  nothing: '–',
};

/** Before the run: what the promotion will do about its rehearsal, from the preview's standing. */
function plannedRehearsal(target: PromotionTarget, skip: boolean): PromotionRowRehearsal | undefined {
  const planned = target.rehearsal;
  if (!planned) return undefined;
  const row = (state: PromotionRowRehearsal['state'], sentence: string) => ({ state, mark: rehearsalMarks[state], sentence });
  if (!planned.rehearsesByDefault) return row('notAsked', 'not rehearsed: neither staging nor production');
  if (skip) return row('skipped', 'not rehearsed: skipped (its connection rehearses on a clone first by default)');
  const { standing } = planned;
  if (standing?.state === 'rehearsed' && standing.rehearsal) {
    return row('reused', `rehearsed ✓ ${formatMoment(standing.rehearsal.at)} (same plan, same schema: not rehearsed again)`);
  }
  const why = planned.error ?? (standing && standing.state !== 'none' ? standing.why : undefined);
  return row('willRehearse', `will rehearse on a clone first${why ? ` (${why})` : ''}`);
}

export const promotionRowMarks: Record<PromotionRowState, { mark: string; word: string }> = {
  waiting: { mark: '○', word: 'Waiting' },
  level: { mark: '=', word: 'Level' },
  running: { mark: '▶', word: 'Running' },
  done: { mark: '✓', word: 'Applied' },
  failed: { mark: '✗', word: 'Failed' },
  notStarted: { mark: '–', word: 'Not started' },
};

const who = (t: { role?: string; profileName: string }) => (t.role === undefined ? t.profileName : `${t.role} (${t.profileName})`);
const sameTarget = (a: { role?: string; profileName: string }, b: { role?: string; profileName: string }) =>
  a.profileName === b.profileName && a.role === b.role;

function sentenceOf(
  state: PromotionRowState,
  line: PromotionRecordTarget | undefined,
  toApply: string[],
  failedBefore: string | undefined,
  failedOnClone: string | undefined,
): string {
  const applied = line?.applied ?? [];
  switch (state) {
    case 'waiting':
      return `will apply ${toApply.join(', ')}`;
    case 'level':
      return line ? 'nothing to apply: already level' : 'nothing to apply';
    case 'running':
      return applied.length === 0 ? `applying ${toApply.join(', ')}` : `applied ${applied.join(', ')} so far`;
    case 'done':
      return applied.join(', ');
    case 'failed': {
      const where = runFailureLocation(line?.error);
      const revision = line?.error?.revision ? ` (${line.error.revision})` : '';
      return `${where ? `at ${where}${revision}` : (line?.error?.code ?? 'unknown error')}${applied.length > 0 ? `, after applying ${applied.join(', ')}` : ', nothing applied'}`;
    }
    case 'notStarted':
      if (failedOnClone) return `nothing ran on any database: ${failedOnClone} failed on its clone`;
      return failedBefore ? `${failedBefore} failed before it` : 'the promotion stopped before it';
  }
}

/** Each connection's row: the preview's plan, the run's live lines over it, then the record's. `skipRehearsal`: the run is to skip rehearsals. */
export function promotionRows(
  preview: PromotionPreview,
  record: PromotionRecord | undefined,
  progress: Record<number, PromotionRecordTarget>,
  running: number | undefined,
  skipRehearsal = false,
): PromotionRow[] {
  const live = Object.values(progress);
  const failed = record?.targets.find((t) => t.outcome === 'failed');
  const failedOnClone = record?.targets.find((t) => t.rehearsal?.state === 'failed');
  return preview.targets.map((target, i) => {
    const line = record?.targets.find((t) => sameTarget(t, target)) ?? live.find((t) => sameTarget(t, target));
    // Before the record, a line not yet started is still waiting; in the record, it did not start.
    const state: PromotionRowState =
      running === i ? 'running' : record ? (line?.outcome ?? 'notStarted') : line && line.outcome !== 'notStarted' ? (line.outcome ?? 'done') : 'waiting';
    const shown: PromotionRowState = state === 'waiting' && target.toApply.length === 0 ? 'level' : state;
    return {
      key: target.profileId,
      order: i + 1,
      ...(target.role === undefined ? {} : { role: target.role }),
      connection: target.profileName,
      sources: target.sources,
      toApply: target.toApply,
      state: shown,
      ...promotionRowMarks[shown],
      sentence: sentenceOf(shown, line, target.toApply, failed ? who(failed) : undefined, failedOnClone ? who(failedOnClone) : undefined),
      ...(shown === 'failed' && line?.error ? { error: line.error.message } : {}),
      ...rehearsalOf(target, line, skipRehearsal),
    };
  });
}

/** The row's rehearsal as the run reported it, else as the preview plans it. */
function rehearsalOf(target: PromotionTarget, line: PromotionRecordTarget | undefined, skip: boolean): Pick<PromotionRow, 'rehearsal'> {
  const reported = line?.rehearsal;
  const rehearsal = reported
    ? { state: reported.state, mark: rehearsalMarks[reported.state], sentence: rehearsalOutcomeSentence(reported) }
    : plannedRehearsal(target, skip);
  return rehearsal ? { rehearsal } : {};
}
