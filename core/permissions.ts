// Who may do what in a meeting. One table, so the rules can be read (and tested) in one place.
import type { CommandType } from './schemas.ts';
import { ROLES, type Actor, type MeetingState, type Role } from './model.ts';

const ORGANISERS: readonly Role[] = ['admin', 'secretary'];
const RUNNERS: readonly Role[] = ['admin', 'secretary', 'chair'];
const MEMBERS: readonly Role[] = ['chair', 'delegate'];
const ALL_BUT_OBSERVERS: readonly Role[] = ['admin', 'secretary', 'chair', 'delegate'];

/** Roles allowed to issue each command. `attendance.set` has a self-service rule on top. */
export const COMMAND_ROLES: Record<Exclude<CommandType, 'meeting.create'>, readonly Role[]> = {
  'meeting.update': ORGANISERS,
  'meeting.setStatus': RUNNERS,
  'participant.add': ORGANISERS,
  'participant.setRole': ORGANISERS,
  'participant.remove': ORGANISERS,
  'agenda.add': ORGANISERS,
  'agenda.update': ORGANISERS,
  'agenda.move': ORGANISERS,
  'agenda.remove': ORGANISERS,
  'agenda.setCurrent': RUNNERS,
  'attendance.set': RUNNERS,
  'document.add': ORGANISERS,
  'document.remove': ORGANISERS,
  // server-made when a document is replaced (core/reanchor.ts)
  'annotation.reanchor': ORGANISERS,
  // a delegate acts for themselves; the rule files check that (organisers act for anyone)
  'proxy.grant': ALL_BUT_OBSERVERS,
  'proxy.revoke': ALL_BUT_OBSERVERS,
  'speaker.register': MEMBERS,
  'speaker.withdraw': ALL_BUT_OBSERVERS,
  'speaker.reorder': RUNNERS,
  'speaker.giveFloor': RUNNERS,
  'speaker.endSpeech': ALL_BUT_OBSERVERS,
  'vote.create': RUNNERS,
  'vote.open': RUNNERS,
  'vote.close': RUNNERS,
  'vote.cast': MEMBERS,
  // one's own annotations and notes; observers only read
  'annotation.create': ALL_BUT_OBSERVERS,
  'annotation.update': ALL_BUT_OBSERVERS,
  'annotation.delete': ALL_BUT_OBSERVERS,
  'annotation.share': ALL_BUT_OBSERVERS,
  'note.save': ALL_BUT_OBSERVERS,
  'presentation.start': RUNNERS,
  'presentation.stop': ALL_BUT_OBSERVERS, // runners, or the presenter (core/annotations.ts)
  'minutes.save': ORGANISERS,
  'meeting.publish': ORGANISERS,
  'document.setAccess': ORGANISERS,
  'document.replace': ORGANISERS,
  'document.opened': ROLES,
};

/** The actor's role in this meeting; a global admin is an admin everywhere. */
export function roleIn(state: MeetingState, actor: Actor): Role | null {
  if (actor.globalRole === 'admin') return 'admin';
  return state.participants[actor.userId]?.role ?? null;
}

export function canCreateMeeting(actor: Actor): boolean {
  return actor.globalRole === 'admin' || actor.globalRole === 'secretary';
}

export function canRunMeeting(role: Role | null): boolean {
  return role !== null && RUNNERS.includes(role);
}

export function canOrganise(role: Role | null): boolean {
  return role !== null && ORGANISERS.includes(role);
}
