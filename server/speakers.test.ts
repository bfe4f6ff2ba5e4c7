// The speakers list over the wire: delegates register, the chair reorders and gives the floor,
// speeches end, and the history per agenda item is there for the minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCommand } from '../core/index.ts';
import {
  createMeeting,
  expectOk,
  startTestServer,
  until,
  type TestServer,
} from './testing/harness.ts';
import { readyToVote, refused } from './testing/voting.ts';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

describe('the speakers list', () => {
  it('register, reorder, give the floor, end; everyone sees it; history per item', async () => {
    const m = await createMeeting(t, { delegates: 3, items: 2 });
    const chair = await readyToVote(t, m);
    const [d1, d2, d3] = await Promise.all(m.delegates.map((p) => t.connect(p.token)));
    const obs = await t.connect(m.observer.token);
    for (const c of [d1!, d2!, d3!, obs]) expect((await c.join(m.meetingId)).ok).toBe(true);
    const run = (c: typeof chair, command: ClientCommand) =>
      expectOk(c.command(m.meetingId, command));
    const register = (kind: 'speech' | 'interpellation', addressedTo = ''): ClientCommand => ({
      type: 'speaker.register',
      payload: { kind, addressedTo },
    });

    await run(d1!, register('speech'));
    await run(d2!, register('interpellation', 'Giám đốc Sở Tài chính'));
    await run(d3!, register('speech'));
    expect(refused(await d1!.command(m.meetingId, register('speech')))).toBe('CONFLICT');
    expect(refused(await obs.command(m.meetingId, register('speech')))).toBe('FORBIDDEN');
    let s = await chair.snapshot(m.meetingId);
    const [e1, e2, e3] = s.speakers.queue.map((e) => e.id) as [string, string, string];
    expect(s.speakers.queue.map((e) => [e.userId, e.kind, e.addressedTo])).toEqual([
      [m.delegates[0]!.id, 'speech', ''],
      [m.delegates[1]!.id, 'interpellation', 'Giám đốc Sở Tài chính'],
      [m.delegates[2]!.id, 'speech', ''],
    ]);

    const reorder: ClientCommand = { type: 'speaker.reorder', payload: { entryIds: [e2, e3, e1] } };
    expect(refused(await d1!.command(m.meetingId, reorder))).toBe('FORBIDDEN');
    await run(chair, reorder);
    await run(chair, { type: 'speaker.giveFloor', payload: { entryId: e2 } });
    // the floor moves on: the interpellation ends into the history
    await run(chair, { type: 'speaker.giveFloor', payload: { entryId: e3 } });
    expect(
      refused(await d1!.command(m.meetingId, { type: 'speaker.endSpeech', payload: {} })),
    ).toBe('FORBIDDEN');
    await run(d3!, { type: 'speaker.endSpeech', payload: {} }); // the speaker ends their own
    // next item: d1 is still waiting on the first; a new entry on the second
    await run(chair, { type: 'agenda.setCurrent', payload: { itemId: m.itemIds[1]! } });
    await run(d1!, register('speech'));
    s = await chair.snapshot(m.meetingId);
    const e4 = s.speakers.queue.find((e) => e.itemId === m.itemIds[1])!.id;
    await run(chair, { type: 'speaker.giveFloor', payload: { entryId: e4 } });
    await run(chair, { type: 'speaker.endSpeech', payload: {} });

    s = await chair.snapshot(m.meetingId);
    expect(s.speakers.current).toBeNull();
    expect(s.speakers.queue.map((e) => e.id)).toEqual([e1]);
    expect(s.speakers.history.map((h) => [h.id, h.itemId, h.userId])).toEqual([
      [e2, m.itemIds[0], m.delegates[1]!.id],
      [e3, m.itemIds[0], m.delegates[2]!.id],
      [e4, m.itemIds[1], m.delegates[0]!.id],
    ]);
    for (const h of s.speakers.history)
      expect(Date.parse(h.endedAt)).toBeGreaterThanOrEqual(Date.parse(h.startedAt));

    // every client saw the same sequence, the observer too
    const types = (c: typeof chair) =>
      c.events.filter((e) => e.type.startsWith('speaker.')).map((e) => e.type);
    await until(
      () => types(obs).length === types(chair).length,
      'the speaker events at the observer',
    );
    expect(types(obs)).toEqual([
      'speaker.registered',
      'speaker.registered',
      'speaker.registered',
      'speaker.reordered',
      'speaker.floorGiven',
      'speaker.speechEnded',
      'speaker.floorGiven',
      'speaker.speechEnded',
      'speaker.registered',
      'speaker.floorGiven',
      'speaker.speechEnded',
    ]);
    const given = obs.events.find((e) => e.type === 'speaker.floorGiven');
    expect(given).toMatchObject({ payload: { limitSec: 300, entry: { id: e2 } } });
  });
});
