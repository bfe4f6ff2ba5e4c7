// Votes on an agenda item: create, open (quorum checked), cast (checked here, counted by the
// server's ballot box), close (result computed in core/tally.ts). Rules: docs/voting-rules.md.
import { fail, ok, type DecideContext, type Decision } from './decision.ts';
import { appError, assertNever, type AppError } from './errors.ts';
import type { EventBody, MeetingEvent } from './events.ts';
import {
  STANDARD_LABELS,
  STANDARD_OPTIONS,
  type MeetingState,
  type Role,
  type Vote,
  type VoteOption,
} from './model.ts';
import { canRunMeeting } from './permissions.ts';
import { isAttending, isMember } from './proxies.ts';
import { memberIds, quorumStatus } from './quorum.ts';
import type { CommandOf } from './schemas.ts';
import { computeResult, type VoteTally } from './tally.ts';

export const MAX_VOTES = 500;

type VoteCommand = CommandOf<'vote.create' | 'vote.open' | 'vote.close' | 'vote.cast'>;
type VoteEvent = Extract<MeetingEvent, { type: 'vote.created' | 'vote.opened' | 'vote.closed' }>;

/** Can this principal's vote be cast now: by themselves, or by the delegate holding their proxy. */
export function canVoteNow(s: MeetingState, principal: string): boolean {
  if (!isMember(s, principal)) return false;
  const holder = s.proxies[principal];
  if (holder === undefined) return isAttending(s, principal);
  return isMember(s, holder) && isAttending(s, holder);
}

/** Eligible voters: those who can vote now, plus those who voted and no longer could. */
export function eligibleCount(s: MeetingState, voted: ReadonlySet<string>): number {
  let n = voted.size;
  for (const id of memberIds(s)) if (!voted.has(id) && canVoteNow(s, id)) n++;
  return n;
}

/** Whether this viewer sees a vote's counts before it closes (everyone sees them after). */
export function canSeeLiveCounts(vote: Vote, role: Role | null): boolean {
  if (vote.status === 'closed') return true;
  switch (vote.visibility) {
    case 'all':
      return true;
    case 'chair':
      return canRunMeeting(role);
    case 'afterClose':
      return false;
    default:
      return assertNever(vote.visibility);
  }
}

export type BallotCheck =
  { ok: true; vote: Vote; principal: string } | { ok: false; error: AppError };

/** Checks a ballot against the meeting: open vote, the caster's right to cast it, its choices. */
export function checkBallot(
  s: MeetingState,
  actorId: string,
  payload: CommandOf<'vote.cast'>['payload'],
): BallotCheck {
  const no = (code: AppError['code'], message: string): BallotCheck => ({
    ok: false,
    error: appError(code, message),
  });
  const vote = s.votes[payload.voteId];
  if (!vote) return no('NOT_FOUND', 'There is no such vote.');
  if (vote.status !== 'open')
    return no(
      'CONFLICT',
      vote.status === 'draft' ? 'This vote is not open yet.' : 'This vote is closed.',
    );
  const principal = payload.onBehalfOf ?? actorId;
  if (!isMember(s, actorId)) return no('FORBIDDEN', 'Only the chair and delegates vote.');
  if (principal === actorId) {
    const holder = s.proxies[actorId];
    if (holder !== undefined)
      return no(
        'CONFLICT',
        `You have handed your vote to ${s.participants[holder]?.displayName ?? holder}, who votes for you.`,
      );
  } else if (s.proxies[principal] !== actorId) {
    return no('FORBIDDEN', 'You hold no proxy from this delegate.');
  }
  if (!isAttending(s, actorId))
    return no('CONFLICT', 'Only delegates present in the room or online vote; check in first.');
  const ids = new Set(vote.options.map((o) => o.id));
  const { choices } = payload;
  if (new Set(choices).size !== choices.length || !choices.every((c) => ids.has(c)))
    return no('INVALID_PAYLOAD', 'Choose among the options of this vote, each at most once.');
  const max = vote.multiple ? vote.maxChoices : 1;
  if (choices.length > max)
    return no(
      'INVALID_PAYLOAD',
      max === 1 ? 'Choose one option.' : `Choose at most ${max} options.`,
    );
  return { ok: true, vote, principal };
}

/** The event that closes a vote with its result; the server uses it at the deadline too. */
export function closeVoteEvent(
  s: MeetingState,
  vote: Vote,
  tally: VoteTally,
  now: string,
): EventBody {
  const voted = new Set(tally.roll);
  const result = computeResult(vote, tally, memberIds(s).length, eligibleCount(s, voted));
  return { type: 'vote.closed', payload: { voteId: vote.id, closedAt: now, result } };
}

