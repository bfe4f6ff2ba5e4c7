// Follow the presenter: the presenter's page moves travel as volatile, coalesced messages (never
// journaled: only the latest position matters, and a dropped one is replaced by the next). The
// server keeps the latest position in memory so a device that joins late lands on it.
import { z } from 'zod';
import { appError, PresenterMoveSchema, type PresenterMoved } from '../../core/index.ts';
import type { MeetingEvent } from '../../core/index.ts';
import type { MeetingLog } from '../meetings/meeting-log.ts';
import type { MeetingService } from '../meetings/service.ts';
import { meetingRoom, type IoServer, type IoSocket } from './io.ts';

/** At most one presenter position per meeting per this many ms goes out (the latest wins). */
export const PRESENTER_COALESCE_MS = 50;

export class PresenterRelay {
  readonly #io: IoServer;
  readonly #latest = new Map<string, PresenterMoved>();
  readonly #pending = new Map<string, NodeJS.Timeout>();

  constructor(io: IoServer) {
    this.#io = io;
  }

  /** The position a device joining now should jump to, if someone is presenting. */
  latest(meetingId: string): PresenterMoved | null {
    return this.#latest.get(meetingId) ?? null;
  }

  move(msg: PresenterMoved): void {
    this.#latest.set(msg.meetingId, msg);
    if (this.#pending.has(msg.meetingId)) return;
    this.#pending.set(
      msg.meetingId,
      setTimeout(() => {
        this.#pending.delete(msg.meetingId);
        const latest = this.#latest.get(msg.meetingId);
        if (latest)
          this.#io.to(meetingRoom(msg.meetingId)).volatile.emit('presenter:moved', latest);
      }, PRESENTER_COALESCE_MS).unref(),
    );
  }

  /** Presenting starts at the page given with the command, and stopping forgets the position. */
  follow(log: MeetingLog, events: MeetingEvent[]): void {
    for (const e of events) {
      if (e.type === 'presentation.started') {
        const p = e.payload.presentation;
        this.#latest.set(log.id, {
          meetingId: log.id,
          presenterId: p.presenterId,
          documentId: p.documentId,
          page: p.page,
        });
      } else if (e.type === 'presentation.stopped') {
        this.#latest.delete(log.id);
        clearTimeout(this.#pending.get(log.id));
        this.#pending.delete(log.id);
      }
    }
  }
}

export function registerPresenter(
  socket: IoSocket,
  meetings: () => MeetingService,
  relay: PresenterRelay,
): void {
  socket.on('presenter:move', (req, ack) => {
    const answer = typeof ack === 'function' ? ack : () => undefined;
    const parsed = PresenterMoveSchema.safeParse(req);
    if (!parsed.success)
      return answer({
        ok: false,
        error: appError('INVALID_PAYLOAD', z.prettifyError(parsed.error)),
      });
    const { meetingId, documentId, page } = parsed.data;
    const state = meetings().get(meetingId)?.durable;
    const me = socket.data.actor?.userId;
    if (!state || !socket.data.meetings.has(meetingId) || state.presentation?.presenterId !== me)
      return answer({
        ok: false,
        error: appError('FORBIDDEN', 'Only the current presenter can move the presentation.'),
      });
    const doc = state.documents[documentId];
    if (!doc || page > doc.pages)
      return answer({ ok: false, error: appError('NOT_FOUND', 'There is no such document page.') });
    relay.move({ meetingId, presenterId: me, documentId, page });
    answer({ ok: true });
  });
}
