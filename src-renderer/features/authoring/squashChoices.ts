// Pure: what the Squash dialog offers and makes of a squash — the revisions a run ending at the
// selected one can start from, and the stamps its connections need once it is written.
import type { StampCheck } from '../../../src-shared/model/authoring';
import type { Revision } from '../../../src-shared/model/revision';
import type { SquashPreview } from '../../../src-shared/model/squash';

/**
 * The revisions FIRST can be for a run ending at `last`: `last` itself, then its ancestors through
 * single parents, nearest first, up to a root or a merge (whose parents no straight line goes through).
 * A branch point on the way is offered too: the squash then says why it refuses it.
 */
export function runStarts(revisions: readonly Pick<Revision, 'id' | 'parents'>[], last: string): string[] {
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const starts: string[] = [];
  for (let id: string | undefined = last; id !== undefined && byId.has(id) && !starts.includes(id);) {
    starts.push(id);
    const parents: readonly string[] = byId.get(id)?.parents ?? [];
    id = parents.length === 1 ? parents[0] : undefined;
  }
  return starts;
}

/** The connections that applied the whole run, each to be stamped at the squashed revision so its bookkeeping names a revision that exists. */
export function squashStamps(preview: SquashPreview): StampCheck {
  const { revision, run } = preview;
  const needs = preview.standings
    .filter((s) => preview.stamps.includes(s.connection))
    .map((s) => ({
      profileId: s.profileId,
      profile: s.connection,
      recorded: s.appliedOfRun,
      stampTo: [revision.id],
      reason: `applied the whole run (${run.revisions[0]}..${run.revisions[run.revisions.length - 1]}), whose ids are gone from the project: stamp it at ${revision.id} so its bookkeeping names the squashed revision.`,
    }));
  return {
    checked: true,
    reason: null,
    needs,
    unaffected: preview.standings.filter((s) => !preview.stamps.includes(s.connection)).map((s) => `${s.connection} (${s.standing})`),
    unreadable: [],
  };
}
