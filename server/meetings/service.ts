// Runs commands: dedupe by client id, decide against the meeting, apply, group-commit, ack.
import { randomBytes } from 'node:crypto';
import {
  appError,
  canSeeMeeting,
  closeVoteEvent,
  decide,
  EMPTY_TALLY,
  emptyMeeting,
  PREVIEWED_COMMANDS,
  roleIn,
  type Actor,
  type AppError,
  type Command,
  type CommandAck,
  type CommandOf,
  type EventBody,
  type MeetingSummary,
  type VoteTally,
} from '../../core/index.ts';
import type { Store } from '../store/types.ts';
import { MeetingLog, type CommitListener } from './meeting-log.ts';

export interface Clock {
  now(): Date;
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** The ballot box (server/votes): ballots are not events, so votes reach outside the meeting. */
export interface VoteHooks {
  cast(
    m: MeetingLog,
    commandId: string,
    command: CommandOf<'vote.cast'>,
    actor: Actor,
  ): Promise<CommandAck>;
  tally(meetingId: string, voteId: string): VoteTally;
  /** Resolves once every ballot of the vote accepted so far is on disk. */
  flushed(meetingId: string, voteId: string): Promise<void>;
}

/** Who closes a vote at its deadline (the `actor` of that `vote.closed` event). */
export const SYSTEM_ACTOR = 'system';

export interface MeetingServiceDeps {
  store: Store;
  clock: Clock;
  accountName: (userId: string) => string | null;
  onCommit: CommitListener;
  votes?: VoteHooks;
  /**
   * An annotation change decided, before its write: sent volatile to its audience at once
   * (server/sync/preview.ts). `fromSocketId`: the socket that sent the command, left out.
   */
  onPreview?: (m: MeetingLog, events: EventBody[], actor: Actor, fromSocketId?: string) => void;
  log?: (msg: string, err?: unknown) => void;
}

const PREVIEWED: ReadonlySet<string> = new Set(PREVIEWED_COMMANDS);

export class MeetingService {
  readonly #deps: MeetingServiceDeps;
  readonly #meetings = new Map<string, MeetingLog>();
  /** Ids of `meeting.create` commands already applied, so that a retried create makes no twin. */
  readonly #created = new Map<string, string>();
  readonly #inflight = new Map<string, Promise<CommandAck>>();

  constructor(deps: MeetingServiceDeps) {
    this.#deps = deps;
  }

  async load(): Promise<void> {
    for (const id of await this.#deps.store.listMeetings()) {
      const loaded = await this.#deps.store.loadMeeting(id);
      if (!loaded || !loaded.state.id) continue;
      const log = new MeetingLog(id, loaded, this.#deps.store, this.#deps.onCommit);
      this.#meetings.set(id, log);
      for (const c of loaded.commands) if (c.rev === 1) this.#created.set(c.key, id);
    }
  }

  /** A meeting, once its creation is on disk. */
  get(meetingId: string): MeetingLog | undefined {
    const m = this.#meetings.get(meetingId);
    return m && m.durable.rev > 0 ? m : undefined;
  }

  all(): MeetingLog[] {
    return [...this.#meetings.values()].filter((m) => m.durable.rev > 0);
  }

  /**
   * Meetings this person takes part in (all of them for a global admin), newest first; drafts
   * only for their organisers.
   */
  summariesFor(actor: Actor): MeetingSummary[] {
    const out: MeetingSummary[] = [];
    for (const m of this.all()) {
      const s = m.durable;
      const role = roleIn(s, actor);
      // a draft is listed to its organisers only
      if (role === null || !canSeeMeeting(s, role)) continue;
      out.push({
        id: s.id,
        title: s.title,
        location: s.location,
        startsAt: s.startsAt,
        status: s.status,
        role,
        publishedAt: s.publishedAt,
      });
    }
    return out.sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  }

  /**
   * Runs one command for an actor; the ack resolves once its events are on disk. `fromSocketId`:
   * the socket it came from, which an annotation preview leaves out.
   */
  execute(
    meetingId: string | null,
    commandId: string,
    command: Command,
    actor: Actor,
    fromSocketId?: string,
  ): Promise<CommandAck> {
    const key = `${actor.userId}:${commandId}`;
    const running = this.#inflight.get(key);
    if (running) return running;
    const p = this.#execute(meetingId, key, commandId, command, actor, fromSocketId).finally(() =>
      this.#inflight.delete(key),
    );
    this.#inflight.set(key, p);
    return p;
  }

  async #execute(
    meetingId: string | null,
    key: string,
    commandId: string,
    command: Command,
    actor: Actor,
    fromSocketId?: string,
  ): Promise<CommandAck> {
    if (command.type === 'meeting.create') return this.#create(key, commandId, command, actor);
    if (meetingId === null)
      return refuse(appError('INVALID_PAYLOAD', 'This command needs a meetingId.'));
    const m = this.get(meetingId);
    if (!m) return refuse(appError('NOT_FOUND', 'There is no such meeting.'));
    // a ballot's key makes its retry safe; the command table would link voter and ballot
    if (command.type === 'vote.cast')
      return this.#deps.votes
        ? this.#deps.votes.cast(m, commandId, command, actor)
        : refuse(appError('INTERNAL', 'This server takes no ballots.'));
    const done = m.appliedRev(key);
    if (done !== undefined) {
      // a retry: answer it, once what it answered is on disk
      await m.settled();
      return { ok: true, rev: done, meetingId };
    }
    const now = this.#deps.clock.now().toISOString();
    const decision = decide(m.state, command, this.#ctx(actor, now, meetingId));
    const audit = { at: now, actor: actor.userId, commandId, type: command.type };
    if (!decision.ok) {
      if (decision.error.code === 'FORBIDDEN') m.audit({ ...audit, ok: false, error: 'FORBIDDEN' });
      return refuse(decision.error);
    }
    try {
      if (decision.events.length === 0) {
        await m.settled();
        return { ok: true, rev: m.durable.rev, meetingId };
      }
      // the other devices see it now; the durable event follows once it is on disk
      if (PREVIEWED.has(command.type)) this.#preview(m, decision.events, actor, fromSocketId);
      const rev = await m.commit(decision.events, {
        actor: actor.userId,
        at: now,
        key,
        audit: { ...audit, ok: true },
        barrier: this.#ballotsOnDisk(meetingId, decision.events),
      });
      return { ok: true, rev, meetingId };
    } catch (err) {
      this.#deps.log?.('write failed', err);
      return refuse(appError('INTERNAL', 'The server could not save this change; try again.'));
    }
  }

  /** A preview is no promise: whatever befalls it, the command goes on to the disk. */
  #preview(m: MeetingLog, events: EventBody[], actor: Actor, fromSocketId?: string): void {
    try {
      this.#deps.onPreview?.(m, events, actor, fromSocketId);
    } catch (err) {
      this.#deps.log?.('preview failed', err);
    }
  }

