// The foundation's acceptance: a real server, several real socket.io clients, what each one sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apply,
  MAX_CATCH_UP_EVENTS,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
} from '../core/index.ts';
import { fuzzCases } from './testing/fuzz.ts';
import {
  api,
  commandId,
  connect,
  createMeeting,
  expectOk,
  login,
  sleep,
  startTestServer,
  until,
  type MeetingFixture,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

/** Every participant of the meeting connected and joined, the chair first. */
async function joinAll(m: MeetingFixture): Promise<{ clients: TestClient[]; rev: number }> {
  const people = [m.chair, m.secretary, ...m.delegates, m.observer];
  const clients = await Promise.all(people.map((p) => t.connect(p.token)));
  let rev = -1;
  for (const c of clients) {
    const ack = await c.join(m.meetingId);
    if (!ack.ok) throw new Error(ack.error.message);
    rev = ack.rev;
  }
  return { clients, rev };
}

function setCurrent(itemId: string | null): ClientCommand {
  return { type: 'agenda.setCurrent', payload: { itemId } };
}

function attendance(userId: string, status: 'present' | 'online' | 'absent'): ClientCommand {
  return { type: 'attendance.set', payload: { userId, status, reason: '' } };
}

describe('a chair command', () => {
  it('reaches every client in the meeting with its revision', async () => {
    const m = await createMeeting(t, { delegates: 3, items: 3 });
    const { clients, rev: before } = await joinAll(m);
    const chair = clients[0]!;
    expect(clients.length).toBeGreaterThanOrEqual(6);

    const ack1 = await chair.command(m.meetingId, setCurrent(m.itemIds[1]!));
    expect(ack1).toEqual({ ok: true, rev: before + 1, meetingId: m.meetingId });
    const ack2 = await chair.command(m.meetingId, {
      type: 'meeting.setStatus',
      payload: { status: 'in_progress' },
    });
    expect(ack2).toEqual({ ok: true, rev: before + 2, meetingId: m.meetingId });

    for (const c of clients) {
      await until(() => c.events.length >= 2, 'both events on every client');
      expect(c.batches.map((b) => [b.fromRev, b.rev])).toEqual([
        [before, before + 1],
        [before + 1, before + 2],
      ]);
      expect(c.events.map((e) => [e.rev, e.type, e.payload])).toEqual([
        [before + 1, 'agenda.currentChanged', { itemId: m.itemIds[1] }],
        [before + 2, 'meeting.statusChanged', { status: 'in_progress' }],
      ]);
      expect(c.events.every((e) => e.actor === m.chair.id)).toBe(true);
    }
    const fresh = await clients[2]!.snapshot(m.meetingId);
    expect(fresh.currentItemId).toBe(m.itemIds[1]);
    expect(fresh.status).toBe('in_progress');
    expect(fresh.rev).toBe(before + 2);
  });
});

describe('catching up after being offline', () => {
  it('gives a client exactly the events it missed, in order', async () => {
    const m = await createMeeting(t, { delegates: 2, items: 4 });
    const chair = await t.connect(m.chair.token);
    const delegate = await t.connect(m.delegates[0]!.token);
    const first = await delegate.join(m.meetingId);
    if (!first.ok || first.mode !== 'snapshot') throw new Error('expected a snapshot');
    const seen = first.snapshot;
    delegate.close();

    const commands: ClientCommand[] = [
      setCurrent(m.itemIds[0]!),
      { type: 'meeting.setStatus', payload: { status: 'in_progress' } },
      attendance(m.delegates[0]!.id, 'present'),
      setCurrent(m.itemIds[1]!),
      attendance(m.delegates[1]!.id, 'online'),
      { type: 'meeting.setStatus', payload: { status: 'paused' } },
      setCurrent(m.itemIds[3]!),
    ];
    const revs: number[] = [];
    for (const c of commands) revs.push((await expectOk(chair.command(m.meetingId, c))).rev);
    expect(revs).toEqual(commands.map((_, i) => seen.rev + i + 1));

    const back = await t.connect(m.delegates[0]!.token);
    const ack = await back.join(m.meetingId, seen.rev);
    if (!ack.ok || ack.mode !== 'events')
      throw new Error(`expected events: ${JSON.stringify(ack)}`);
    expect(ack.rev).toBe(seen.rev + 7);
    expect(ack.events.map((e) => e.rev)).toEqual(revs);
    expect(ack.events.map((e) => e.type)).toEqual([
      'agenda.currentChanged',
      'meeting.statusChanged',
      'attendance.changed',
      'agenda.currentChanged',
      'attendance.changed',
      'meeting.statusChanged',
      'agenda.currentChanged',
    ]);
    // the events bring the old copy to exactly what a fresh join shows
    const caughtUp = ack.events.reduce(apply, seen);
    expect(caughtUp).toEqual(await back.snapshot(m.meetingId));
    expect(caughtUp.currentItemId).toBe(m.itemIds[3]);
    expect(caughtUp.status).toBe('paused');
  });

  it('gives a snapshot to a client with no revision, or one ahead of the server', async () => {
    const m = await createMeeting(t);
    const c = await t.connect(m.observer.token);
    const none = await c.join(m.meetingId, null);
    if (!none.ok || none.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(none.snapshot.rev).toBe(none.rev);
    expect(none.snapshot.participants[m.observer.id]?.role).toBe('observer');
    expect(none.snapshot.agenda.children['']).toEqual(m.itemIds);

    // a copy from a restored backup of some other server: only a snapshot is safe
    const ahead = await c.join(m.meetingId, none.rev + 5);
    expect(ahead.ok && ahead.mode).toBe('snapshot');
    const current = await c.join(m.meetingId, none.rev);
    expect(current).toEqual({
      ok: true,
      mode: 'events',
      meetingId: m.meetingId,
      rev: none.rev,
      events: [],
    });
  });

  it('gives a snapshot to a client further behind than the kept window', async () => {
    const m = await createMeeting(t, { delegates: 1 });
    const chair = await t.connect(m.chair.token);
    const old = await chair.join(m.meetingId);
    if (!old.ok) throw new Error('join');
    chair.close();
    const sender = await t.connect(m.chair.token);
    const total = MAX_CATCH_UP_EVENTS + 10;
    const delegate = m.delegates[0]!.id;
    for (let sent = 0; sent < total; sent += 500) {
      const chunk = Array.from({ length: Math.min(500, total - sent) }, (_, i) =>
        sender.command(m.meetingId, attendance(delegate, (sent + i) % 2 ? 'present' : 'online')),
      );
      const acks = await Promise.all(chunk);
      expect(acks.every((a) => a.ok)).toBe(true);
    }

    const back = await t.connect(m.chair.token);
    const far = await back.join(m.meetingId, old.rev);
    if (!far.ok || far.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(far.rev).toBe(old.rev + total);
    expect(far.snapshot.rev).toBe(far.rev);
    expect(far.snapshot.attendance[delegate]?.status).toBe((total - 1) % 2 ? 'present' : 'online');

    // one just inside the window still gets events
    const near = await back.join(m.meetingId, far.rev - 10);
    expect(near.ok && near.mode === 'events' && near.events.map((e) => e.rev)).toEqual(
      Array.from({ length: 10 }, (_, i) => far.rev - 9 + i),
    );
  });
});

describe('a retried command', () => {
  it('is applied once, whichever way it is retried', async () => {
    const m = await createMeeting(t, { items: 1 });
    const secretary1 = await t.connect(m.secretary.token);
    // the same person on a second device, with a session of its own
    const secretary2 = await t.connect(
      await login(t.url, m.secretary.username, m.secretary.password),
    );
    const watcher = await t.connect(m.observer.token);
    const joined = await watcher.join(m.meetingId);
    if (!joined.ok) throw new Error('join');
    const add = (title: string): ClientCommand => ({
      type: 'agenda.add',
      payload: { parentId: null, title, description: '', presenter: '', durationMin: null },
    });

    const cases: [string, (id: string, cmd: ClientCommand) => Promise<CommandAck[]>][] = [
      [
        'twice at once on one socket',
        (id, cmd) =>
          Promise.all([
            secretary1.command(m.meetingId, cmd, id),
            secretary1.command(m.meetingId, cmd, id),
          ]),
      ],
      [
        'again after the first ack',
        async (id, cmd) => {
          const first = await secretary1.command(m.meetingId, cmd, id);
          return [first, await secretary1.command(m.meetingId, cmd, id)];
        },
      ],
      [
        'by two sockets of the same person at once',
        (id, cmd) =>
          Promise.all([
            secretary1.command(m.meetingId, cmd, id),
            secretary2.command(m.meetingId, cmd, id),
            secretary2.command(m.meetingId, cmd, id),
          ]),
      ],
    ];
    let rev = joined.rev;
    for (const [how, send] of cases) {
      const title = `Mục bổ sung (${how})`;
      const acks = await send(commandId(), add(title));
      rev++;
      for (const ack of acks) expect(ack, how).toEqual({ ok: true, rev, meetingId: m.meetingId });
      await until(() => watcher.events.some((e) => e.rev === rev), `event ${rev}`);
    }
    // a last, different command: once it is seen, nothing else can still be on its way
    const last = await expectOk(secretary1.command(m.meetingId, add('Mục cuối')));
    expect(last.rev).toBe(rev + 1);
    await until(() => watcher.events.some((e) => e.rev === last.rev), 'the last event');

    expect(watcher.events.map((e) => e.rev)).toEqual([rev - 2, rev - 1, rev, rev + 1]);
    const titles = Object.values((await watcher.snapshot(m.meetingId)).agenda.items).map(
      (i) => i.title,
    );
    for (const [how] of cases) {
      expect(titles.filter((x) => x === `Mục bổ sung (${how})`)).toHaveLength(1);
    }
  });

  it('is answered with the same revision and applies once for attendance too', async () => {
    const m = await createMeeting(t);
    const chair = await t.connect(m.chair.token);
    const id = commandId();
    const cmd = attendance(m.delegates[0]!.id, 'absent');
    const a = await chair.command(m.meetingId, cmd, id);
    await chair.command(m.meetingId, attendance(m.delegates[0]!.id, 'present'));
    // a late retry of the first must not undo the newer change
    const b = await chair.command(m.meetingId, cmd, id);
    expect(a.ok && b.ok && b.rev).toBe(a.ok && a.rev);
    const snap = await chair.snapshot(m.meetingId);
    expect(snap.attendance[m.delegates[0]!.id]?.status).toBe('present');
  });
});

describe('permissions', () => {
  const chairCommands = (m: MeetingFixture): ClientCommand[] => [
    setCurrent(m.itemIds[1]!),
    { type: 'meeting.setStatus', payload: { status: 'in_progress' } },
    { type: 'participant.add', payload: { userId: m.outsider.id, role: 'delegate' } },
  ];

  for (const who of ['delegate', 'observer'] as const) {
    it(`refuses a ${who} the chair's commands and changes nothing`, async () => {
      const m = await createMeeting(t);
      const person = who === 'delegate' ? m.delegates[0]! : m.observer;
      const client = await t.connect(person.token);
      const watcher = await t.connect(m.secretary.token);
      const before = await watcher.snapshot(m.meetingId);
      for (const cmd of chairCommands(m)) {
        const ack = await client.command(m.meetingId, cmd);
        expect(ack.ok, cmd.type).toBe(false);
        if (ack.ok) continue;
        expect(ack.error.code).toBe('FORBIDDEN');
        expect(ack.error.message).toMatch(new RegExp(who));
      }
      // a real change afterwards: the only event the watcher ever gets
      const ok = await expectOk(
        (await t.connect(m.chair.token)).command(m.meetingId, attendance(person.id, 'present')),
      );
      await until(() => watcher.events.length > 0, 'the chair’s event');
      expect(watcher.events.map((e) => e.rev)).toEqual([ok.rev]);
      expect(ok.rev).toBe(before.rev + 1);
      const after = await watcher.snapshot(m.meetingId);
      expect({ ...after, rev: before.rev, attendance: {} }).toEqual(before);
    });
  }

  it('does not let a non-participant join, command or hear anything', async () => {
    const m = await createMeeting(t);
    const outsider = await t.connect(m.outsider.token);
    const join = await outsider.join(m.meetingId);
    expect(join.ok).toBe(false);
    if (!join.ok) {
      expect(join.error.code).toBe('FORBIDDEN');
      expect(join.error.message).toMatch(/participant/);
    }
    const cmd = await outsider.command(m.meetingId, setCurrent(m.itemIds[0]!));
    expect(!cmd.ok && cmd.error.code).toBe('FORBIDDEN');

    const delegate = await t.connect(m.delegates[0]!.token);
    await delegate.join(m.meetingId);
    const chair = await t.connect(m.chair.token);
    await expectOk(chair.command(m.meetingId, setCurrent(m.itemIds[2]!)));
    await until(() => delegate.events.length === 1, 'the delegate’s event');
    await sleep(100);
    expect(outsider.batches).toEqual([]);
    const res = await api<{ meetings: unknown[] }>(t.url, '/api/meetings', {
      token: m.outsider.token,
    });
    expect(res.json.meetings).toEqual([]);
  });
});

describe('connecting', () => {
  it('tells an old app to update', async () => {
    const err = await connect(t.url, t.admin.token, 0).then(
      () => null,
      (e: Error & { data?: { code: string; message: string } }) => e,
    );
    expect(err?.message).toBe('PROTOCOL_MISMATCH');
    expect(err?.data?.code).toBe('PROTOCOL_MISMATCH');
    expect(err?.data?.message).toMatch(/update/i);
  });

  it('refuses a bad token', async () => {
    for (const token of ['', 'not-a-token', 'x'.repeat(500)]) {
      const err = await connect(t.url, token).then(
        () => null,
        (e: Error & { data?: { code: string; message: string } }) => e,
      );
      expect(err?.message, token).toBe('UNAUTHENTICATED');
      expect(err?.data?.message).toMatch(/log in/);
    }
  });
});

describe('malformed and oversized messages', () => {
  it('answers 1,000 of them with an error and changes nothing', async () => {
    const m = await createMeeting(t, { items: 3 });
    const fuzzer = await t.connect(m.secretary.token);
    const before = await fuzzer.snapshot(m.meetingId);
    const meetingsBefore = t.server.meetings.all().length;
    const cases = fuzzCases(20260309, 1000, {
      meetingId: m.meetingId,
      itemIds: m.itemIds,
      delegateId: m.delegates[0]!.id,
      outsiderId: m.outsider.id,
    });
    expect(cases).toHaveLength(1000);
    expect(new Set(cases.map((c) => c.event))).toEqual(
      new Set(['meeting:join', 'meeting:leave', 'command']),
    );

    const failures: string[] = [];
    for (let i = 0; i < cases.length; i += 50) {
      const chunk = cases.slice(i, i + 50);
      const acks = await Promise.all(chunk.map((c) => fuzzer.raw(c.event, c.payload)));
      acks.forEach((ack, j) => {
        const c = chunk[j]!;
        const good =
          !ack.ok &&
          ['INVALID_PAYLOAD', 'PAYLOAD_TOO_LARGE'].includes(ack.error.code) &&
          typeof ack.error.message === 'string' &&
          ack.error.message.length > 0;
        if (!good)
          failures.push(`#${i + j} ${c.event} ${c.label}: ${JSON.stringify(ack).slice(0, 300)}`);
      });
    }
    expect(failures).toEqual([]);
    expect(fuzzer.socket.connected).toBe(true);
    expect(fuzzer.batches).toEqual([]);
    expect(Object.keys(Object.prototype)).toEqual([]);

    // still serving: a new login, a new connection, the same meeting
    const fresh = await t.connect(await login(t.url, m.chair.username, m.chair.password));
    const after: MeetingState = await fresh.snapshot(m.meetingId);
    expect(after).toEqual(before);
    expect(t.server.meetings.all()).toHaveLength(meetingsBefore);
  });
});

describe('membership and sessions', () => {
  it('tells a person when they are added to a meeting', async () => {
    const m = await createMeeting(t);
    const outsider = await t.connect(m.outsider.token);
    const secretary = await t.connect(m.secretary.token);
    await expectOk(
      secretary.command(m.meetingId, {
        type: 'participant.add',
        payload: { userId: m.outsider.id, role: 'delegate' },
      }),
    );
    await until(() => outsider.meetingsChanged === 1, 'meetings:changed');
    const join = await outsider.join(m.meetingId);
    expect(join.ok).toBe(true);
    const list = await api<{ meetings: { id: string; role: string }[] }>(t.url, '/api/meetings', {
      token: m.outsider.token,
    });
    expect(list.json.meetings).toEqual([
      expect.objectContaining({ id: m.meetingId, role: 'delegate' }),
    ]);
  });

  it('ends the socket session at logout, and only that session', async () => {
    const m = await createMeeting(t);
    const d = m.delegates[0]!;
    const token = await login(t.url, d.username, d.password);
    const phone = await t.connect(token);
    const laptop = await t.connect(d.token);
    await phone.join(m.meetingId);
    const out = await api(t.url, '/api/logout', { method: 'POST', token });
    expect(out.status).toBe(204);
    await until(() => phone.sessionEnded.length === 1, 'session:ended');
    expect(phone.sessionEnded[0]?.code).toBe('UNAUTHENTICATED');
    await until(() => !phone.socket.connected, 'the socket to close');
    expect(laptop.socket.connected).toBe(true);
    expect(laptop.sessionEnded).toEqual([]);
    expect((await laptop.join(m.meetingId)).ok).toBe(true);
  });
});
