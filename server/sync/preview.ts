// `annotation:preview`: an annotation change sent, volatile, the moment it is decided, to exactly
// those its durable event will reach (but the sending socket), while the journal write is still on
// its way. Not a promise: no revision, may be lost; the `meeting:events` that follows is the truth
// (docs/protocol.md §14).
import {
  audienceOf,
  canSee,
  roleIn,
  ROLES,
  type AnnotationPreview,
  type EventBody,
  type MeetingEvent,
  type PreviewEvent,
} from '../../core/index.ts';
import type { MeetingLog } from '../meetings/meeting-log.ts';
import { meetingRoom, projectorRoom, roleRoom, userInMeetingRoom, type IoServer } from './io.ts';

const PREVIEWED: ReadonlySet<string> = new Set([
  'annotation.created',
  'annotation.updated',
  'annotation.deleted',
]);

const isPreviewed = (e: EventBody): e is PreviewEvent => PREVIEWED.has(e.type);

/**
 * Sends the decided events to the meeting's sockets, each receiving only what it may see: the same
 * cut as deliverEvents (socket.ts), except that nobody is sent an empty message and the socket that
 * sent the command is left out (it shows its own change already).
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
  const msg = (evs: PreviewEvent[]): AnnotationPreview => ({ meetingId: log.id, events: evs });
  // audienceOf reads only the type and the payload
  const audiences = events.map((e) => audienceOf(e as MeetingEvent));
  if (audiences.every((a) => a.kind === 'all')) {
    // one broadcast: encoded once for every socket of the room
    io.to(meetingRoom(log.id)).except(except).volatile.emit('annotation:preview', msg(events));
    return;
  }
  const named = new Set(audiences.flatMap((a) => (a.kind === 'some' ? a.users : [])));
  const namedRooms = [...named].map((u) => userInMeetingRoom(log.id, u));
  for (const userId of named) {
    const role = roleIn(log.durable, { userId, globalRole: 'member' });
    const mine = events.filter((_, i) => canSee(audiences[i]!, userId, role));
    if (mine.length)
      io.to(userInMeetingRoom(log.id, userId))
        .except(except)
        .volatile.emit('annotation:preview', msg(mine));
  }
  for (const role of ROLES) {
    const theirs = events.filter((_, i) => canSee(audiences[i]!, '', role));
    if (theirs.length)
      io.to(roleRoom(log.id, role))
        .except([...namedRooms, ...except])
        .volatile.emit('annotation:preview', msg(theirs));
  }
  const shown = events.filter((_, i) => audiences[i]!.kind === 'all');
  if (shown.length)
    io.to(projectorRoom(log.id)).except(except).volatile.emit('annotation:preview', msg(shown));
}
