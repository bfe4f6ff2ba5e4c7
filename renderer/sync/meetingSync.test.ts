import { beforeEach, describe, expect, it } from 'vitest';
import {
  emptyMeeting,
  type AgendaItem,
  type CommandAck,
  type EventsMessage,
  type MeetingEvent,
  type MeetingState,
} from '../../core/index.ts';
import { FakeTransport } from './fakeTransport.ts';
import { MeetingSync } from './meetingSync.ts';

const M = 'm1';

function item(id: string): AgendaItem {
  return {
    id,
    parentId: null,
    title: `Item ${id}`,
    description: '',
    presenter: '',
    durationMin: null,
  };
}

function snapshot(rev: number): MeetingState {
  return {
    ...emptyMeeting(),
    id: M,
    title: 'Họp thường kỳ',
    rev,
    agenda: {
      items: { a: item('a'), b: item('b'), c: item('c') },
      children: { '': ['a', 'b', 'c'] },
    },
  };
}

function current(rev: number, itemId: string | null): MeetingEvent {
  return {
    type: 'agenda.currentChanged',
    payload: { itemId },
    rev,
    at: '2026-03-09T01:00:00Z',
    actor: 'chutoa',
  };
}

function batch(fromRev: number, ...events: MeetingEvent[]): EventsMessage {
  return { meetingId: M, fromRev, rev: events.at(-1)?.rev ?? fromRev, events };
}

let transport: FakeTransport;
let sync: MeetingSync;
let ids: number;

beforeEach(() => {
  transport = new FakeTransport();
  ids = 0;
  sync = new MeetingSync(transport, M, { newId: () => `cmd-${String(++ids).padStart(4, '0')}` });
});

/** Start, connect and answer the first join with a snapshot at `rev`. */
function joinLive(rev = 5): void {
  sync.start();
  transport.connect();
  transport
    .lastJoin()
    .ack({ ok: true, mode: 'snapshot', meetingId: M, rev, snapshot: snapshot(rev) });
}

describe('MeetingSync joining', () => {
  it('is connecting until the socket connects, catching up until the join answer, then live', () => {
    sync.start();
    expect(sync.getSnapshot().status).toBe('connecting');
    transport.connect();
    expect(sync.getSnapshot().status).toBe('catching_up');
    expect(transport.lastJoin().req).toEqual({ meetingId: M, sinceRev: null });
    transport
      .lastJoin()
      .ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 5, snapshot: snapshot(5) });
    const view = sync.getSnapshot();
    expect(view.status).toBe('live');
    expect(view.rev).toBe(5);
    expect(view.meeting?.title).toBe('Họp thường kỳ');
  });

  it('joins at once when the socket is already connected', () => {
    transport.connected = true;
    sync.start();
    expect(transport.joins).toHaveLength(1);
    expect(sync.getSnapshot().status).toBe('catching_up');
  });

  it('keeps a failed join as an error', () => {
    sync.start();
    transport.connect();
    transport.lastJoin().ack({ ok: false, error: { code: 'FORBIDDEN', message: 'not yours' } });
    expect(sync.getSnapshot().error?.code).toBe('FORBIDDEN');
    expect(sync.getSnapshot().meeting).toBeNull();
  });

  it('notifies subscribers on change', () => {
    let calls = 0;
    sync.subscribe(() => calls++);
    joinLive();
    expect(calls).toBeGreaterThan(0);
  });

  it('leaves on stop and ignores a join answer that comes after it', () => {
    sync.start();
    transport.connect();
    const join = transport.lastJoin();
    sync.stop();
    expect(transport.leaves).toEqual([M]);
    join.ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 5, snapshot: snapshot(5) });
    expect(sync.getSnapshot().meeting).toBeNull();
  });
});

