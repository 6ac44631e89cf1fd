// Where each member of a group stands against one project's migrations: the Groups screen's "at a
// glance" column, read before a rollout (a group belongs to no project, so the project is chosen).
import type { WireError } from '../errors';
import type { Environment } from './profile';
import type { MigrationStatus } from './status';

/** The part of a member's MigrationStatus the screen shows: counts and the reasons a run would stop. */
export interface MemberStanding {
  applied: number;
  pending: number;
  /** Recorded in the database, defined by no file. */
  unknown: number;
  /** Applied, and the file changed since. */
  changed: number;
  /** False when the bookkeeping table does not exist yet (nothing ever applied). */
  initialised: boolean;
  /** Why `upgrade heads` cannot apply what is pending; null when it can. */
  blockedBy: string | null;
  /** The tool's own bookkeeping forbids any run until someone looks; null when it does not. */
  runRefusal: string | null;
}

export interface GroupMemberStatus {
  profileId: string;
  /** The connection's name now. */
  name: string;
  environment: Environment;
  /** Undefined when the database could not be read: `error` says why. */
  standing?: MemberStanding;
  error?: WireError;
}

export interface GroupStatus {
  groupId: string;
  group: string;
  project: string;
  /** When the databases were read (ISO time). */
  readAt: string;
  /** In the group's order, the order a rollout goes through them. */
  members: GroupMemberStatus[];
}

export function standingOf(status: MigrationStatus): MemberStanding {
  return {
    applied: status.applied.length,
    pending: status.pending.length,
    unknown: status.unknown.length,
    changed: status.changed.length,
    initialised: status.initialised,
    blockedBy: status.blockedBy,
    runRefusal: status.runRefusal ?? null,
  };
}

/** How a member stands, for the colour of its row (never the only signal: `memberStatusWords` says it). */
export type MemberStandingKind = 'current' | 'behind' | 'attention' | 'unread';

export function memberStandingKind(member: GroupMemberStatus): MemberStandingKind {
  const { standing } = member;
  if (!standing) return 'unread';
  if (standing.unknown > 0 || standing.changed > 0 || standing.blockedBy || standing.runRefusal) return 'attention';
  return standing.pending > 0 ? 'behind' : 'current';
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The member's standing in one line: "3 pending (9 applied)", "up to date (12 applied)", "could not be read: …". */
export function memberStatusWords(member: GroupMemberStatus): string {
  const { standing, error } = member;
  if (!standing) return `could not be read: ${(error?.message ?? 'no answer').split('\n')[0]}`;
  const where =
    standing.pending === 0
      ? `up to date (${count(standing.applied, 'revision')} applied)`
      : !standing.initialised || standing.applied === 0
        ? `nothing applied yet, ${standing.pending} pending`
        : `${standing.pending} pending (${standing.applied} applied)`;
  const notes = [
    standing.changed > 0 ? `${count(standing.changed, 'applied file')} changed since` : '',
    standing.unknown > 0 ? `${count(standing.unknown, 'recorded revision')} unknown to the files` : '',
    standing.blockedBy ? `blocked: ${standing.blockedBy}` : '',
    standing.runRefusal ? `runs refused: ${standing.runRefusal}` : '',
  ].filter(Boolean);
  return [where, ...notes].join('; ');
}

/** The whole group in one sentence: "12 connections: 9 up to date, 2 behind, 1 not read." */
export function groupStatusSentence(status: GroupStatus): string {
  const kinds = status.members.map(memberStandingKind);
  const n = (kind: MemberStandingKind) => kinds.filter((k) => k === kind).length;
  const parts = [
    n('current') > 0 ? `${n('current')} up to date` : '',
    n('behind') > 0 ? `${n('behind')} behind` : '',
    n('attention') > 0 ? `${n('attention')} needing a look` : '',
    n('unread') > 0 ? `${n('unread')} not read` : '',
  ].filter(Boolean);
  if (parts.length === 0) return 'No connections in the group.';
  return `${count(status.members.length, 'connection')} against ${status.project}: ${parts.join(', ')}.`;
}