function options(payload: CommandOf<'vote.create'>['payload']): VoteOption[] {
  if (payload.options.kind === 'standard')
    return STANDARD_OPTIONS.map((id) => ({ id, label: STANDARD_LABELS[id] }));
  return payload.options.labels.map((label, i) => ({ id: `o${i + 1}`, label }));
}

function decideCreate(
  s: MeetingState,
  payload: CommandOf<'vote.create'>['payload'],
  ctx: DecideContext,
): Decision {
  if (!s.agenda.items[payload.itemId]) return fail('NOT_FOUND', 'This agenda item does not exist.');
  if (Object.keys(s.votes).length >= MAX_VOTES)
    return fail('CONFLICT', `A meeting holds at most ${MAX_VOTES} votes.`);
  const opts = options(payload);
  if (payload.options.kind === 'custom') {
    const labels = opts.map((o) => o.label.toLocaleLowerCase('vi'));
    if (new Set(labels).size !== labels.length)
      return fail('INVALID_PAYLOAD', 'Two options have the same label.');
  } else if (payload.multiple) {
    return fail('INVALID_PAYLOAD', 'Only a vote with custom options can allow several choices.');
  }
  const maxChoices = payload.multiple ? (payload.maxChoices ?? opts.length) : 1;
  if (maxChoices > opts.length || (!payload.multiple && (payload.maxChoices ?? 1) !== 1))
    return fail(
      'INVALID_PAYLOAD',
      `maxChoices must be from 1 to ${payload.multiple ? opts.length : 1}.`,
    );
  if (payload.deadline !== null && Date.parse(payload.deadline) <= Date.parse(ctx.now))
    return fail('INVALID_PAYLOAD', 'The deadline has already passed.');
  const vote: Vote = {
    id: ctx.newId(),
    itemId: payload.itemId,
    title: payload.title,
    kind: payload.kind,
    options: opts,
    multiple: payload.multiple,
    maxChoices,
    rule: payload.rule,
    visibility: payload.visibility,
    allowChange: payload.allowChange,
    deadline: payload.deadline,
    status: 'draft',
    createdAt: ctx.now,
    openedAt: null,
    closedAt: null,
    result: null,
  };
  return ok({ type: 'vote.created', payload: { vote } });
}

export function decideVote(s: MeetingState, command: VoteCommand, ctx: DecideContext): Decision {
  if (command.type === 'vote.create') return decideCreate(s, command.payload, ctx);
  if (command.type === 'vote.cast') {
    // the ballot box (server) counts it; here only whether it may be cast at all
    const check = checkBallot(s, ctx.actor.userId, command.payload);
    return check.ok ? ok() : { ok: false, error: check.error };
  }
  const vote = s.votes[command.payload.voteId];
  if (!vote) return fail('NOT_FOUND', 'There is no such vote.');
  switch (command.type) {
    case 'vote.open': {
      if (vote.status === 'open') return ok();
      if (vote.status === 'closed') return fail('CONFLICT', 'This vote is closed.');
      if (s.status !== 'in_progress')
        return fail('CONFLICT', 'A vote opens only while the meeting is in progress.');
      if (vote.deadline !== null && Date.parse(vote.deadline) <= Date.parse(ctx.now))
        return fail('CONFLICT', 'The deadline of this vote has passed; create a new vote.');
      const q = quorumStatus(s);
      if (!q.met)
        return fail(
          'CONFLICT',
          `No quorum: ${q.attending} of ${q.members} members attend, ${q.required} are needed.`,
        );
      return ok({ type: 'vote.opened', payload: { voteId: vote.id, openedAt: ctx.now } });
    }
    case 'vote.close':
      if (vote.status === 'closed') return ok();
      if (vote.status === 'draft') return fail('CONFLICT', 'This vote has not been opened.');
      return ok(closeVoteEvent(s, vote, ctx.tally(vote.id), ctx.now));
    default:
      return assertNever(command);
  }
}

export function applyVote(s: MeetingState, e: VoteEvent): MeetingState {
  const set = (id: string, change: Partial<Vote>): MeetingState => {
    const vote = s.votes[id];
    return vote ? { ...s, votes: { ...s.votes, [id]: { ...vote, ...change } } } : s;
  };
  switch (e.type) {
    case 'vote.created':
      return { ...s, votes: { ...s.votes, [e.payload.vote.id]: e.payload.vote } };
    case 'vote.opened':
      return set(e.payload.voteId, { status: 'open', openedAt: e.payload.openedAt });
    case 'vote.closed': {
      const { voteId, closedAt, result } = e.payload;
      return set(voteId, { status: 'closed', closedAt, result });
    }
    default:
      return assertNever(e);
  }
}
