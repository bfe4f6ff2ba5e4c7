// Annotations, personal notes and presenting: what a delegate does with the meeting's documents.
// The conflict rule (docs/protocol.md §14): the server applies changes in the order it receives
// them; each change replaces only the fields it carries (colour, text, page, shape), so a move on
// one device and a text edit on another both survive, and of two edits of the same field the one
// the server received last wins on every device. A deleted annotation stays deleted: later
// changes to it are refused with NOT_FOUND.
import { fail, ok, type DecideContext, type Decision } from './decision.ts';
import { assertNever } from './errors.ts';
import type { AnnotationChanges, MeetingEvent } from './events.ts';
import type { Annotation, MeetingState, Role } from './model.ts';
import { canRunMeeting } from './permissions.ts';
import { ANNOTATION_LIMITS, type CommandOf } from './schemas.ts';

type AnnotationCommand = CommandOf<
  | 'annotation.create'
  | 'annotation.update'
  | 'annotation.delete'
  | 'annotation.share'
  | 'note.save'
  | 'presentation.start'
  | 'presentation.stop'
>;

type AnnotationEvent = Extract<
  MeetingEvent,
  {
    type:
      | 'annotation.created'
      | 'annotation.updated'
      | 'annotation.deleted'
      | 'annotation.shared'
      | 'annotation.unshared'
      | 'annotation.reanchored'
      | 'note.saved'
      | 'presentation.started'
      | 'presentation.stopped';
  }
>;

/** Commands that touch only one's own private things, so they stay allowed once a meeting closed. */
export function isPersonalCommand(type: string): boolean {
  return (
    type === 'annotation.create' ||
    type === 'annotation.update' ||
    type === 'annotation.delete' ||
    type === 'note.save'
  );
}

const RESTRICTED =
  'This document is shared with some participants only: annotations on it stay private.';

/** A document only some participants see: sharing an annotation on it would reach the others. */
function restricted(s: MeetingState, documentId: string): boolean {
  return s.documents[documentId]?.audience?.kind === 'some';
}

function countOf(s: MeetingState, author: string): number {
  let n = 0;
  for (const a of Object.values(s.annotations)) if (a.author === author) n++;
  return n;
}

function owned(s: MeetingState, id: string, me: string): Annotation | string {
  const a = s.annotations[id];
  // someone else's private annotation is answered exactly like a missing one: no existence leak
  if (!a || (a.author !== me && !a.shared)) return 'This annotation does not exist (any more).';
  if (a.author !== me) return 'Only its author can change an annotation.';
  return a;
}

