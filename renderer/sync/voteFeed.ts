// Live figures of open votes: the server's coalesced `vote:tally` pushes, plus a `vote:status`
// request whenever a vote starts being watched or the socket reconnects (tallies are volatile).
import type { MyBallot, TallyMessage, VoteStatusAck } from '../../core/index.ts';
import type { Transport } from './transport.ts';

export interface VoteLive {
  cast: number;
  eligible: number;
  /** Counts per option id; null where the vote's visibility hides them from this viewer. */
  counts: Record<string, number> | null;
  /** This user's ballots (own and by proxy); null until the server answered a status request. */
  mine: MyBallot[] | null;
}

export class VoteFeed {
  private readonly transport: Transport;
  private readonly meetingId: string;
  private live: Readonly<Record<string, VoteLive>> = {};
  private readonly watched = new Set<string>();
  /** Tallies received per vote, so that a status answer older than a tally does not win. */
  private readonly tallies = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(transport: Transport, meetingId: string) {
    this.transport = transport;
    this.meetingId = meetingId;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): Readonly<Record<string, VoteLive>> => this.live;

  start = (): (() => void) => {
    if (!this.unsubscribe) {
      this.unsubscribe = this.transport.subscribe({
        connect: () => {
          for (const id of this.watched) this.refresh(id);
        },
        tally: (msg) => this.onTally(msg),
      });
    }
    return this.stop;
  };

  stop = (): void => {
    this.unsubscribe?.();
    this.unsubscribe = null;
  };

  /** The votes to follow (the open ones); a newly watched vote is asked for at once. */
  watch(voteIds: readonly string[]): void {
    const next = new Set(voteIds);
    for (const id of [...this.watched]) if (!next.has(id)) this.watched.delete(id);
    for (const id of next) {
      if (this.watched.has(id)) continue;
      this.watched.add(id);
      this.refresh(id);
    }
  }

  /** Ask the server for a vote's figures and this user's ballots (e.g. after casting one). */
  refresh(voteId: string): void {
    if (!this.transport.isConnected()) return; // asked again on connect
    const seen = this.tallies.get(voteId) ?? 0;
    this.transport.voteStatus({ meetingId: this.meetingId, voteId }, (res: VoteStatusAck) => {
      if (!res.ok) return; // e.g. a projector, which only gets the pushes
      const prev = this.live[voteId];
      const newer = prev && (this.tallies.get(voteId) ?? 0) !== seen;
      this.set(voteId, {
        cast: newer ? prev.cast : res.cast,
        eligible: newer ? prev.eligible : res.eligible,
        counts: newer ? prev.counts : (res.counts ?? null),
        mine: res.mine,
      });
    });
  }

  private onTally(msg: TallyMessage): void {
    if (msg.meetingId !== this.meetingId) return;
    this.tallies.set(msg.voteId, (this.tallies.get(msg.voteId) ?? 0) + 1);
    const prev = this.live[msg.voteId];
    this.set(msg.voteId, {
      cast: msg.cast,
      eligible: msg.eligible,
      counts: msg.counts ?? null,
      mine: prev?.mine ?? null,
    });
  }

  private set(voteId: string, value: VoteLive): void {
    this.live = { ...this.live, [voteId]: value };
    for (const listener of [...this.listeners]) listener();
  }
}
