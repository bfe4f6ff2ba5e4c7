// The speakers list: register (speech or interpellation), withdraw, reorder, give the floor,
// end the speech, and the history per agenda item for the minutes.
import { describe, expect, it } from 'vitest';
import { chair, delegate, observer, secretary } from './test-support.ts';
import { act, member, NOW, tryAct, votingMeeting } from './voting-test-support.ts';

const register = (kind: 'speech' | 'interpellation' = 'speech', addressedTo = '') => ({
  type: 'speaker.register' as const,
  payload: { kind, addressedTo },
});
const refusal = (d: ReturnType<typeof tryAct>) => (d.ok ? 'ok' : d.error.code);

function withQueue() {
  let s = act(votingMeeting(), register(), delegate, { id: 'e1' });
  s = act(s, register('interpellation', 'Giám đốc Sở Tài chính'), member('del2'), { id: 'e2' });
  s = act(s, register(), member('d3'), { id: 'e3' });
  return s;
}

describe('registering', () => {
  it('a delegate registers on the current item; an interpellation names whom it asks', () => {
    const s = withQueue();
    expect(s.speakers.queue.map((e) => [e.id, e.userId, e.itemId, e.kind, e.addressedTo])).toEqual([
      ['e1', 'del1', 'A', 'speech', ''],
      ['e2', 'del2', 'A', 'interpellation', 'Giám đốc Sở Tài chính'],
      ['e3', 'd3', 'A', 'speech', ''],
    ]);
    expect(s.speakers.queue[0]?.registeredAt).toBe(NOW);
  });

  it('once per person per item; not without a current item; not for observers', () => {
    const s = withQueue();
    expect(refusal(tryAct(s, register(), delegate))).toBe('CONFLICT');
    expect(refusal(tryAct(s, register('interpellation'), member('d4')))).toBe('INVALID_PAYLOAD');
    expect(refusal(tryAct(s, register(), observer))).toBe('FORBIDDEN');
    const none = act(s, { type: 'agenda.setCurrent', payload: { itemId: null } }, chair);
    expect(refusal(tryAct(none, register(), member('d4')))).toBe('CONFLICT');
    // on the next item the same delegate may register again
    const next = act(s, { type: 'agenda.setCurrent', payload: { itemId: 'C' } }, chair);
    expect(act(next, register(), delegate).speakers.queue).toHaveLength(4);
  });
});

describe('the queue', () => {
  it('a delegate withdraws their own entry; the chair anyone’s', () => {
    const s = withQueue();
    expect(
      refusal(tryAct(s, { type: 'speaker.withdraw', payload: { entryId: 'e2' } }, delegate)),
    ).toBe('FORBIDDEN');
    const own = act(s, { type: 'speaker.withdraw', payload: { entryId: 'e1' } }, delegate);
    expect(own.speakers.queue.map((e) => e.id)).toEqual(['e2', 'e3']);
    const byChair = act(s, { type: 'speaker.withdraw', payload: { entryId: 'e3' } }, chair);
    expect(byChair.speakers.queue.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('the chair reorders it with a permutation of the whole queue', () => {
    const s = withQueue();
    const reorder = (entryIds: string[]) => ({
      type: 'speaker.reorder' as const,
      payload: { entryIds },
    });
    expect(act(s, reorder(['e3', 'e1', 'e2']), chair).speakers.queue.map((e) => e.id)).toEqual([
      'e3',
      'e1',
      'e2',
    ]);
    expect(refusal(tryAct(s, reorder(['e3', 'e1']), chair))).toBe('CONFLICT');
    expect(refusal(tryAct(s, reorder(['e3', 'e1', 'e1']), chair))).toBe('CONFLICT');
    expect(refusal(tryAct(s, reorder(['e3', 'e1', 'x']), chair))).toBe('CONFLICT');
    expect(refusal(tryAct(s, reorder(['e3', 'e1', 'e2']), delegate))).toBe('FORBIDDEN');
    expect(tryAct(s, reorder(['e1', 'e2', 'e3']), chair)).toEqual({ ok: true, events: [] });
  });
});

describe('the floor', () => {
  it('giving the floor ends the current speech into the history, with the limit of the meeting', () => {
    let s = act(
      withQueue(),
      { type: 'meeting.update', payload: { speakingLimitSec: 180 } },
      secretary,
    );
    s = act(s, { type: 'speaker.giveFloor', payload: { entryId: 'e2' } }, chair, {
      now: '2026-12-03T01:00:00.000Z',
    });
    expect(s.speakers.current).toMatchObject({
      id: 'e2',
      userId: 'del2',
      startedAt: '2026-12-03T01:00:00.000Z',
      limitSec: 180,
    });
    expect(s.speakers.queue.map((e) => e.id)).toEqual(['e1', 'e3']);
    s = act(s, { type: 'speaker.giveFloor', payload: { entryId: 'e1' } }, chair, {
      now: '2026-12-03T01:03:10.000Z',
    });
    expect(s.speakers.current?.id).toBe('e1');
    expect(s.speakers.history).toEqual([
      {
        id: 'e2',
        userId: 'del2',
        itemId: 'A',
        kind: 'interpellation',
        addressedTo: 'Giám đốc Sở Tài chính',
        registeredAt: NOW,
        startedAt: '2026-12-03T01:00:00.000Z',
        endedAt: '2026-12-03T01:03:10.000Z',
      },
    ]);
  });

  it('the speaker or the chair ends the speech; another delegate cannot', () => {
    const s = act(withQueue(), { type: 'speaker.giveFloor', payload: { entryId: 'e1' } }, chair);
    const end = { type: 'speaker.endSpeech' as const, payload: {} };
    expect(refusal(tryAct(s, end, member('del2')))).toBe('FORBIDDEN');
    expect(act(s, end, delegate).speakers).toMatchObject({
      current: null,
      history: [{ id: 'e1' }],
    });
    expect(act(s, end, chair).speakers.current).toBeNull();
    expect(tryAct(act(s, end, chair), end, chair)).toEqual({ ok: true, events: [] });
  });

  it('only the chair or the secretary gives the floor, and only in a meeting in progress', () => {
    const s = withQueue();
    const give = { type: 'speaker.giveFloor' as const, payload: { entryId: 'e1' } };
    expect(refusal(tryAct(s, give, delegate))).toBe('FORBIDDEN');
    expect(refusal(tryAct(s, { ...give, payload: { entryId: 'nope' } }, chair))).toBe('NOT_FOUND');
    const paused = act(s, { type: 'meeting.setStatus', payload: { status: 'paused' } }, chair);
    expect(refusal(tryAct(paused, give, chair))).toBe('CONFLICT');
    expect(act(s, give, secretary).speakers.current?.id).toBe('e1');
  });

  it('keeps the history of every item for the minutes', () => {
    let s = act(withQueue(), { type: 'speaker.giveFloor', payload: { entryId: 'e1' } }, chair);
    s = act(s, { type: 'agenda.setCurrent', payload: { itemId: 'C' } }, chair);
    s = act(s, register(), member('d4'), { id: 'e4' });
    s = act(s, { type: 'speaker.giveFloor', payload: { entryId: 'e4' } }, chair);
    s = act(s, { type: 'speaker.endSpeech', payload: {} }, chair);
    expect(s.speakers.history.map((h) => [h.itemId, h.userId])).toEqual([
      ['A', 'del1'],
      ['C', 'd4'],
    ]);
    expect(s.speakers.queue.map((e) => [e.id, e.itemId])).toEqual([
      ['e2', 'A'],
      ['e3', 'A'],
    ]);
  });
});
