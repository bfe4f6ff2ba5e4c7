// decide(state, command, ctx): validate a command against the state and the actor's role,
// and say which events it produces. Pure: ids, time and account names come in through ctx.
import { childIds, subtreeIds } from './agenda.ts';
import { decideAnnotation, isPersonalCommand } from './annotations.ts';
import { fail, ok, type DecideContext, type Decision } from './decision.ts';
import { assertNever } from './errors.ts';
import type { MeetingState, MeetingStatus, Role } from './model.ts';
import { canCreateMeeting, COMMAND_ROLES, roleIn } from './permissions.ts';
import { anyVoteOpen, decideProxy } from './proxies.ts';
import type { Command } from './schemas.ts';
import { decideMinutes } from './minutes-rules.ts';
import { decidePublish, documentWithDefaults } from './publish.ts';
import { decideSpeaker } from './speakers.ts';
import { canSeeMeeting } from './visibility.ts';
import { decideVote } from './voting.ts';
import { decideReanchor } from './reanchor.ts';

export type { DecideContext, Decision } from './decision.ts';

export const MAX_AGENDA_ITEMS = 500;
export const MAX_AGENDA_DEPTH = 4;

/** Why a chair, delegate or observer cannot open a meeting yet. */
export const DRAFT_MESSAGE =
  'This meeting is still a draft; it opens to participants once the secretary publishes it.';

const STATUS_MOVES: Record<MeetingStatus, readonly MeetingStatus[]> = {
  scheduled: ['in_progress', 'closed'],
  in_progress: ['paused', 'closed'],
  paused: ['in_progress', 'closed'],
  closed: [],
};

export function decide(state: MeetingState | null, command: Command, ctx: DecideContext): Decision {
  if (command.type === 'meeting.create') {
    if (state !== null) return fail('CONFLICT', 'This meeting already exists.');
    if (!canCreateMeeting(ctx.actor))
      return fail('FORBIDDEN', 'Only a secretary or an administrator can create meetings.');
    const p = command.payload;
    return ok({
      type: 'meeting.created',
      payload: {
        meeting: { id: ctx.newId(), ...p, createdAt: ctx.now, createdBy: ctx.actor.userId },
        creator: {
          userId: ctx.actor.userId,
          displayName: ctx.accountName(ctx.actor.userId) ?? ctx.actor.userId,
          role: 'secretary',
        },
      },
    });
  }
  if (state === null) return fail('NOT_FOUND', 'There is no such meeting.');
  const role = roleIn(state, ctx.actor);
  if (role === null) return fail('FORBIDDEN', 'You are not a participant of this meeting.');
  if (!canSeeMeeting(state, role)) return fail('FORBIDDEN', DRAFT_MESSAGE);
  const allowed = COMMAND_ROLES[command.type];
  const selfCheckIn =
    command.type === 'attendance.set' &&
    state.selfCheckIn &&
    command.payload.userId === ctx.actor.userId &&
    role !== 'observer';
  if (!allowed.includes(role) && !selfCheckIn) {
    return fail(
      'FORBIDDEN',
      `Your role (${role}) cannot do this; it needs one of: ${allowed.join(', ')}.`,
    );
  }
  // the minutes are written after the meeting too, one's own private annotations and notes are
  // not the record, and reading the record is still a read worth its receipt; nothing else of a
  // closed meeting changes
  if (
    state.status === 'closed' &&
    command.type !== 'meeting.update' &&
    command.type !== 'minutes.save' &&
    command.type !== 'document.opened' &&
    !isPersonalCommand(command.type)
  ) {
    return fail('CONFLICT', 'The meeting is closed; its record can no longer change.');
  }
  return decideInMeeting(state, command, ctx, role);
}

