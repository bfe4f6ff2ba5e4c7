// The speakers list: delegates register to speak (or to interpellate someone) on the current item;
// the chair orders the queue, gives the floor and ends speeches; history is kept for the minutes.
import { fail, ok, type DecideContext, type Decision } from './decision.ts';
import { assertNever } from './errors.ts';
import type { MeetingEvent } from './events.ts';
import type { MeetingState, Role } from './model.ts';
import { canRunMeeting } from './permissions.ts';
import type { CommandOf } from './schemas.ts';

export const MAX_QUEUE = 500;

type SpeakerCommand = CommandOf<
  | 'speaker.register'
  | 'speaker.withdraw'
  | 'speaker.reorder'
  | 'speaker.giveFloor'
  | 'speaker.endSpeech'
>;

type SpeakerEvent = Extract<
  MeetingEvent,
  {
    type:
      | 'speaker.registered'
      | 'speaker.withdrawn'
      | 'speaker.reordered'
      | 'speaker.floorGiven'
      | 'speaker.speechEnded';
  }
>;

export function decideSpeaker(
  s: MeetingState,
  command: SpeakerCommand,
  ctx: DecideContext,
  role: Role,
): Decision {
  const { queue, current } = s.speakers;
  const me = ctx.actor.userId;
  switch (command.type) {
    case 'speaker.register': {
      const itemId = s.currentItemId;
      if (itemId === null) return fail('CONFLICT', 'No agenda item is under discussion.');
      const { kind, addressedTo } = command.payload;
      if (kind === 'interpellation' && !addressedTo)
        return fail('INVALID_PAYLOAD', 'Say whom the interpellation is addressed to.');
      if (queue.some((e) => e.userId === me && e.itemId === itemId))
        return fail('CONFLICT', 'You are already on the speakers list for this item.');
      if (queue.length >= MAX_QUEUE)
        return fail('CONFLICT', `The speakers list holds at most ${MAX_QUEUE} entries.`);
      const entry = {
        id: ctx.newId(),
        userId: me,
        itemId,
        kind,
        addressedTo: kind === 'interpellation' ? addressedTo : '',
        registeredAt: ctx.now,
      };
      return ok({ type: 'speaker.registered', payload: { entry } });
    }
    case 'speaker.withdraw': {
      const entry = queue.find((e) => e.id === command.payload.entryId);
      if (!entry) return fail('NOT_FOUND', 'This entry is not on the speakers list.');
      if (entry.userId !== me && !canRunMeeting(role))
        return fail('FORBIDDEN', 'Only the chair or the secretary can withdraw someone else.');
      return ok({ type: 'speaker.withdrawn', payload: { entryId: entry.id } });
    }
    case 'speaker.reorder': {
      const ids = command.payload.entryIds;
      const waiting = new Set(queue.map((e) => e.id));
      if (ids.length !== queue.length || new Set(ids).size !== ids.length)
        return fail('CONFLICT', 'The new order must list every waiting entry exactly once.');
      if (!ids.every((id) => waiting.has(id)))
        return fail('CONFLICT', 'The list changed meanwhile; reorder the current list.');
      if (ids.every((id, i) => queue[i]?.id === id)) return ok();
      return ok({ type: 'speaker.reordered', payload: { entryIds: ids } });
    }
    case 'speaker.giveFloor': {
      const entry = queue.find((e) => e.id === command.payload.entryId);
      if (!entry) return fail('NOT_FOUND', 'This entry is not on the speakers list.');
      if (s.status !== 'in_progress')
        return fail('CONFLICT', 'The floor is given only while the meeting is in progress.');
      const floor = {
        type: 'speaker.floorGiven' as const,
        payload: { entry, startedAt: ctx.now, limitSec: s.speakingLimitSec },
      };
      if (!current) return ok(floor);
      return ok(
        { type: 'speaker.speechEnded', payload: { entryId: current.id, endedAt: ctx.now } },
        floor,
      );
    }
    case 'speaker.endSpeech': {
      if (!current) return ok();
      if (current.userId !== me && !canRunMeeting(role))
        return fail('FORBIDDEN', 'Only the chair, the secretary or the speaker ends a speech.');
      return ok({
        type: 'speaker.speechEnded',
        payload: { entryId: current.id, endedAt: ctx.now },
      });
    }
    default:
      return assertNever(command);
  }
}

export function applySpeaker(s: MeetingState, e: SpeakerEvent): MeetingState {
  const sp = s.speakers;
  switch (e.type) {
    case 'speaker.registered':
      return { ...s, speakers: { ...sp, queue: [...sp.queue, e.payload.entry] } };
    case 'speaker.withdrawn':
      return {
        ...s,
        speakers: { ...sp, queue: sp.queue.filter((x) => x.id !== e.payload.entryId) },
      };
    case 'speaker.reordered': {
      const byId = new Map(sp.queue.map((x) => [x.id, x]));
      const queue = e.payload.entryIds.flatMap((id) => byId.get(id) ?? []);
      return { ...s, speakers: { ...sp, queue } };
    }
    case 'speaker.floorGiven': {
      const { entry, startedAt, limitSec } = e.payload;
      const queue = sp.queue.filter((x) => x.id !== entry.id);
      return { ...s, speakers: { ...sp, queue, current: { ...entry, startedAt, limitSec } } };
    }
    case 'speaker.speechEnded': {
      if (!sp.current || sp.current.id !== e.payload.entryId) return s;
      const { limitSec: _limit, ...spoken } = sp.current;
      const history = [...sp.history, { ...spoken, endedAt: e.payload.endedAt }];
      return { ...s, speakers: { ...sp, current: null, history } };
    }
    default:
      return assertNever(e);
  }
}