describe('MeetingSync pushed events', () => {
  it('applies events in order and moves to their revision', () => {
    joinLive(5);
    transport.push(batch(5, current(6, 'a'), current(7, 'b')));
    expect(sync.getSnapshot().rev).toBe(7);
    expect(sync.getSnapshot().meeting?.currentItemId).toBe('b');
  });

  it('ignores a batch it already has', () => {
    joinLive(5);
    transport.push(batch(5, current(6, 'a')));
    transport.push(batch(5, current(6, 'c')));
    expect(sync.getSnapshot().meeting?.currentItemId).toBe('a');
    expect(sync.getSnapshot().rev).toBe(6);
    expect(transport.joins).toHaveLength(1);
  });

  it('advances on an empty batch (events it may not see)', () => {
    joinLive(5);
    transport.push({ meetingId: M, fromRev: 5, rev: 8, events: [] });
    expect(sync.getSnapshot().rev).toBe(8);
  });

  it('ignores batches of another meeting', () => {
    joinLive(5);
    transport.push({ ...batch(5, current(6, 'a')), meetingId: 'other' });
    expect(sync.getSnapshot().rev).toBe(5);
  });

  it('re-joins from its revision on a gap, then applies what it missed', () => {
    joinLive(5);
    transport.push(batch(7, current(8, 'c')));
    expect(sync.getSnapshot().status).toBe('catching_up');
    expect(transport.joins).toHaveLength(2);
    expect(transport.lastJoin().req).toEqual({ meetingId: M, sinceRev: 5 });
    transport.lastJoin().ack({
      ok: true,
      mode: 'events',
      meetingId: M,
      rev: 8,
      events: [current(6, 'a'), current(7, 'b'), current(8, 'c')],
    });
    expect(sync.getSnapshot().status).toBe('live');
    expect(sync.getSnapshot().rev).toBe(8);
    expect(sync.getSnapshot().meeting?.currentItemId).toBe('c');
  });

  it('holds batches that arrive during a join and applies the ones that follow it', () => {
    sync.start();
    transport.connect();
    transport.push(batch(5, current(6, 'a')));
    transport.push(batch(6, current(7, 'b')));
    transport.lastJoin().ack({
      ok: true,
      mode: 'snapshot',
      meetingId: M,
      rev: 6,
      snapshot: { ...snapshot(6), currentItemId: 'a' },
    });
    expect(sync.getSnapshot().rev).toBe(7);
    expect(sync.getSnapshot().meeting?.currentItemId).toBe('b');
    expect(transport.joins).toHaveLength(1);
  });

  it('replaces its state with a snapshot', () => {
    joinLive(5);
    transport.push(batch(9, current(10, 'c')));
    transport.lastJoin().ack({
      ok: true,
      mode: 'snapshot',
      meetingId: M,
      rev: 10,
      snapshot: { ...snapshot(10), title: 'Mới' },
    });
    expect(sync.getSnapshot().meeting?.title).toBe('Mới');
    expect(sync.getSnapshot().rev).toBe(10);
  });
});

describe('MeetingSync reconnects', () => {
  it('goes offline on disconnect and re-joins from its revision on reconnect', () => {
    joinLive(5);
    transport.push(batch(5, current(6, 'a')));
    transport.disconnect();
    expect(sync.getSnapshot().status).toBe('offline');
    transport.connect();
    expect(sync.getSnapshot().status).toBe('catching_up');
    expect(transport.lastJoin().req).toEqual({ meetingId: M, sinceRev: 6 });
    transport
      .lastJoin()
      .ack({ ok: true, mode: 'events', meetingId: M, rev: 7, events: [current(7, 'b')] });
    expect(sync.getSnapshot().status).toBe('live');
    expect(sync.getSnapshot().meeting?.currentItemId).toBe('b');
  });

  it('ignores the answer to a join sent before the disconnect', () => {
    sync.start();
    transport.connect();
    const stale = transport.lastJoin();
    transport.disconnect();
    transport.connect();
    stale.ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 3, snapshot: snapshot(3) });
    expect(sync.getSnapshot().status).toBe('catching_up');
    transport
      .lastJoin()
      .ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 5, snapshot: snapshot(5) });
    expect(sync.getSnapshot().rev).toBe(5);
  });
});