function decideInMeeting(
  s: MeetingState,
  command: Exclude<Command, { type: 'meeting.create' }>,
  ctx: DecideContext,
  role: Role,
): Decision {
  switch (command.type) {
    case 'meeting.update': {
      const changes = changed(s, command.payload);
      return Object.keys(changes).length ? ok({ type: 'meeting.updated', payload: changes }) : ok();
    }
    case 'meeting.setStatus': {
      const to = command.payload.status;
      if (to === s.status) return ok();
      if (!STATUS_MOVES[s.status].includes(to))
        return fail('CONFLICT', `A meeting that is ${s.status} cannot become ${to}.`);
      if (to === 'closed' && anyVoteOpen(s))
        return fail('CONFLICT', 'A vote is still open; close it before ending the meeting.');
      return ok({ type: 'meeting.statusChanged', payload: { status: to } });
    }
    case 'participant.add': {
      const { userId, role: newRole } = command.payload;
      if (s.participants[userId]) return fail('CONFLICT', 'This person is already a participant.');
      const displayName = ctx.accountName(userId);
      if (displayName === null)
        return fail('NOT_FOUND', 'There is no active account with this id.');
      return ok({
        type: 'participant.added',
        payload: { participant: { userId, displayName, role: newRole } },
      });
    }
    case 'participant.setRole': {
      const { userId, role: newRole } = command.payload;
      const p = s.participants[userId];
      if (!p) return fail('NOT_FOUND', 'This person is not a participant.');
      if (p.role === newRole) return ok();
      if (isLastOrganiser(s, userId) && !['admin', 'secretary'].includes(newRole))
        return fail('CONFLICT', 'The meeting must keep at least one secretary or administrator.');
      return ok({ type: 'participant.roleChanged', payload: { userId, role: newRole } });
    }
    case 'participant.remove': {
      const { userId } = command.payload;
      if (!s.participants[userId]) return fail('NOT_FOUND', 'This person is not a participant.');
      if (isLastOrganiser(s, userId))
        return fail('CONFLICT', 'The meeting must keep at least one secretary or administrator.');
      return ok({ type: 'participant.removed', payload: { userId } });
    }
    case 'agenda.add': {
      const { parentId, index, ...fields } = command.payload;
      if (Object.keys(s.agenda.items).length >= MAX_AGENDA_ITEMS)
        return fail('CONFLICT', `An agenda holds at most ${MAX_AGENDA_ITEMS} items.`);
      if (parentId !== null && !s.agenda.items[parentId])
        return fail('NOT_FOUND', 'The parent agenda item does not exist.');
      if (depthOf(s, parentId) >= MAX_AGENDA_DEPTH)
        return fail('CONFLICT', `Agenda items nest at most ${MAX_AGENDA_DEPTH} levels deep.`);
      const siblings = childIds(s.agenda, parentId).length;
      return ok({
        type: 'agenda.itemAdded',
        payload: {
          item: { id: ctx.newId(), parentId, ...fields },
          index: Math.min(index ?? siblings, siblings),
        },
      });
    }
    case 'agenda.update': {
      const { itemId, ...fields } = command.payload;
      const item = s.agenda.items[itemId];
      if (!item) return fail('NOT_FOUND', 'This agenda item does not exist.');
      const changes = changed(item, fields);
      if (Object.keys(changes).length === 0) return ok();
      return ok({ type: 'agenda.itemUpdated', payload: { itemId, ...changes } });
    }
    case 'agenda.move': {
      const { itemId, parentId, index } = command.payload;
      if (!s.agenda.items[itemId]) return fail('NOT_FOUND', 'This agenda item does not exist.');
      if (parentId !== null && !s.agenda.items[parentId])
        return fail('NOT_FOUND', 'The new parent agenda item does not exist.');
      if (parentId !== null && subtreeIds(s.agenda, itemId).includes(parentId))
        return fail('CONFLICT', 'An agenda item cannot be moved inside itself.');
      if (depthOf(s, parentId) + heightOf(s, itemId) > MAX_AGENDA_DEPTH)
        return fail('CONFLICT', `Agenda items nest at most ${MAX_AGENDA_DEPTH} levels deep.`);
      const siblings = childIds(s.agenda, parentId).filter((x) => x !== itemId);
      const to = Math.min(index, siblings.length);
      const item = s.agenda.items[itemId];
      if (item?.parentId === parentId && childIds(s.agenda, parentId).indexOf(itemId) === to)
        return ok();
      return ok({ type: 'agenda.itemMoved', payload: { itemId, parentId, index: to } });
    }
    case 'agenda.remove': {
      if (!s.agenda.items[command.payload.itemId])
        return fail('NOT_FOUND', 'This agenda item does not exist.');
      return ok({ type: 'agenda.itemRemoved', payload: command.payload });
    }
    case 'agenda.setCurrent': {
      const { itemId } = command.payload;
      if (itemId !== null && !s.agenda.items[itemId])
        return fail('NOT_FOUND', 'This agenda item does not exist.');
      if (itemId === s.currentItemId) return ok();
      return ok({ type: 'agenda.currentChanged', payload: { itemId } });
    }
    case 'attendance.set': {
      const { userId, status, reason } = command.payload;
      if (!s.participants[userId]) return fail('NOT_FOUND', 'This person is not a participant.');
      return ok({
        type: 'attendance.changed',
        payload: {
          userId,
          status,
          reason: status === 'absent' ? reason : '',
          at: ctx.now,
          by: ctx.actor.userId,
        },
      });
    }
    case 'document.add': {
      if (!s.agenda.items[command.payload.itemId])
        return fail('NOT_FOUND', 'This agenda item does not exist.');
      const { audience = { kind: 'all' }, label = '' } = command.payload;
      if (audience.kind === 'some' && audience.users.some((u) => !s.participants[u]))
        return fail('NOT_FOUND', 'The document is shared with someone who is not a participant.');
      return ok({
        type: 'document.added',
        payload: {
          document: documentWithDefaults({
            id: ctx.newId(),
            ...command.payload,
            uploadedBy: ctx.actor.userId,
            uploadedAt: ctx.now,
            audience:
              audience.kind === 'some'
                ? { kind: 'some', users: [...new Set(audience.users)].sort() }
                : audience,
            label,
            versions: [],
          }),
        },
      });
    }
    case 'annotation.reanchor':
      return decideReanchor(s, command);
    case 'document.remove': {
      if (!s.documents[command.payload.documentId])
        return fail('NOT_FOUND', 'This document does not exist.');
      return ok({ type: 'document.removed', payload: command.payload });
    }
    case 'proxy.grant':
    case 'proxy.revoke':
      return decideProxy(s, command, ctx, role);
    case 'speaker.register':
    case 'speaker.withdraw':
    case 'speaker.reorder':
    case 'speaker.giveFloor':
    case 'speaker.endSpeech':
      return decideSpeaker(s, command, ctx, role);
    case 'vote.create':
    case 'vote.open':
    case 'vote.close':
    case 'vote.cast':
      return decideVote(s, command, ctx);
    case 'annotation.create':
    case 'annotation.update':
    case 'annotation.delete':
    case 'annotation.share':
    case 'note.save':
    case 'presentation.start':
    case 'presentation.stop':
      return decideAnnotation(s, command, ctx, role);
    case 'minutes.save':
      return decideMinutes(s, command, ctx);
    case 'meeting.publish':
    case 'document.setAccess':
    case 'document.replace':
    case 'document.opened':
      return decidePublish(s, command, ctx, role);
    default:
      void role;
      return assertNever(command);
  }
}

function depthOf(s: MeetingState, itemId: string | null): number {
  let depth = 0;
  for (let id = itemId; id !== null; id = s.agenda.items[id]?.parentId ?? null) depth++;
  return depth;
}

/** How many levels an item and its descendants take up (1 for a leaf). */
function heightOf(s: MeetingState, itemId: string): number {
  const kids = childIds(s.agenda, itemId);
  return 1 + (kids.length ? Math.max(...kids.map((k) => heightOf(s, k))) : 0);
}

/** The fields of `next` whose values differ from `current`'s. */
function changed<T extends object>(current: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== undefined && JSON.stringify(next[key]) !== JSON.stringify(current[key])) {
      out[key] = next[key];
    }
  }
  return out;
}

function isLastOrganiser(s: MeetingState, userId: string): boolean {
  const organisers = Object.values(s.participants).filter(
    (p) => p.role === 'admin' || p.role === 'secretary',
  );
  return organisers.length === 1 && organisers[0]?.userId === userId;
}
