// Who receives which of a batch's events: the one cut that both the durable `meeting:events`
// (socket.ts) and the volatile `annotation:preview` (preview.ts) follow, so that a private
// annotation reaches its author's sockets and no one else's on either path (core/visibility.ts).
import {
  audienceOf,
  canSee,
  roleIn,
  ROLES,
  type EventBody,
  type MeetingEvent,
} from '../../core/index.ts';
import type { MeetingLog } from '../meetings/meeting-log.ts';
import { meetingRoom, projectorRoom, roleRoom, userInMeetingRoom } from './io.ts';

/** One message to send: to the sockets of `room` but those in `except`, these events. */
export interface AudienceCut<E> {
  room: string;
  except: string[];
  events: E[];
}

/**
 * The cuts of `events` for the meeting's sockets: one broadcast when every event is for everyone;
 * else people named in an audience get their own cut, everyone else the cut for their role, and
 * the room's screen what is for everyone. A cut may be empty (the durable path still sends it, to
 * keep every socket's revision moving).
 */
export function audienceCuts<E extends EventBody>(log: MeetingLog, events: E[]): AudienceCut<E>[] {
  // audienceOf reads only the type and the payload
  const audiences = events.map((e) => audienceOf(e as unknown as MeetingEvent));
  if (audiences.every((a) => a.kind === 'all'))
    return [{ room: meetingRoom(log.id), except: [], events }];
  const cuts: AudienceCut<E>[] = [];
  const named = new Set(audiences.flatMap((a) => (a.kind === 'some' ? a.users : [])));
  const namedRooms = [...named].map((u) => userInMeetingRoom(log.id, u));
  for (const userId of named) {
    const role = roleIn(log.durable, { userId, globalRole: 'member' });
    const mine = events.filter((_, i) => canSee(audiences[i]!, userId, role));
    cuts.push({ room: userInMeetingRoom(log.id, userId), except: [], events: mine });
  }
  for (const role of ROLES) {
    const theirs = events.filter((_, i) => canSee(audiences[i]!, '', role));
    cuts.push({ room: roleRoom(log.id, role), except: namedRooms, events: theirs });
  }
  const shown = events.filter((_, i) => audiences[i]!.kind === 'all');
  cuts.push({ room: projectorRoom(log.id), except: [], events: shown });
  return cuts;
}
