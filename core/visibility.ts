// Who may see what. Every event goes only to its audience; a snapshot is cut to the viewer.
// Private annotations and personal notes reach their author's devices and nobody else's.
import { annotationVisibleTo } from './annotations.ts';
import type { Audience, MeetingEvent } from './events.ts';
import { minutesAudience, minutesView } from './minutes-rules.ts';
import type { Annotation, MeetingState, Role } from './model.ts';

const EVERYONE: Audience = { kind: 'all' };
const only = (userId: string): Audience => ({ kind: 'some', users: [userId], roles: [] });

export function audienceOf(event: MeetingEvent): Audience {
  const minutes = minutesAudience(event);
  if (minutes) return minutes;
  switch (event.type) {
    case 'annotation.created':
      return event.payload.annotation.shared ? EVERYONE : only(event.payload.annotation.author);
    case 'annotation.updated':
    case 'annotation.deleted':
    case 'annotation.reanchored':
      return event.payload.shared ? EVERYONE : only(event.payload.author);
    case 'note.saved':
      return only(event.payload.userId);
    default:
      return EVERYONE;
  }
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

/**
 * The state as this viewer may see it: their own annotations and notes and the shared ones, and
 * draft minutes only for organisers and the chair.
 */
export function viewFor(state: MeetingState, userId: string, role: Role | null): MeetingState {
  const base = minutesView(state, role);
  const annotations: Record<string, Annotation> = {};
  for (const [id, a] of Object.entries(state.annotations ?? {}))
    if (annotationVisibleTo(a, userId)) annotations[id] = a;
  const mine = state.notes?.[userId];
  return { ...base, annotations, notes: mine ? { [userId]: mine } : {} };
}
