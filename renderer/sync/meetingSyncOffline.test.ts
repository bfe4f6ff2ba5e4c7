// The sync engine with its state and outbox kept on the device: a reload (a new engine over the
// same storage) shows the meeting at once, asks only for what is new, and sends what was waiting,
// once each, with the ids it had.
import { describe, expect, it } from 'vitest';
import { emptyMeeting, type ClientCommand, type MeetingState } from '../../core/index.ts';
import {
  parseOutbox,
  parseStoredMeeting,
  type MeetingPersistence,
  type OutboxRecord,
  type StoredMeeting,
} from '../offline/meetingStore.ts';
import { FakeTransport } from './fakeTransport.ts';
import { MeetingSync } from './meetingSync.ts';

const M = 'm1';

/** A device's storage, surviving engines (a reload makes a new engine over the same device). */
class Device {
  state: StoredMeeting | null = null;
  outbox = '[]';
  persistence(): MeetingPersistence {
    return {
      loadState: () => Promise.resolve(this.state && structuredClone(this.state)),
      saveState: (s) => {
        this.state = structuredClone(s);
        return Promise.resolve();
      },
      loadOutbox: () => parseOutbox(this.outbox),
      saveOutbox: (records: readonly OutboxRecord[]) => {
        this.outbox = JSON.stringify(records);
        return true;
      },
    };
  }
}

const meeting = (rev: number): MeetingState => ({ ...emptyMeeting(), id: M, title: 'Họp', rev });
const note: ClientCommand = { type: 'note.save', payload: { itemId: 'a', text: 'Ghi chú' } };
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('MeetingSync kept on the device', () => {
  it('restores the meeting offline, then joins from the kept revision and sends the outbox once', async () => {
    const device = new Device();
    // first session: live at rev 7, one command sent but never acknowledged (the network went)
    const t1 = new FakeTransport();
    const s1 = new MeetingSync(t1, M, {
      persist: device.persistence(),
      newId: () => 'cmd-first-1',
    });
    s1.start();
    await settle();
    t1.connect();
    t1.lastJoin().ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 7, snapshot: meeting(7) });
    t1.disconnect();
    void s1.send(note);
    expect(s1.getSnapshot().outbox).toEqual([{ id: 'cmd-first-1', command: note }]);
    s1.stop();
    await settle();
    expect(device.state?.rev).toBe(7);

    // the reload, still offline: the meeting shows from the device, the command still waits
    const t2 = new FakeTransport();
    const s2 = new MeetingSync(t2, M, { persist: device.persistence() });
    s2.start();
    await settle();
    expect(s2.getSnapshot()).toMatchObject({
      status: 'offline',
      rev: 7,
      fromDevice: true,
      pending: 1,
    });
    expect(s2.getSnapshot().meeting?.title).toBe('Họp');

    // the network is back: join from rev 7, then the waiting command, with its first id
    t2.connect();
    expect(t2.lastJoin().req).toEqual({ meetingId: M, sinceRev: 7 });
    t2.lastJoin().ack({ ok: true, mode: 'events', meetingId: M, rev: 7, events: [] });
    expect(t2.commands.map((c) => c.req.id)).toEqual(['cmd-first-1']);
    t2.commands[0]!.ack({ ok: true, rev: 8, meetingId: M });
    expect(s2.getSnapshot().pending).toBe(0);
    expect(parseOutbox(device.outbox)).toEqual([]);
    expect(s2.getSnapshot().fromDevice).toBe(false);
  });

  it('keeps a refused waiting command for the user to see', async () => {
    const device = new Device();
    device.outbox = JSON.stringify([{ id: 'cmd-waiting-1', command: note }]);
    const t = new FakeTransport();
    const s = new MeetingSync(t, M, { persist: device.persistence() });
    s.start();
    await settle();
    t.connect();
    t.lastJoin().ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 3, snapshot: meeting(3) });
    t.commands[0]!.ack({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    // nothing was kept of the meeting: the one known is the one joined
    expect(s.getSnapshot().rejected).toEqual([
      { command: note, error: { code: 'NOT_FOUND', message: 'gone' }, known: meeting(3) },
    ]);
  });

  it('keeps with a refusal the meeting as the device knew it when the change was made', async () => {
    // kept offline at rev 2, when the agenda item the note is on was still there
    const device = new Device();
    const before = { ...meeting(2), title: 'Họp (như trên máy)' };
    device.state = { meeting: before, rev: 2 };
    device.outbox = JSON.stringify([{ id: 'cmd-waiting-2', command: note }]);
    const t = new FakeTransport();
    const s = new MeetingSync(t, M, { persist: device.persistence() });
    s.start();
    await settle();
    t.connect();
    t.lastJoin().ack({ ok: true, mode: 'snapshot', meetingId: M, rev: 5, snapshot: meeting(5) });
    t.commands[0]!.ack({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    const [r] = s.getSnapshot().rejected;
    expect(r?.known?.title).toBe('Họp (như trên máy)');
    expect(s.current()?.rev).toBe(5);
  });
});

describe('what is read back from the device is checked', () => {
  it('drops damaged outbox records and states of another meeting', () => {
    expect(parseOutbox('not json')).toEqual([]);
    expect(
      parseOutbox(
        JSON.stringify([
          { id: 'cmd-good-01', command: note },
          { id: 'x', command: note },
          { id: 'cmd-bad-001', command: { type: 'vote.cast', payload: {} } },
        ]),
      ),
    ).toEqual([{ id: 'cmd-good-01', command: note }]);
    expect(parseStoredMeeting({ meeting: meeting(4), rev: 4 }, M)?.rev).toBe(4);
    expect(parseStoredMeeting({ meeting: meeting(4), rev: 4 }, 'other')).toBeNull();
    expect(parseStoredMeeting({ meeting: meeting(4), rev: 5 }, M)).toBeNull();
    expect(parseStoredMeeting('x', M)).toBeNull();
  });
});
