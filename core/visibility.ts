// Who may see what. Every event goes only to its audience; a snapshot is cut to the viewer.
// Private annotations and personal notes reach their author's devices and nobody else's.
import { annotationVisibleTo } from './annotations.ts';
import type { Audience, MeetingEvent } from './events.ts';
import { minutesAudience, minutesView } from './minutes-rules.ts';
import type { Annotation, DocumentInfo, MeetingState, Role } from './model.ts';

const EVERYONE: Audience = { kind: 'all' };
const only = (userId: string): Audience => ({ kind: 'some', users: [userId], roles: [] });
/** Organisers see every document, every draft and every read receipt. */
const ORGANISER_ROLES: Role[] = ['admin', 'secretary'];

const isOrganiser = (role: Role | null): boolean => role !== null && ORGANISER_ROLES.includes(role);

/** A draft meeting is seen only by its organisers; once published, by every participant. */
export function canSeeMeeting(state: MeetingState, role: Role | null): boolean {
  return role !== null && (state.publishedAt !== null || isOrganiser(role));
}

/** Whether a participant sees a document: it is for everyone, names them, or they organise. */
export function canSeeDocument(doc: DocumentInfo, userId: string, role: Role | null): boolean {
  // (role null: the room's projector, which shows only what is for everyone)
  if (isOrganiser(role) || !doc.audience || doc.audience.kind === 'all') return true;
  return role !== null && doc.audience.users.includes(userId);
}

function documentAudience(doc: DocumentInfo): Audience {
  if (!doc.audience || doc.audience.kind === 'all') return EVERYONE;
  return { kind: 'some', users: doc.audience.users, roles: ORGANISER_ROLES };
}

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
    case 'document.added':
    case 'document.accessChanged':
      return documentAudience(event.payload.document);
    case 'document.replaced':
      return documentAudience(event.payload.current);
    case 'document.accessRevoked':
      return { kind: 'some', users: event.payload.userIds, roles: [] };
    case 'document.opened':
      // delegates do not see each other's receipts; the reader gets their own
      return { kind: 'some', users: [event.payload.userId], roles: ORGANISER_ROLES };
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
 * The state as this viewer may see it: their own annotations and notes and the shared ones (for
 * organisers too), draft minutes only for organisers and the chair, the documents meant for them,
 * and only their own read receipts (organisers see all documents and receipts).
 */
export function viewFor(state: MeetingState, userId: string, role: Role | null): MeetingState {
  const base = minutesView(state, role);
  const annotations: Record<string, Annotation> = {};
  for (const [id, a] of Object.entries(state.annotations ?? {}))
    if (annotationVisibleTo(a, userId)) annotations[id] = a;
  const mine = state.notes?.[userId];
  const personal = { ...base, annotations, notes: mine ? { [userId]: mine } : {} };
  if (isOrganiser(role)) return personal;
  const documents: MeetingState['documents'] = {};
  for (const [id, d] of Object.entries(state.documents))
    if (canSeeDocument(d, userId, role)) documents[id] = d;
  const readReceipts: MeetingState['readReceipts'] = {};
  for (const [id, byUser] of Object.entries(state.readReceipts ?? {})) {
    const at = byUser[userId];
    if (at !== undefined && documents[id]) readReceipts[id] = { [userId]: at };
  }
  // annotations on a document this viewer does not see go with it
  const visible: Record<string, Annotation> = {};
  for (const [id, a] of Object.entries(annotations)) if (documents[a.documentId]) visible[id] = a;
  return { ...personal, documents, readReceipts, annotations: visible };
}
