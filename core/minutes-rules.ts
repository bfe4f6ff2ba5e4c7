// The minutes (biên bản) as meeting commands: the secretary saves the text over the last version;
// a draft is seen by the organisers and the chair, final minutes by every participant.
// The draft's content is generated from the record in core/minutes.ts.
import { fail, ok, type DecideContext, type Decision } from './decision.ts';
import { assertNever } from './errors.ts';
import type { Audience, MeetingEvent } from './events.ts';
import type { MeetingMinutes, MeetingState, Role } from './model.ts';
import type { CommandOf } from './schemas.ts';

/** Who sees minutes that are not final yet. */
export const MINUTES_DRAFT_READERS: readonly Role[] = ['admin', 'secretary', 'chair'];

type MinutesEvent = Extract<MeetingEvent, { type: 'minutes.saved' | 'minutes.retracted' }>;

export function canReadMinutes(minutes: MeetingMinutes | null, role: Role | null): boolean {
  if (role === null) return false;
  return minutes?.final === true || MINUTES_DRAFT_READERS.includes(role);
}

export function decideMinutes(
  s: MeetingState,
  command: CommandOf<'minutes.save'>,
  ctx: DecideContext,
): Decision {
  const { baseVersion, ...fields } = command.payload;
  const current = s.minutes?.version ?? 0;
  if (baseVersion !== current)
    return fail(
      'CONFLICT',
      `Someone saved the minutes meanwhile (version ${current}, yours was based on ` +
        `${baseVersion}); reload them and make your changes again.`,
    );
  const ids = new Set<string>();
  for (const task of fields.tasks) {
    if (ids.has(task.id)) return fail('INVALID_PAYLOAD', 'Two follow-up tasks have the same id.');
    ids.add(task.id);
    if (task.ownerId !== null && !s.participants[task.ownerId])
      return fail('NOT_FOUND', `The owner of “${task.title}” is not a participant.`);
  }
  const minutes: MeetingMinutes = {
    ...fields,
    version: current + 1,
    savedAt: ctx.now,
    savedBy: ctx.actor.userId,
  };
  const saved = { type: 'minutes.saved' as const, payload: { minutes } };
  // final minutes made a draft again: those who may not read drafts drop what they had
  if (s.minutes?.final && !minutes.final)
    return ok({ type: 'minutes.retracted', payload: {} }, saved);
  return ok(saved);
}

export function applyMinutes(s: MeetingState, e: MinutesEvent): MeetingState {
  switch (e.type) {
    case 'minutes.saved':
      return { ...s, minutes: e.payload.minutes };
    case 'minutes.retracted':
      return { ...s, minutes: null };
    default:
      return assertNever(e);
  }
}

/** The audience of a minutes event; undefined for any other event. */
export function minutesAudience(e: MeetingEvent): Audience | undefined {
  if (e.type !== 'minutes.saved' || e.payload.minutes.final) return undefined;
  return { kind: 'some', users: [], roles: [...MINUTES_DRAFT_READERS] };
}

/** The state without draft minutes, for a viewer who may not read them. */
export function minutesView(s: MeetingState, role: Role | null): MeetingState {
  return s.minutes && !canReadMinutes(s.minutes, role) ? { ...s, minutes: null } : s;
}
