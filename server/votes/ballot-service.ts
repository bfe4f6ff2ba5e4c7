// Ballots: cast (checked by core, counted in the vote's BallotBox, on disk before the ack), the
// live tally (coalesced, never one message per ballot), `vote:status`, and deadline timers.
import { createHash } from 'node:crypto';
import {
  appError,
  canSeeLiveCounts,
  decide,
  EMPTY_TALLY,
  eligibleCount,
  isMember,
  proxiesHeldBy,
  type Actor,
  type CommandAck,
  type CommandOf,
  type MeetingEvent,
  type MeetingState,
  type MyBallot,
  type Role,
  type TallyMessage,
  type Vote,
  type VoteStatusAck,
  type VoteTally,
} from '../../core/index.ts';
import type { MeetingLog } from '../meetings/meeting-log.ts';
import type { Clock, MeetingService } from '../meetings/service.ts';
import type { Store, StoredBallots } from '../store/types.ts';
import { BallotBox } from './ballot-box.ts';
import { Coalescer } from './coalescer.ts';

/** At most 4 tally messages per second per vote. */
export const TALLY_INTERVAL_MS = 250;
/** Timers hold at most ~24.8 days; a later deadline re-arms when this one fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface BallotServiceDeps {
  store: Store;
  clock: Clock;
  meetings: () => MeetingService;
  /** Sends a tally to the meeting: counts only to those the vote lets see them. */
  sendTally: (vote: Vote, msg: TallyMessage) => void;
  log?: (msg: string, err?: unknown) => void;
}

interface OpenVote {
  box: BallotBox;
  feed: Coalescer;
}

/** The key of a secret ballot: the same token finds it again; without the token, nothing does. */
export function ballotKey(voteId: string, principal: string, token: string): string {
  return createHash('sha256').update(`${voteId}\n${principal}\n${token}`).digest('base64url');
}

export class BallotService {
  readonly #deps: BallotServiceDeps;
  readonly #open = new Map<string, OpenVote>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Ballots read from disk at start, until their vote's box is made. */
  #stored = new Map<string, StoredBallots>();

  constructor(deps: BallotServiceDeps) {
    this.#deps = deps;
  }