describe('MeetingSync outbox', () => {
  const next = { type: 'agenda.setCurrent', payload: { itemId: 'b' } } as const;

  it('sends a command when live and resolves with its answer', async () => {
    joinLive(5);
    const done = sync.send(next);
    expect(transport.commands).toHaveLength(1);
    expect(transport.commands[0]?.req).toEqual({ id: 'cmd-0001', meetingId: M, command: next });
    expect(sync.getSnapshot().pending).toBe(1);
    transport.commands[0]?.ack({ ok: true, rev: 6, meetingId: M });
    await expect(done).resolves.toEqual({ ok: true, rev: 6, meetingId: M });
    expect(sync.getSnapshot().pending).toBe(0);
  });

  it('does not apply a command by itself: the state changes with the events', () => {
    joinLive(5);
    void sync.send(next);
    expect(sync.getSnapshot().meeting?.currentItemId).toBeNull();
  });

  it('re-sends an unanswered command with the same id after a reconnect', async () => {
    joinLive(5);
    const done = sync.send(next);
    transport.disconnect();
    transport.connect();
    expect(transport.commands).toHaveLength(1); // not before the join is answered
    transport
      .lastJoin()
      .ack({ ok: true, mode: 'events', meetingId: M, rev: 6, events: [current(6, 'b')] });
    expect(transport.commands).toHaveLength(2);
    expect(transport.commands[1]?.req.id).toBe(transport.commands[0]?.req.id);
    transport.commands[1]?.ack({ ok: true, rev: 6, meetingId: M });
    transport.commands[0]?.ack({ ok: false, error: { code: 'INTERNAL', message: 'late' } });
    await expect(done).resolves.toEqual({ ok: true, rev: 6, meetingId: M });
  });

  it('queues a command sent while offline and sends it once live again', async () => {
    joinLive(5);
    transport.disconnect();
    const done = sync.send(next);
    expect(transport.commands).toHaveLength(0);
    expect(sync.getSnapshot().pending).toBe(1);
    transport.connect();
    transport.lastJoin().ack({ ok: true, mode: 'events', meetingId: M, rev: 5, events: [] });
    expect(transport.commands).toHaveLength(1);
    const ack: CommandAck = { ok: false, error: { code: 'FORBIDDEN', message: 'chair only' } };
    transport.commands[0]?.ack(ack);
    await expect(done).resolves.toEqual(ack);
  });

  it('does not re-send a command already in flight when re-joining after a gap', () => {
    joinLive(5);
    void sync.send(next);
    transport.push(batch(7, current(8, 'c')));
    transport.lastJoin().ack({ ok: true, mode: 'events', meetingId: M, rev: 8, events: [] });
    expect(transport.commands).toHaveLength(1);
  });

  it('keeps commands in order when re-sending', () => {
    joinLive(5);
    transport.disconnect();
    void sync.send({ type: 'meeting.setStatus', payload: { status: 'in_progress' } });
    void sync.send(next);
    transport.connect();
    transport.lastJoin().ack({ ok: true, mode: 'events', meetingId: M, rev: 5, events: [] });
    expect(transport.commands.map((c) => c.req.command.type)).toEqual([
      'meeting.setStatus',
      'agenda.setCurrent',
    ]);
  });
});

describe('MeetingSync clock offset', () => {
  it('estimates the server clock from pushed events, taking the least delayed push', () => {
    let now = Date.parse('2026-03-09T01:00:30Z'); // this device is 30 s ahead of the server
    sync = new MeetingSync(transport, M, { now: () => now });
    joinLive(5);
    expect(sync.getSnapshot().clockOffsetMs).toBe(0);
    transport.push(batch(5, current(6, 'a'))); // stamped 01:00:00, arrives at once
    expect(sync.getSnapshot().clockOffsetMs).toBe(-30_000);
    now += 2000; // a slow push does not pull the estimate down
    transport.push(batch(6, current(7, 'b')));
    expect(sync.getSnapshot().clockOffsetMs).toBe(-30_000);
  });
});