  async #create(
    key: string,
    commandId: string,
    command: Command,
    actor: Actor,
  ): Promise<CommandAck> {
    const existing = this.#created.get(key);
    if (existing) {
      await this.#meetings.get(existing)?.settled();
      return { ok: true, rev: 1, meetingId: existing };
    }
    const now = this.#deps.clock.now().toISOString();
    const decision = decide(null, command, this.#ctx(actor, now, null));
    if (!decision.ok) return refuse(decision.error);
    const first = decision.events[0];
    if (first?.type !== 'meeting.created') throw new Error('meeting.create must create a meeting');
    const meetingId = first.payload.meeting.id;
    const m = new MeetingLog(
      meetingId,
      { state: emptyMeeting(), events: [], commands: [] },
      this.#deps.store,
      this.#deps.onCommit,
    );
    this.#meetings.set(meetingId, m);
    this.#created.set(key, meetingId);
    try {
      await m.commit(decision.events, {
        actor: actor.userId,
        at: now,
        key,
        audit: { at: now, actor: actor.userId, commandId, type: command.type, ok: true },
      });
      return { ok: true, rev: 1, meetingId };
    } catch (err) {
      this.#meetings.delete(meetingId);
      this.#created.delete(key);
      this.#deps.log?.('write failed', err);
      return refuse(appError('INTERNAL', 'The server could not save this meeting; try again.'));
    }
  }

  #ctx(actor: Actor, now: string, meetingId: string | null) {
    const votes = this.#deps.votes;
    const tally = (voteId: string) =>
      meetingId && votes ? votes.tally(meetingId, voteId) : EMPTY_TALLY;
    return { actor, now, newId, accountName: this.#deps.accountName, tally };
  }

  /** A vote's result counts ballots not yet on disk: the event waits for them. */
  #ballotsOnDisk(meetingId: string, events: { type: string; payload: unknown }[]) {
    const closed = events.find((e) => e.type === 'vote.closed');
    if (!closed || !this.#deps.votes) return undefined;
    return this.#deps.votes.flushed(meetingId, (closed.payload as { voteId: string }).voteId);
  }

  /** Closes a vote whose deadline has come (the server's timer; the actor is `system`). */
  async closeVoteAtDeadline(meetingId: string, voteId: string): Promise<void> {
    const m = this.get(meetingId);
    const vote = m?.state.votes[voteId];
    if (!m || vote?.status !== 'open') return;
    const now = this.#deps.clock.now().toISOString();
    const tally = this.#deps.votes?.tally(meetingId, voteId) ?? EMPTY_TALLY;
    // a deadline that passed while the server was down: the vote closed then, not now
    const deadline = vote.deadline ? Date.parse(vote.deadline) : Infinity;
    const closedAt = deadline < Date.parse(now) ? new Date(deadline).toISOString() : now;
    const events = [closeVoteEvent(m.state, vote, tally, closedAt)];
    const commandId = `deadline-${voteId}`;
    await m.commit(events, {
      actor: SYSTEM_ACTOR,
      at: now,
      key: `${SYSTEM_ACTOR}:${commandId}`,
      audit: { at: now, actor: SYSTEM_ACTOR, commandId, type: 'vote.close', ok: true },
      barrier: this.#ballotsOnDisk(meetingId, events),
    });
  }

  /** Flushes everything and writes fresh snapshots, so that the next start is quick. */
  async close(): Promise<void> {
    await Promise.all(this.all().map((m) => m.snapshotIfBehind()));
  }

  /** Resolves once every meeting's accepted changes are on disk. */
  async settled(): Promise<void> {
    await Promise.all(this.all().map((m) => m.settled()));
  }
}

function refuse(error: AppError): CommandAck {
  return { ok: false, error };
}