export function decideAnnotation(
  s: MeetingState,
  command: AnnotationCommand,
  ctx: DecideContext,
  role: Role,
): Decision {
  const me = ctx.actor.userId;
  switch (command.type) {
    case 'annotation.create': {
      const { annotationId, documentId, page, color, text, shape, shared } = command.payload;
      if (s.annotations[annotationId])
        return fail('CONFLICT', 'An annotation with this id exists already.');
      const doc = s.documents[documentId];
      if (!doc) return fail('NOT_FOUND', 'This document does not exist (any more).');
      if (page > doc.pages) return fail('INVALID_PAYLOAD', `The document has ${doc.pages} pages.`);
      if (shared && s.status === 'closed')
        return fail('CONFLICT', 'The meeting is closed: annotations can no longer be shared.');
      if (shared && restricted(s, documentId)) return fail('CONFLICT', RESTRICTED);
      if (countOf(s, me) >= ANNOTATION_LIMITS.perUser)
        return fail(
          'CONFLICT',
          `One person may keep at most ${ANNOTATION_LIMITS.perUser} annotations in a meeting.`,
        );
      const annotation: Annotation = {
        id: annotationId,
        documentId,
        sha256: doc.sha256,
        page,
        author: me,
        shared,
        color,
        text,
        shape,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        version: 1,
      };
      return ok({ type: 'annotation.created', payload: { annotation } });
    }
    case 'annotation.update': {
      const { annotationId, ...fields } = command.payload;
      const a = owned(s, annotationId, me);
      if (typeof a === 'string') return fail(a.startsWith('Only') ? 'FORBIDDEN' : 'NOT_FOUND', a);
      if (fields.shape && fields.shape.kind !== a.shape.kind)
        return fail('INVALID_PAYLOAD', `A ${a.shape.kind} cannot become a ${fields.shape.kind}.`);
      const doc = s.documents[a.documentId];
      if (fields.page !== undefined && doc && fields.page > doc.pages)
        return fail('INVALID_PAYLOAD', `The document has ${doc.pages} pages.`);
      const changes: AnnotationChanges = {};
      if (fields.color !== undefined && fields.color !== a.color) changes.color = fields.color;
      if (fields.text !== undefined && fields.text !== a.text) changes.text = fields.text;
      if (fields.page !== undefined && fields.page !== a.page) changes.page = fields.page;
      if (fields.shape && JSON.stringify(fields.shape) !== JSON.stringify(a.shape))
        changes.shape = fields.shape;
      if (Object.keys(changes).length === 0) return ok();
      return ok({
        type: 'annotation.updated',
        payload: {
          annotationId,
          author: me,
          shared: a.shared,
          changes,
          updatedAt: ctx.now,
          version: a.version + 1,
        },
      });
    }
    case 'annotation.delete': {
      const a = owned(s, command.payload.annotationId, me);
      if (typeof a === 'string') return fail(a.startsWith('Only') ? 'FORBIDDEN' : 'NOT_FOUND', a);
      return ok({
        type: 'annotation.deleted',
        payload: { annotationId: a.id, author: me, shared: a.shared },
      });
    }
    case 'annotation.share': {
      const { annotationId, shared } = command.payload;
      const a = owned(s, annotationId, me);
      if (typeof a === 'string') return fail(a.startsWith('Only') ? 'FORBIDDEN' : 'NOT_FOUND', a);
      if (a.shared === shared) return ok();
      if (shared && restricted(s, a.documentId)) return fail('CONFLICT', RESTRICTED);
      const version = a.version + 1;
      return shared
        ? ok({
            type: 'annotation.shared',
            payload: { annotation: { ...a, shared: true, updatedAt: ctx.now, version } },
          })
        : ok({
            type: 'annotation.unshared',
            payload: { annotationId, author: me, updatedAt: ctx.now, version },
          });
    }
    case 'note.save': {
      const { itemId, text } = command.payload;
      if (!s.agenda.items[itemId]) return fail('NOT_FOUND', 'This agenda item does not exist.');
      if ((s.notes[me]?.[itemId]?.text ?? '') === text) return ok();
      return ok({ type: 'note.saved', payload: { userId: me, itemId, text, updatedAt: ctx.now } });
    }
    case 'presentation.start': {
      const { documentId, page } = command.payload;
      const presenterId = command.payload.presenterId ?? me;
      const doc = s.documents[documentId];
      if (!doc) return fail('NOT_FOUND', 'This document does not exist (any more).');
      if (page > doc.pages) return fail('INVALID_PAYLOAD', `The document has ${doc.pages} pages.`);
      const presenter = s.participants[presenterId];
      if (!presenter && presenterId !== me)
        return fail('NOT_FOUND', 'The presenter is not a participant of this meeting.');
      if (presenter?.role === 'observer') return fail('CONFLICT', 'An observer cannot present.');
      return ok({
        type: 'presentation.started',
        payload: { presentation: { presenterId, documentId, page, startedAt: ctx.now } },
      });
    }
    case 'presentation.stop': {
      if (!s.presentation) return ok();
      if (!canRunMeeting(role) && s.presentation.presenterId !== me)
        return fail('FORBIDDEN', 'Only the chair or the presenter can stop presenting.');
      return ok({ type: 'presentation.stopped', payload: {} });
    }
    default:
      return assertNever(command);
  }
}

export function applyAnnotation(s: MeetingState, e: AnnotationEvent): MeetingState {
  switch (e.type) {
    case 'annotation.created':
    case 'annotation.shared':
      return {
        ...s,
        annotations: { ...s.annotations, [e.payload.annotation.id]: e.payload.annotation },
      };
    case 'annotation.updated': {
      const a = s.annotations[e.payload.annotationId];
      if (!a) return s;
      const { changes, updatedAt, version } = e.payload;
      return {
        ...s,
        annotations: { ...s.annotations, [a.id]: { ...a, ...changes, updatedAt, version } },
      };
    }
    case 'annotation.deleted': {
      if (!s.annotations[e.payload.annotationId]) return s;
      const annotations = { ...s.annotations };
      delete annotations[e.payload.annotationId];
      return { ...s, annotations };
    }
    case 'annotation.unshared': {
      const a = s.annotations[e.payload.annotationId];
      if (!a) return s;
      const { updatedAt, version } = e.payload;
      // every copy marks it private; a copy that is not the author's drops it (see visibleTo)
      return {
        ...s,
        annotations: { ...s.annotations, [a.id]: { ...a, shared: false, updatedAt, version } },
      };
    }
    case 'annotation.reanchored': {
      const a = s.annotations[e.payload.annotationId];
      if (!a) return s;
      const { sha256, page, shape, version } = e.payload;
      return {
        ...s,
        annotations: { ...s.annotations, [a.id]: { ...a, sha256, page, shape, version } },
      };
    }
    case 'note.saved': {
      const { userId, itemId, text, updatedAt } = e.payload;
      return {
        ...s,
        notes: { ...s.notes, [userId]: { ...s.notes[userId], [itemId]: { text, updatedAt } } },
      };
    }
    case 'presentation.started':
      return { ...s, presentation: e.payload.presentation };
    case 'presentation.stopped':
      return { ...s, presentation: null };
    default:
      return assertNever(e);
  }
}

/** May this user see this annotation? Its author, or anyone once it is shared. */
export function annotationVisibleTo(a: Annotation, userId: string): boolean {
  return a.shared || a.author === userId;
}
