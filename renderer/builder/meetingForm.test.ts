import { describe, expect, it } from 'vitest';
import type { MeetingInfo } from '../../core/index.ts';
import {
  checkForm,
  emptyForm,
  formOf,
  fromLocalInput,
  toLocalInput,
  updateOf,
} from './meetingForm.ts';

const meeting: MeetingInfo = {
  id: 'm1',
  title: 'Phiên họp thường kỳ',
  description: '',
  location: 'Phòng họp số 1',
  startsAt: '2026-12-03T01:00:00.000Z',
  quorum: { kind: 'fraction', value: 0.5 },
  selfCheckIn: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'u1',
};

describe('the meeting form', () => {
  it('round-trips the start time through the datetime input', () => {
    const local = toLocalInput(meeting.startsAt);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(meeting.startsAt);
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput('not a date')).toBe('');
  });

  it('says what to fix before anything is sent', () => {
    const empty = emptyForm(new Date(2026, 10, 26, 15, 0));
    expect(empty.startsAt).toBe('2026-11-27T08:00');
    expect(checkForm(empty)).toEqual({ ok: false, problem: 'needTitle' });
    const titled = { ...empty, title: '  Họp giao ban  ' };
    expect(checkForm({ ...titled, startsAt: '' })).toEqual({ ok: false, problem: 'needStart' });
    expect(checkForm({ ...titled, quorumValue: '0' })).toMatchObject({ problem: 'badFraction' });
    expect(checkForm({ ...titled, quorumKind: 'count', quorumValue: '2,5' })).toMatchObject({
      problem: 'badCount',
    });
    const ok = checkForm({ ...titled, quorumValue: '66,7' });
    expect(ok).toMatchObject({
      ok: true,
      payload: { title: 'Họp giao ban', quorum: { kind: 'fraction', value: 0.667 } },
    });
  });

  it('updates only the fields that changed', () => {
    const same = checkForm(formOf(meeting));
    if (!same.ok) throw new Error(same.problem);
    expect(updateOf(meeting, same.payload)).toEqual({});
    const moved = checkForm({
      ...formOf(meeting),
      location: 'Hội trường',
      quorumKind: 'count',
      quorumValue: '7',
    });
    if (!moved.ok) throw new Error(moved.problem);
    expect(updateOf(meeting, moved.payload)).toEqual({
      location: 'Hội trường',
      quorum: { kind: 'count', value: 7 },
    });
  });
});
