// Pure choices the vote screens make: which votes to list first, which one the projector shows,
// what a result's shares are of, and whose ballots this user casts.
import {
  isMember,
  isStandardVote,
  proxiesHeldBy,
  type MeetingState,
  type MyBallot,
  type Vote,
  type VoteResult,
} from '../core/index.ts';

const ORDER: Record<Vote['status'], number> = { open: 0, draft: 1, closed: 2 };

/** Open first, then drafts, then closed; the newest first within each. */
export function sortVotes(votes: readonly Vote[]): Vote[] {
  const time = (v: Vote): string => v.closedAt ?? v.openedAt ?? v.createdAt;
  return [...votes].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || time(b).localeCompare(time(a)),
  );
}

/** The vote in progress, else the latest result on the current item (any item if none). */
export function projectedVote(meeting: MeetingState): Vote | null {
  const votes = Object.values(meeting.votes);
  const open = votes.find((v) => v.status === 'open');
  if (open) return open;
  const closed = votes
    .filter((v) => v.status === 'closed' && v.result !== null)
    .filter((v) => meeting.currentItemId === null || v.itemId === meeting.currentItemId)
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  return closed[0] ?? null;
}

/** What the bars' shares are of: all members under a members rule, else the ballots cast. */
export function resultBase(vote: Vote, result: VoteResult): number {
  return isStandardVote(vote) && result.rule !== 'simple' ? result.members : result.cast;
}

/**
 * Whose ballots this user casts: their own (unless they handed it over) and those of the
 * principals whose proxy they hold. The server's list wins once it answered.
 */
export function ballotPrincipals(
  meeting: MeetingState,
  selfId: string,
  mine: readonly MyBallot[] | null,
): string[] {
  const handedOver = meeting.proxies[selfId] !== undefined;
  if (mine) return mine.map((m) => m.principal).filter((p) => p !== selfId || !handedOver);
  const own = isMember(meeting, selfId) && !handedOver ? [selfId] : [];
  return [...own, ...proxiesHeldBy(meeting, selfId)];
}
