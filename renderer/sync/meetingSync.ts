// The sync engine for one meeting: joins, catches up after gaps and reconnects, and keeps an
// outbox of commands until the server acknowledges them. Plain TS, no React, no Socket.IO.
import {
  apply,
  emptyMeeting,
  type AnnotationPreview,
  type AppError,
  type ClientCommand,
  type CommandAck,
  type EventsMessage,
  type JoinAck,
  type MeetingEvent,
  type MeetingState,
} from '../../core/index.ts';
import type { MeetingPersistence, OutboxRecord } from '../offline/meetingStore.ts';
import { newCommandId } from './ids.ts';
import {
  expired,
  NO_PREVIEWS,
  nextExpiry,
  previewEvents,
  received,
  settled,
  type Previews,
} from './previews.ts';
import type { Transport } from './transport.ts';

export const SYNC_STATUSES = ['connecting', 'catching_up', 'live', 'offline'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export interface SyncView {
  status: SyncStatus;
  meeting: MeetingState | null;
  /** The revision `meeting` is at; null before the first join answer. */
  rev: number | null;
  /** Why joining failed (not a participant, no such meeting); null while all is well. */
  error: AppError | null;
  /** Commands not yet acknowledged by the server. */
  pending: number;
  /**
   * Server clock minus this device's clock (ms), estimated from the `at` of pushed events, so
   * that timers (a speech's) agree across devices whose clocks disagree. 0 until a push arrived.
   */
  clockOffsetMs: number;
  /** Commands sent and not yet acknowledged, oldest first (shown optimistically). */
  outbox: readonly OutboxRecord[];
  /**
   * Commands kept from an earlier session that the server refused when they were sent at last,
   * with the meeting as this device knew it before that reconnect (names a document since gone).
   */
  rejected: readonly { command: ClientCommand; error: AppError; known?: MeetingState | null }[];
  /** The meeting shown is the copy kept on this device: the server has not been reached yet. */
  fromDevice: boolean;
  /** The outbox could not be kept on this device (storage full): a reload would lose it. */
  outboxVolatile: boolean;
  /**
   * Annotation changes decided on the server, not yet durable (previews.ts): shown over
   * `meeting`'s annotations, never part of `meeting`, `rev` or what is kept on the device.
   */
  previews: Previews;
}

interface OutboxEntry {
  id: string;
  command: ClientCommand;
  /** Sent on the current connection; cleared on disconnect so a reconnect sends it again. */
  sent: boolean;
  done: (ack: CommandAck) => void;
}

export interface MeetingSyncOptions {
  newId?: () => string;
  now?: () => number;
  /** Keeps the state and the outbox on the device, so the meeting opens and works offline. */
  persist?: MeetingPersistence;
}

/** The state is written to the device at most this often (the outbox at once). */
const SAVE_DELAY_MS = 250;

/** Pushed batches the clock offset is estimated from; old ones are dropped (clocks get fixed). */
const CLOCK_SAMPLES = 8;
/** Smaller changes of the estimate are not worth a re-render. */
const CLOCK_STEP_MS = 250;

export class MeetingSync {
  readonly meetingId: string;
  private readonly transport: Transport;
  private readonly newId: () => string;
  private readonly now: () => number;
  private clockSamples: number[] = [];
  private view: SyncView = {
    status: 'connecting',
    meeting: null,
    rev: null,
    error: null,
    pending: 0,
    clockOffsetMs: 0,
    outbox: [],
    rejected: [],
    fromDevice: false,
    outboxVolatile: false,
    previews: NO_PREVIEWS,
  };
  private readonly persist: MeetingPersistence | null;
  /** Reading the kept state; the first join waits for it, so it can ask for only what is new. */
  private restoring: Promise<void> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly batchListeners = new Set<
    (before: MeetingState, events: MeetingEvent[]) => void
  >();
  private readonly outbox = new Map<string, OutboxEntry>();
  /** Bumped on every join, disconnect and stop, so that an old join answer is ignored. */
  private joinSeq = 0;
  /** The meeting as it was before the last join answer was applied (what was known offline). */
  private beforeJoin: MeetingState | null = null;
  private joining = false;
  /** Pushed batches that arrived while a join was pending; handled after its answer. */
  private buffered: EventsMessage[] = [];
  private unsubscribe: (() => void) | null = null;

  constructor(transport: Transport, meetingId: string, options: MeetingSyncOptions = {}) {
    this.transport = transport;
    this.meetingId = meetingId;
    this.newId = options.newId ?? newCommandId;
    this.now = options.now ?? Date.now;
    this.persist = options.persist ?? null;
    for (const rec of this.persist?.loadOutbox() ?? []) {
      // sent again with the same id: the server applies each command once
      this.outbox.set(rec.id, {
        ...rec,
        sent: false,
        done: (ack) => {
          if (!ack.ok)
            this.update({
              rejected: [
                ...this.view.rejected,
                {
                  command: rec.command,
                  error: ack.error,
                  known: this.beforeJoin ?? this.view.meeting,
                },
              ],
            });
        },
      });
    }
    this.view = { ...this.view, pending: this.outbox.size, outbox: this.records() };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): SyncView => this.view;

  /** The meeting as the engine has it at this moment. */
  current = (): MeetingState | null => this.view.meeting;

  /** Every batch of events applied (pushed, or caught up on after a reconnect), with the state before. */
  onBatch = (listener: (before: MeetingState, events: MeetingEvent[]) => void): (() => void) => {
    this.batchListeners.add(listener);
    return () => {
      this.batchListeners.delete(listener);
    };
  };

  private told(before: MeetingState | null, events: MeetingEvent[]): void {
    if (!before || events.length === 0) return;
    for (const listener of [...this.batchListeners]) listener(before, events);
  }

  /** Start following the meeting; returns `stop`. Can be started again after a stop. */
  start = (): (() => void) => {
    if (this.unsubscribe) return this.stop;
    this.unsubscribe = this.transport.subscribe({
      connect: () => {
        if (!this.restoring) this.join();
      },
      disconnect: () => this.onDisconnect(),
      events: (msg) => this.onEvents(msg),
      preview: (msg) => this.onPreview(msg),
    });
    if (this.persist && this.view.meeting === null) {
      const persist = this.persist;
      this.restoring = persist
        .loadState()
        .then((stored) => {
          if (!stored || this.view.meeting !== null) return;
          const status = this.transport.isConnected() ? this.view.status : 'offline';
          this.update({ meeting: stored.meeting, rev: stored.rev, fromDevice: true, status });
        })
        .catch(() => undefined)
        .finally(() => {
          this.restoring = null;
          if (this.unsubscribe && this.transport.isConnected()) this.join();
          else if (this.unsubscribe) this.update({ status: 'offline' });
        });
    } else if (this.transport.isConnected()) this.join();
    return this.stop;
  };

  stop = (): void => {
    if (!this.unsubscribe) return;
    this.unsubscribe();
    this.unsubscribe = null;
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      const { meeting, rev } = this.view;
      if (meeting && rev !== null) void this.persist?.saveState({ meeting, rev });
    }
    this.joinSeq++;
    this.joining = false;
    this.buffered = [];
    this.setPreviews(NO_PREVIEWS);
    if (this.transport.isConnected()) this.transport.leave(this.meetingId);
  };

  /** Join again, e.g. after a failed join. */
  retry = (): void => {
    if (this.unsubscribe && this.transport.isConnected()) this.join();
  };

  /** Send a command; resolves with the server's answer, after a reconnect if need be. */
  send = (command: ClientCommand): Promise<CommandAck> =>
    new Promise((resolve) => {
      const entry: OutboxEntry = { id: this.newId(), command, sent: false, done: resolve };
      this.outbox.set(entry.id, entry);
      this.outboxChanged();
      if (this.view.status === 'live') this.emit(entry);
    });

  private join(): void {
    const seq = ++this.joinSeq;
    this.joining = true;
    this.buffered = [];
    this.update({ status: 'catching_up' });
    this.transport.join({ meetingId: this.meetingId, sinceRev: this.view.rev }, (res) => {
      if (seq === this.joinSeq) this.onJoined(res);
    });
  }

  private onJoined(res: JoinAck): void {
    this.joining = false;
    const buffered = this.buffered;
    this.buffered = [];
    if (!res.ok) {
      this.update({ status: 'live', error: res.error });
      return;
    }
    const before = this.view.meeting;
    this.beforeJoin = before;
    const meeting =
      res.mode === 'snapshot'
        ? res.snapshot
        : res.events.reduce(apply, this.view.meeting ?? emptyMeeting());
    // a snapshot holds whatever became durable meanwhile: the durable state wins
    const previews =
      res.mode === 'snapshot' ? NO_PREVIEWS : settled(this.view.previews, res.events);
    this.setPreviews(previews, {
      status: 'live',
      meeting,
      rev: res.rev,
      error: null,
      fromDevice: false,
    });
    this.scheduleSave();
    if (res.mode === 'events') this.told(before, res.events);
    for (const msg of buffered) this.onEvents(msg);
    if (this.view.status === 'live') this.flush();
  }

  private onEvents(msg: EventsMessage): void {
    if (msg.meetingId !== this.meetingId) return;
    if (this.joining) {
      this.buffered.push(msg);
      return;
    }
    const rev = this.view.rev;
    if (rev === null || msg.rev <= rev) return; // not joined yet, or already have it
    if (msg.fromRev !== rev) {
      this.join(); // a gap: ask for what we missed
      return;
    }
    const before = this.view.meeting;
    const meeting = msg.events.reduce(apply, this.view.meeting ?? emptyMeeting());
    this.setPreviews(settled(this.view.previews, msg.events), {
      meeting,
      rev: msg.rev,
      clockOffsetMs: this.sampleClock(msg),
    });
    this.told(before, msg.events);
    this.scheduleSave();
  }

  /** A change decided on the server, not yet durable: shown until its event arrives. */
  private onPreview(msg: AnnotationPreview): void {
    if (msg?.meetingId !== this.meetingId || this.view.meeting === null) return;
    this.setPreviews(received(this.view.previews, previewEvents(msg.events), this.now()));
  }

  /** Sets the previews (less those expired), with other changes of the view in one update. */
  private setPreviews(previews: Previews, patch?: Partial<SyncView>): void {
    const left = expired(previews, this.now());
    if (patch || left !== this.view.previews) this.update({ ...patch, previews: left });
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewTimer = null;
    const next = nextExpiry(left);
    if (next !== null && this.unsubscribe)
      this.previewTimer = setTimeout(
        () => this.setPreviews(this.view.previews),
        Math.max(0, next - this.now()),
      );
  }

  private records(): OutboxRecord[] {
    return [...this.outbox.values()].map(({ id, command }) => ({ id, command }));
  }

  private outboxChanged(): void {
    const outbox = this.records();
    const kept = this.persist ? this.persist.saveOutbox(outbox) : true;
    this.update({ pending: outbox.length, outbox, outboxVolatile: !kept });
  }

  private scheduleSave(): void {
    if (!this.persist || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      const { meeting, rev } = this.view;
      if (meeting && rev !== null) void this.persist?.saveState({ meeting, rev });
    }, SAVE_DELAY_MS);
  }

  /**
   * A live push arrives just after the server stamped its events, so `at - now` is a little
   * below the true offset; the largest of the recent samples is the closest estimate.
   */
  private sampleClock(msg: EventsMessage): number {
    const at = Date.parse(msg.events.at(-1)?.at ?? '');
    if (Number.isNaN(at)) return this.view.clockOffsetMs;
    this.clockSamples = [...this.clockSamples, at - this.now()].slice(-CLOCK_SAMPLES);
    const estimate = Math.max(...this.clockSamples);
    const prev = this.view.clockOffsetMs;
    return Math.abs(estimate - prev) < CLOCK_STEP_MS ? prev : estimate;
  }

  private onDisconnect(): void {
    this.joinSeq++;
    this.joining = false;
    this.buffered = [];
    for (const entry of this.outbox.values()) entry.sent = false;
    this.update({ status: 'offline' });
  }

  private flush(): void {
    for (const entry of this.outbox.values()) if (!entry.sent) this.emit(entry);
  }

  private emit(entry: OutboxEntry): void {
    entry.sent = true;
    const req = { id: entry.id, meetingId: this.meetingId, command: entry.command };
    this.transport.command(req, (ack) => {
      if (this.outbox.get(entry.id) !== entry) return; // answered already (a retry's answer)
      this.outbox.delete(entry.id);
      this.outboxChanged();
      entry.done(ack);
    });
  }

  private update(patch: Partial<SyncView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
