// One meeting in memory: its working state, the state that is on disk, the recent events for
// catch-up, and the group commit that turns many commands into one durable write.
import {
  apply,
  MAX_CATCH_UP_EVENTS,
  type EventBody,
  type MeetingEvent,
  type MeetingState,
} from '../../core/index.ts';
import type { AuditEntry, CommandRecord, LoadedMeeting, Store } from '../store/types.ts';

/** How many command ids a meeting remembers for answering retries. */
const REMEMBERED_COMMANDS = 20_000;
/** Write a snapshot after this many events, so that a restart replays few. */
const SNAPSHOT_EVERY = 2_000;

interface Pending {
  events: MeetingEvent[];
  commands: CommandRecord[];
  audit: AuditEntry[];
  /** Writes this batch must wait for (a vote's ballots, before the event that closes it). */
  barriers: Promise<unknown>[];
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

export type CommitListener = (log: MeetingLog, fromRev: number, events: MeetingEvent[]) => void;

export class MeetingLog {
  readonly id: string;
  /** Includes events not yet on disk; commands are decided against it. */
  state: MeetingState;
  /** The state as it is on disk: what joins and snapshots may show. */
  durable: MeetingState;
  /** Durable events, the newest MAX_CATCH_UP_EVENTS of them. */
  recent: MeetingEvent[];
  readonly #commands = new Map<string, number>();
  readonly #store: Store;
  readonly #onCommit: CommitListener;
  #pending: Pending = emptyPending();
  #flushing: Promise<void> | null = null;
  #snapshotRev: number;

  constructor(id: string, loaded: LoadedMeeting, store: Store, onCommit: CommitListener) {
    this.id = id;
    this.state = loaded.state;
    this.durable = loaded.state;
    this.recent = loaded.events.slice(-MAX_CATCH_UP_EVENTS);
    for (const c of loaded.commands.slice(-REMEMBERED_COMMANDS)) this.#commands.set(c.key, c.rev);
    this.#store = store;
    this.#onCommit = onCommit;
    this.#snapshotRev = loaded.events.length ? 0 : loaded.state.rev;
  }

  /** The revision at which an earlier command with this key was applied, if any. */
  appliedRev(key: string): number | undefined {
    return this.#commands.get(key);
  }

  /** Applies events in memory at once; resolves when they are on disk. */
  commit(
    bodies: EventBody[],
    meta: {
      actor: string;
      at: string;
      key: string;
      audit: AuditEntry;
      barrier?: Promise<unknown>;
    },
  ): Promise<number> {
    const events = bodies.map((body, i): MeetingEvent => {
      return {
        ...body,
        rev: this.state.rev + i + 1,
        at: meta.at,
        actor: meta.actor,
      } as MeetingEvent;
    });
    for (const e of events) this.state = apply(this.state, e);
    const rev = this.state.rev;
    this.#pending.events.push(...events);
    if (events.length) this.#pending.commands.push({ key: meta.key, rev });
    this.#pending.audit.push({ ...meta.audit, rev });
    if (meta.barrier) this.#pending.barriers.push(meta.barrier);
    this.#commands.set(meta.key, rev);
    return this.#enqueue().then(() => rev);
  }

  /** Records an audit entry (a refused command) with the next write; does not wait for it. */
  audit(entry: AuditEntry): void {
    this.#pending.audit.push(entry);
    this.#enqueue().catch(() => undefined);
  }

  /** Resolves once everything applied so far is on disk. */
  settled(): Promise<void> {
    return this.state.rev === this.durable.rev && !this.#flushing
      ? Promise.resolve()
      : this.#enqueue();
  }

  #enqueue(): Promise<void> {
    const done = new Promise<void>((resolve, reject) =>
      this.#pending.waiters.push({ resolve, reject }),
    );
    if (!this.#flushing) this.#flushing = this.#flushLoop();
    return done;
  }

  async #flushLoop(): Promise<void> {
    // let the commands that arrive in the same tick join this batch
    await new Promise((r) => setImmediate(r));
    while (this.#pending.waiters.length) {
      const batch = this.#pending;
      this.#pending = emptyPending();
      const stateAfter = this.state;
      const fromRev = this.durable.rev;
      try {
        await Promise.all(batch.barriers);
        if (batch.events.length || batch.audit.length) {
          await this.#store.appendBatch(this.id, {
            fromRev,
            rev: batch.events.at(-1)?.rev ?? fromRev,
            events: batch.events,
            commands: batch.commands,
            audit: batch.audit,
          });
        }
      } catch (err) {
        this.#rollBack(batch, err);
        continue;
      }
      if (batch.events.length) {
        this.durable = stateAfter;
        this.recent.push(...batch.events);
        if (this.recent.length > MAX_CATCH_UP_EVENTS * 1.5) {
          this.recent = this.recent.slice(-MAX_CATCH_UP_EVENTS);
        }
        this.#trimCommands();
        this.#onCommit(this, fromRev, batch.events);
      }
      batch.waiters.forEach((w) => w.resolve());
      if (this.durable.rev - this.#snapshotRev >= SNAPSHOT_EVERY) await this.#snapshot();
    }
    this.#flushing = null;
  }

  /** Writes a snapshot when the journal holds events the last one lacks (e.g. on shutdown). */
  async snapshotIfBehind(): Promise<void> {
    await this.settled();
    if (this.durable.rev > this.#snapshotRev) await this.#snapshot();
  }

  async #snapshot(): Promise<void> {
    // only commands the snapshot's state contains: one still waiting for the disk would else be
    // answered as done after a crash, and its retry never applied
    const rev = this.durable.rev;
    const commands = [...this.#commands]
      .filter(([, r]) => r <= rev)
      .map(([key, r]) => ({ key, rev: r }));
    this.#snapshotRev = rev;
    await this.#store.saveSnapshot(this.id, { state: this.durable, commands }).catch(() => {
      this.#snapshotRev = 0; // try again after the next batch; the journal still has everything
    });
  }

  /** A failed write: forget everything not on disk, and fail the commands that built on it. */
  #rollBack(batch: Pending, err: unknown): void {
    const later = this.#pending;
    this.#pending = emptyPending();
    this.state = this.durable;
    for (const [key, rev] of this.#commands) if (rev > this.durable.rev) this.#commands.delete(key);
    for (const w of [...batch.waiters, ...later.waiters]) w.reject(err);
  }

  #trimCommands(): void {
    const over = this.#commands.size - REMEMBERED_COMMANDS;
    if (over <= 0) return;
    const keys = this.#commands.keys();
    for (let i = 0; i < over; i++) this.#commands.delete(keys.next().value as string);
  }
}

function emptyPending(): Pending {
  return { events: [], commands: [], audit: [], barriers: [], waiters: [] };
}
