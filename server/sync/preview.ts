// `annotation:preview`: an annotation change sent, volatile, the moment it is decided, to exactly
// those its durable event will reach (but the sending socket), while the journal write is still on
// its way. Not a promise: no revision, may be lost; the `meeting:events` that follows is the truth
// (docs/protocol.md §14).
import type { EventBody, PreviewEvent } from '../../core/index.ts';
import type { MeetingLog } from '../meetings/meeting-log.ts';
import { audienceCuts } from './audience.ts';
import type { IoServer } from './io.ts';

const PREVIEWED: ReadonlySet<string> = new Set([
  'annotation.created',
  'annotation.updated',
  'annotation.deleted',
]);

const isPreviewed = (e: EventBody): e is PreviewEvent => PREVIEWED.has(e.type);

/**
 * Sends the decided events to the meeting's sockets, each receiving only what it may see (the cut
 * of audience.ts, as the durable events), except that nobody is sent an empty message and the
 * socket that sent the command is left out (it shows its own change already).
 */
export function sendPreview(
  io: IoServer,
  log: MeetingLog,
  bodies: EventBody[],
  fromSocketId?: string,
): void {
  const events = bodies.filter(isPreviewed);
  if (events.length === 0) return;
  const except = fromSocketId ? [fromSocketId] : [];
  for (const cut of audienceCuts(log, events))
    if (cut.events.length)
      io.to(cut.room)
        .except([...cut.except, ...except])
        .volatile.emit('annotation:preview', { meetingId: log.id, events: cut.events });
}