  /** Reads the ballots of open votes, arms their deadlines, and closes those already past. */
  async load(): Promise<void> {
    const overdue: Promise<void>[] = [];
    for (const m of this.#deps.meetings().all()) {
      const open = Object.values(m.durable.votes).filter((v) => v.status === 'open');
      if (open.length === 0) continue;
      for (const stored of await this.#deps.store.loadBallots(m.id))
        this.#stored.set(`${m.id}/${stored.voteId}`, stored);
      for (const vote of open) {
        this.#boxOf(m, vote);
        if (vote.deadline !== null && Date.parse(vote.deadline) <= this.#now())
          overdue.push(this.#expire(m.id, vote.id));
        else this.#arm(m.id, vote);
      }
    }
    this.#stored = new Map();
    await Promise.all(overdue);
  }

  async cast(
    m: MeetingLog,
    commandId: string,
    command: CommandOf<'vote.cast'>,
    actor: Actor,
  ): Promise<CommandAck> {
    const now = this.#deps.clock.now().toISOString();
    const decision = decide(m.state, command, {
      actor,
      now,
      newId: () => '',
      accountName: () => null,
      tally: () => EMPTY_TALLY,
    });
    const audit = { at: now, actor: actor.userId, commandId, type: command.type };
    if (!decision.ok) {
      if (decision.error.code === 'FORBIDDEN') m.audit({ ...audit, ok: false, error: 'FORBIDDEN' });
      return { ok: false, error: decision.error };
    }
    const { voteId, onBehalfOf, token, choices } = command.payload;
    const vote = m.state.votes[voteId]!;
    // a ballot waits for the opening to be on disk: else a crash could leave ballots of a draft
    if (m.durable.votes[voteId]?.status !== 'open')
      return { ok: false, error: appError('CONFLICT', 'This vote is not open yet.') };
    const principal = onBehalfOf ?? actor.userId;
    const key = vote.kind === 'secret' ? ballotKey(voteId, principal, token) : principal;
    const box = this.#boxOf(m, vote);
    // a secret ballot leaves no audit entry: its time, beside the live counts, could tell its
    // choice when ballots are few; the roll says who voted
    const entry = vote.kind === 'named' ? { ...audit, ok: true } : null;
    const put = box.put(principal, key, actor.userId, choices, vote.allowChange, entry);
    if (!put.ok) return { ok: false, error: put.error };
    try {
      // ack only after the batch is on disk: an ack is a promise we never lose the ballot
      await box.flushed();
    } catch (err) {
      this.#deps.log?.('ballot write failed', err);
      return {
        ok: false,
        error: appError('INTERNAL', 'The server could not save this ballot; try again.'),
      };
    }
    return { ok: true, rev: m.durable.rev, meetingId: m.id };
  }

  /** The ballots of an open vote so far (empty if none). */
  tally(meetingId: string, voteId: string): VoteTally {
    return this.#open.get(`${meetingId}/${voteId}`)?.box.tally() ?? EMPTY_TALLY;
  }

  /** Resolves once every ballot of the vote accepted so far is on disk. */
  flushed(meetingId: string, voteId: string): Promise<void> {
    return this.#open.get(`${meetingId}/${voteId}`)?.box.flushed() ?? Promise.resolve();
  }

  /** `vote:status`: the count so far, with counts only if the viewer may see them. */
  status(
    m: MeetingLog,
    voteId: string,
    viewer: { userId: string; role: Role | null },
  ): VoteStatusAck {
    const s = m.durable;
    const vote = s.votes[voteId];
    if (!vote) return { ok: false, error: appError('NOT_FOUND', 'There is no such vote.') };
    const box = this.#open.get(`${m.id}/${voteId}`)?.box;
    const r = vote.result;
    const roll = new Set(r ? r.roll : (box?.roll ?? []));
    const counts = r ? r.counts : (box?.counts ?? {});
    const named = new Map((r?.ballots ?? []).map((b) => [b.voterId, b.choices]));
    const choicesOf = (p: string) => (r ? named.get(p) : box?.choicesOf(p));
    const mine: MyBallot[] = myPrincipals(s, viewer.userId).map((principal) => ({
      principal,
      voted: roll.has(principal),
      ...(vote.kind === 'named' && roll.has(principal) ? { choices: choicesOf(principal) } : {}),
    }));
    return {
      ok: true,
      cast: r ? r.cast : roll.size,
      eligible: r ? r.eligible : eligibleCount(s, roll),
      ...(canSeeLiveCounts(vote, viewer.role) ? { counts: { ...counts } } : {}),
      mine,
    };
  }

  /** Follows committed events: deadlines to arm, votes that closed. */
  onCommit(log: MeetingLog, events: MeetingEvent[]): void {
    for (const e of events) {
      if (e.type === 'vote.opened') {
        const vote = log.durable.votes[e.payload.voteId];
        if (vote) this.#arm(log.id, vote);
      } else if (e.type === 'vote.closed') {
        const k = `${log.id}/${e.payload.voteId}`;
        clearTimeout(this.#timers.get(k));
        this.#timers.delete(k);
        this.#open.get(k)?.feed.stop();
        this.#open.delete(k);
      }
    }
  }

  /** Stops the timers and waits for every accepted ballot to be on disk. */
  async close(): Promise<void> {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    for (const v of this.#open.values()) v.feed.stop();
    await Promise.all([...this.#open.values()].map((v) => v.box.flushed().catch(() => undefined)));
  }

  #now(): number {
    return this.#deps.clock.now().getTime();
  }

  #boxOf(m: MeetingLog, vote: Vote): BallotBox {
    const k = `${m.id}/${vote.id}`;
    const existing = this.#open.get(k);
    if (existing) return existing.box;
    const feed = new Coalescer(TALLY_INTERVAL_MS, () => this.#sendTally(m, vote.id));
    const box = new BallotBox(
      vote.id,
      vote.kind,
      vote.options.map((o) => o.id),
      {
        write: (batch) => this.#deps.store.writeBallots(m.id, batch),
        onDurable: () => feed.touch(),
      },
      this.#stored.get(k),
    );
    this.#open.set(k, { box, feed });
    return box;
  }

  #sendTally(m: MeetingLog, voteId: string): void {
    const box = this.#open.get(`${m.id}/${voteId}`)?.box;
    const vote = m.durable.votes[voteId];
    if (!box || vote?.status !== 'open') return;
    this.#deps.sendTally(vote, {
      meetingId: m.id,
      voteId,
      cast: box.roll.size,
      eligible: eligibleCount(m.durable, box.roll),
      counts: { ...box.counts },
    });
  }

  #arm(meetingId: string, vote: Vote): void {
    if (vote.deadline === null) return;
    const k = `${meetingId}/${vote.id}`;
    clearTimeout(this.#timers.get(k));
    const ms = Date.parse(vote.deadline) - this.#now();
    const timer = setTimeout(
      () => {
        this.#timers.delete(k);
        const current = this.#deps.meetings().get(meetingId)?.state.votes[vote.id];
        if (current?.status !== 'open') return;
        if (ms > MAX_TIMER_MS) this.#arm(meetingId, current);
        else void this.#expire(meetingId, vote.id);
      },
      Math.min(Math.max(ms, 0), MAX_TIMER_MS),
    );
    this.#timers.set(k, timer);
  }

  async #expire(meetingId: string, voteId: string): Promise<void> {
    try {
      await this.#deps.meetings().closeVoteAtDeadline(meetingId, voteId);
    } catch (err) {
      this.#deps.log?.('closing a vote at its deadline failed; retrying in 5 s', err);
      const k = `${meetingId}/${voteId}`;
      this.#timers.set(
        k,
        setTimeout(() => void this.#expire(meetingId, voteId), 5_000),
      );
    }
  }
}

/** The principals whose ballots this person casts: their own (if a member) and their proxies. */
function myPrincipals(s: MeetingState, userId: string): string[] {
  return [...(isMember(s, userId) ? [userId] : []), ...proxiesHeldBy(s, userId)];
}
