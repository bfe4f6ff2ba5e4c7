// Who may see what. Every event goes only to its audience; a snapshot is cut to the viewer.
import type { Audience, MeetingEvent } from './events.ts';
import { minutesAudience, minutesView } from './minutes-rules.ts';
import type { MeetingState, Role } from './model.ts';

const EVERYONE: Audience = { kind: 'all' };

export function audienceOf(event: MeetingEvent): Audience {
  // Everything in this release is meeting-wide, but draft minutes (organisers and the chair).
  return minutesAudience(event) ?? EVERYONE;
}

export function canSee(audience: Audience, userId: string, role: Role | null): boolean {
  if (audience.kind === 'all') return true;
  return audience.users.includes(userId) || (role !== null && audience.roles.includes(role));
}

export function eventsFor(
  events: MeetingEvent[],
  userId: string,
  role: Role | null,
): MeetingEvent[] {
  return events.filter((e) => canSee(audienceOf(e), userId, role));
}

/** The state as this viewer may see it. */
export function viewFor(state: MeetingState, _userId: string, role: Role | null): MeetingState {
  return minutesView(state, role);
}
