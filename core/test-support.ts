// Builds meetings for core tests by running real commands through decide/apply.
import { apply, emptyMeeting } from './apply.ts';
import { decide, type DecideContext } from './decide.ts';
import type { MeetingEvent } from './events.ts';
import type { Actor, MeetingState } from './model.ts';
import type { Command } from './schemas.ts';
import { EMPTY_TALLY } from './tally.ts';

export const secretary: Actor = { userId: 'sec', globalRole: 'secretary' };
export const chair: Actor = { userId: 'chair', globalRole: 'member' };
export const delegate: Actor = { userId: 'del1', globalRole: 'member' };
export const observer: Actor = { userId: 'obs', globalRole: 'member' };
export const outsider: Actor = { userId: 'out', globalRole: 'member' };
export const globalAdmin: Actor = { userId: 'root', globalRole: 'admin' };

const NAMES: Record<string, string> = {
  sec: 'Nguyễn Thị Thu Hà',
  chair: 'Trần Văn Hùng',
  del1: 'Đặng Minh Châu',
  del2: 'Lê Thị Ánh',
  obs: 'Phạm Quan Sát',
  out: 'Người Ngoài',
  root: 'Quản trị',
};

export function ctxFor(actor: Actor): DecideContext {
  let n = 0;
  return {
    actor,
    now: '2026-12-03T01:00:00.000Z',
    newId: () => `id${++n}`,
    accountName: (id) => NAMES[id] ?? null,
    tally: () => EMPTY_TALLY,
  };
}

/** Runs a command; throws when refused. Returns the new state and the stamped events. */
export function run(
  state: MeetingState | null,
  command: Command,
  actor: Actor,
  ids?: () => string,
): { state: MeetingState; events: MeetingEvent[] } {
  const ctx = ctxFor(actor);
  if (ids) ctx.newId = ids;
  const d = decide(state, command, ctx);
  if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code} ${d.error.message}`);
  let s = state ?? emptyMeeting();
  const events = d.events.map(
    (body, i) =>
      ({ ...body, rev: s.rev + i + 1, at: ctx.now, actor: actor.userId }) as MeetingEvent,
  );
  for (const e of events) s = apply(s, e);
  return { state: s, events };
}

let counter = 0;
const uniqueIds = () => `x${++counter}`;

/**
 * A published meeting with a secretary, a chair, two delegates, an observer and items A, B (B.1,
 * B.2), C; `draft` leaves it unpublished (only its organisers see it).
 */
export function sampleMeeting(opts: { draft?: boolean } = {}): MeetingState {
  let s = run(
    null,
    {
      type: 'meeting.create',
      payload: {
        title: 'Phiên họp thường kỳ',
        description: '',
        location: 'Phòng họp 1',
        startsAt: '2026-12-03T08:00:00+07:00',
        quorum: { kind: 'fraction', value: 0.5 },
        selfCheckIn: false,
      },
    },
    secretary,
    () => 'm1',
  ).state;
  for (const [userId, role] of [
    ['chair', 'chair'],
    ['del1', 'delegate'],
    ['del2', 'delegate'],
    ['obs', 'observer'],
  ] as const) {
    s = run(s, { type: 'participant.add', payload: { userId, role } }, secretary).state;
  }
  const add = (title: string, parentId: string | null, id: string) =>
    (s = run(
      s,
      {
        type: 'agenda.add',
        payload: { parentId, title, description: '', presenter: '', durationMin: null },
      },
      secretary,
      () => id,
    ).state);
  add('A', null, 'A');
  add('B', null, 'B');
  add('B.1', 'B', 'B1');
  add('B.2', 'B', 'B2');
  add('C', null, 'C');
  void uniqueIds;
  if (!opts.draft) s = run(s, { type: 'meeting.publish', payload: {} }, secretary).state;
  return s;
}
