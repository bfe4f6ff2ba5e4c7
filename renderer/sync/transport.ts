// The socket as the sync engine sees it: a few typed calls and callbacks, no Socket.IO types.
// Tests use a fake object with the same shape (see fakeTransport.ts).
import type {
  AnnotationPreview,
  CommandAck,
  EventsMessage,
  JoinAck,
  PresenterMoved,
  SessionEndReason,
  SessionRefusal,
  TallyMessage,
  VoteStatusAck,
} from '../../core/index.ts';

export interface TransportHandlers {
  /** The socket (re)connected and authenticated. */
  connect(): void;
  /** The socket lost its connection; it reconnects by itself unless the device is offline. */
  disconnect(): void;
  /** The server refused the handshake (PROTOCOL_MISMATCH, UNAUTHENTICATED with its reason, ...). */
  connectError(error: SessionRefusal): void;
  events(msg: EventsMessage): void;
  /** A vote's coalesced running tally (volatile: may be lost, `voteStatus` fills the gap). */
  tally(msg: TallyMessage): void;
  meetingsChanged(): void;
  /** One of this user's opinion forms changed: fetch the list again. */
  formsChanged(): void;
  /** The server ended this session; null when the message did not say why. */
  sessionEnded(reason: SessionEndReason | null): void;
  /** Where the presenter is now (volatile, coalesced; see docs/protocol.md §14). */
  presenterMoved(msg: PresenterMoved): void;
  /** An annotation change decided, not yet durable (volatile; docs/protocol.md §14). */
  preview(msg: AnnotationPreview): void;
}

export interface CommandRequest {
  id: string;
  meetingId: string | null;
  command: { type: string; payload: unknown };
}

export interface Transport {
  isConnected(): boolean;
  join(req: { meetingId: string; sinceRev: number | null }, ack: (res: JoinAck) => void): void;
  leave(meetingId: string): void;
  command(req: CommandRequest, ack: (res: CommandAck) => void): void;
  /** A vote's tally now, and the ballots this user has cast (own and by proxy). */
  voteStatus(req: { meetingId: string; voteId: string }, ack: (res: VoteStatusAck) => void): void;
  /** The presenter's position, sent volatile: a lost one is replaced by the next. */
  presenterMove(msg: { meetingId: string; documentId: string; page: number }): void;
  /** Listen to some of the callbacks; returns the function that stops listening. */
  subscribe(handlers: Partial<TransportHandlers>): () => void;
}

/** A list of handler sets that a transport calls in order. */
export class HandlerList {
  private sets = new Set<Partial<TransportHandlers>>();

  add(handlers: Partial<TransportHandlers>): () => void {
    this.sets.add(handlers);
    return () => {
      this.sets.delete(handlers);
    };
  }

  emit<K extends keyof TransportHandlers>(
    name: K,
    ...args: Parameters<TransportHandlers[K]>
  ): void {
    for (const set of [...this.sets]) {
      const fn = set[name] as ((...a: Parameters<TransportHandlers[K]>) => void) | undefined;
      fn?.(...args);
    }
  }
}
