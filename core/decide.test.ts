import { describe, expect, it } from 'vitest';
import { flattenAgenda, neighbourItem } from './agenda.ts';
import { decide } from './decide.ts';
import { ClientCommandSchema } from './schemas.ts';
import {
  chair,
  ctxFor,
  delegate,
  globalAdmin,
  observer,
  outsider,
  run,
  sampleMeeting,
  secretary,
} from './test-support.ts';

describe('meetings', () => {
  it('a secretary creates a meeting and becomes its secretary', () => {
    const s = sampleMeeting();
    expect(s.id).toBe('m1');
    expect(s.participants.sec).toEqual({
      userId: 'sec',
      displayName: 'Nguyễn Thị Thu Hà',
      role: 'secretary',
    });
    expect(s.status).toBe('scheduled');
  });

  it('a plain member cannot create a meeting', () => {
    const d = decide(
      null,
      {
        type: 'meeting.create',
        payload: {
          title: 'X',
          description: '',
          location: '',
          startsAt: '2026-12-03T08:00:00+07:00',
          quorum: { kind: 'count', value: 1 },
          selfCheckIn: false,
        },
      },
      ctxFor(delegate),
    );
    expect(d).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('status moves scheduled → in progress → paused → in progress → closed, and no other way', () => {
    let s = sampleMeeting();
    const to = (status: 'scheduled' | 'in_progress' | 'paused' | 'closed') =>
      decide(s, { type: 'meeting.setStatus', payload: { status } }, ctxFor(chair));
    expect(to('paused')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    s = run(s, { type: 'meeting.setStatus', payload: { status: 'in_progress' } }, chair).state;
    expect(to('in_progress')).toEqual({ ok: true, events: [] });
    s = run(s, { type: 'meeting.setStatus', payload: { status: 'paused' } }, chair).state;
    s = run(s, { type: 'meeting.setStatus', payload: { status: 'in_progress' } }, chair).state;
    s = run(s, { type: 'meeting.setStatus', payload: { status: 'closed' } }, chair).state;
    expect(s.status).toBe('closed');
    expect(to('in_progress')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // a closed meeting's record no longer changes
    expect(
      decide(s, { type: 'agenda.setCurrent', payload: { itemId: 'A' } }, ctxFor(chair)),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('roles', () => {
  const s = sampleMeeting();
  const chairCommands = [
    { type: 'agenda.setCurrent', payload: { itemId: 'A' } },
    { type: 'meeting.setStatus', payload: { status: 'in_progress' } },
    { type: 'attendance.set', payload: { userId: 'del2', status: 'present', reason: '' } },
  ] as const;

  it.each(chairCommands)(
    'a delegate and an observer are refused $type; the chair and secretary may',
    (command) => {
      for (const actor of [delegate, observer]) {
        const d = decide(s, command, ctxFor(actor));
        expect(d.ok).toBe(false);
        if (!d.ok) {
          expect(d.error.code).toBe('FORBIDDEN');
          expect(d.error.message).toMatch(/role/);
        }
      }
      for (const actor of [chair, secretary, globalAdmin])
        expect(decide(s, command, ctxFor(actor)).ok).toBe(true);
    },
  );

  it('someone outside the meeting can do nothing in it', () => {
    const d = decide(s, { type: 'agenda.setCurrent', payload: { itemId: 'A' } }, ctxFor(outsider));
    expect(d).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('only organisers edit the agenda and participants', () => {
    const cmds = [
      {
        type: 'agenda.add',
        payload: {
          parentId: null,
          title: 'Mới',
          description: '',
          presenter: '',
          durationMin: null,
        },
      },
      { type: 'participant.add', payload: { userId: 'out', role: 'delegate' } },
    ] as const;
    for (const c of cmds) {
      expect(decide(s, c, ctxFor(chair)).ok).toBe(false);
      expect(decide(s, c, ctxFor(secretary)).ok).toBe(true);
    }
  });

  it('a delegate checks themselves in only when self check-in is on, and never someone else', () => {
    const self = {
      type: 'attendance.set',
      payload: { userId: 'del1', status: 'present', reason: '' },
    } as const;
    expect(decide(s, self, ctxFor(delegate)).ok).toBe(false);
    const open = run(
      s,
      { type: 'meeting.update', payload: { selfCheckIn: true } },
      secretary,
    ).state;
    expect(decide(open, self, ctxFor(delegate)).ok).toBe(true);
    expect(
      decide(open, { ...self, payload: { ...self.payload, userId: 'del2' } }, ctxFor(delegate)).ok,
    ).toBe(false);
    expect(
      decide(open, { ...self, payload: { ...self.payload, userId: 'obs' } }, ctxFor(observer)).ok,
    ).toBe(false);
  });

  it('the meeting keeps at least one secretary', () => {
    expect(
      decide(s, { type: 'participant.remove', payload: { userId: 'sec' } }, ctxFor(secretary)),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      decide(
        s,
        { type: 'participant.setRole', payload: { userId: 'sec', role: 'delegate' } },
        ctxFor(globalAdmin),
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('adding someone who has no account, or is already in, is refused', () => {
    expect(
      decide(
        s,
        { type: 'participant.add', payload: { userId: 'ghost', role: 'delegate' } },
        ctxFor(secretary),
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      decide(
        s,
        { type: 'participant.add', payload: { userId: 'del1', role: 'delegate' } },
        ctxFor(secretary),
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('agenda', () => {
  it('keeps nesting and order, numbered as people read it', () => {
    const s = sampleMeeting();
    expect(flattenAgenda(s.agenda).map((e) => `${e.number} ${e.item.title}`)).toEqual([
      '1 A',
      '2 B',
      '2.1 B.1',
      '2.2 B.2',
      '3 C',
    ]);
  });

  it('moves an item to another parent and position', () => {
    let s = sampleMeeting();
    s = run(
      s,
      { type: 'agenda.move', payload: { itemId: 'C', parentId: 'B', index: 0 } },
      secretary,
    ).state;
    expect(flattenAgenda(s.agenda).map((e) => `${e.number} ${e.item.title}`)).toEqual([
      '1 A',
      '2 B',
      '2.1 C',
      '2.2 B.1',
      '2.3 B.2',
    ]);
    s = run(
      s,
      { type: 'agenda.move', payload: { itemId: 'A', parentId: null, index: 99 } },
      secretary,
    ).state;
    expect(flattenAgenda(s.agenda).map((e) => e.item.title)).toEqual(['B', 'C', 'B.1', 'B.2', 'A']);
  });

  it('refuses to move an item inside itself', () => {
    const s = sampleMeeting();
    const d = decide(
      s,
      { type: 'agenda.move', payload: { itemId: 'B', parentId: 'B1', index: 0 } },
      ctxFor(secretary),
    );
    expect(d).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('removing an item removes its children, their documents, and clears it as current', () => {
    let s = sampleMeeting();
    s = run(
      s,
      {
        type: 'document.add',
        payload: { itemId: 'B1', name: 'Tờ trình.pdf', sha256: 'a'.repeat(64), size: 10, pages: 1 },
      },
      secretary,
      () => 'd1',
    ).state;
    s = run(s, { type: 'agenda.setCurrent', payload: { itemId: 'B2' } }, chair).state;
    s = run(s, { type: 'agenda.remove', payload: { itemId: 'B' } }, secretary).state;
    expect(Object.keys(s.agenda.items).sort()).toEqual(['A', 'C']);
    expect(s.documents).toEqual({});
    expect(s.currentItemId).toBeNull();
  });

  it('next and previous walk the agenda in reading order', () => {
    const s = sampleMeeting();
    expect(neighbourItem(s.agenda, null, 1)).toBe('A');
    expect(neighbourItem(s.agenda, 'B', 1)).toBe('B1');
    expect(neighbourItem(s.agenda, 'B2', 1)).toBe('C');
    expect(neighbourItem(s.agenda, 'B1', -1)).toBe('B');
    expect(neighbourItem(s.agenda, 'C', 1)).toBeNull();
  });

  it('setting the current item to the one already current changes nothing', () => {
    let s = sampleMeeting();
    s = run(s, { type: 'agenda.setCurrent', payload: { itemId: 'A' } }, chair).state;
    expect(
      decide(s, { type: 'agenda.setCurrent', payload: { itemId: 'A' } }, ctxFor(chair)),
    ).toEqual({ ok: true, events: [] });
    expect(
      decide(s, { type: 'agenda.setCurrent', payload: { itemId: 'nope' } }, ctxFor(chair)),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('attendance', () => {
  it('records present, online and absent with a reason; the reason only for absence', () => {
    let s = sampleMeeting();
    s = run(
      s,
      {
        type: 'attendance.set',
        payload: { userId: 'del1', status: 'absent', reason: 'Đi công tác' },
      },
      secretary,
    ).state;
    expect(s.attendance.del1).toMatchObject({ status: 'absent', reason: 'Đi công tác', by: 'sec' });
    s = run(
      s,
      { type: 'attendance.set', payload: { userId: 'del1', status: 'online', reason: 'ignored' } },
      chair,
    ).state;
    expect(s.attendance.del1).toMatchObject({ status: 'online', reason: '', by: 'chair' });
  });

  it('refuses someone who is not a participant', () => {
    const d = decide(
      sampleMeeting(),
      { type: 'attendance.set', payload: { userId: 'out', status: 'present', reason: '' } },
      ctxFor(chair),
    );
    expect(d).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('command schemas', () => {
  it('fill defaults and refuse unknown fields, bad ids and empty titles', () => {
    const ok = ClientCommandSchema.safeParse({
      type: 'agenda.add',
      payload: { title: 'Khai mạc' },
    });
    expect(ok.success && ok.data.payload).toMatchObject({
      parentId: null,
      description: '',
      durationMin: null,
    });
    for (const bad of [
      { type: 'agenda.add', payload: { title: '' } },
      { type: 'agenda.add', payload: { title: 'x', extra: 1 } },
      { type: 'agenda.setCurrent', payload: { itemId: '../etc' } },
      { type: 'attendance.set', payload: { userId: 'a', status: 'sleeping' } },
      {
        type: 'document.add',
        payload: { itemId: 'a', name: 'x', sha256: 'a'.repeat(64), size: 1, pages: 1 },
      },
      { type: 'nope', payload: {} },
      null,
    ]) {
      expect(ClientCommandSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('changes that change nothing', () => {
  it('make no event: same title, same position, empty update', () => {
    const s = sampleMeeting();
    const c = ctxFor(secretary);
    expect(decide(s, { type: 'meeting.update', payload: {} }, c)).toEqual({ ok: true, events: [] });
    expect(decide(s, { type: 'meeting.update', payload: { title: s.title } }, c)).toEqual({
      ok: true,
      events: [],
    });
    expect(decide(s, { type: 'agenda.update', payload: { itemId: 'A', title: 'A' } }, c)).toEqual({
      ok: true,
      events: [],
    });
    expect(
      decide(s, { type: 'agenda.move', payload: { itemId: 'B1', parentId: 'B', index: 0 } }, c),
    ).toEqual({ ok: true, events: [] });
    expect(
      decide(s, { type: 'agenda.update', payload: { itemId: 'A', title: 'A mới' } }, c),
    ).toMatchObject({
      ok: true,
      events: [{ type: 'agenda.itemUpdated', payload: { itemId: 'A', title: 'A mới' } }],
    });
  });

  it('moving keeps the nesting limit', () => {
    let s = sampleMeeting();
    const add = (parentId: string, id: string) =>
      (s = run(
        s,
        {
          type: 'agenda.add',
          payload: { parentId, title: id, description: '', presenter: '', durationMin: null },
        },
        secretary,
        () => id,
      ).state);
    add('B1', 'L3');
    add('L3', 'L4'); // B > B1 > L3 > L4: four levels
    const d = decide(
      s,
      { type: 'agenda.move', payload: { itemId: 'B', parentId: 'A', index: 0 } },
      ctxFor(secretary),
    );
    expect(d).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
