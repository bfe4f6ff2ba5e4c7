import { describe, expect, it } from 'vitest';
import { quorumStatus, requiredForQuorum } from './quorum.ts';
import { run, sampleMeeting, secretary } from './test-support.ts';

describe('quorum', () => {
  it('more than half of the members, for even and odd counts', () => {
    expect(requiredForQuorum({ kind: 'fraction', value: 0.5 }, 4)).toBe(3);
    expect(requiredForQuorum({ kind: 'fraction', value: 0.5 }, 5)).toBe(3);
    expect(requiredForQuorum({ kind: 'fraction', value: 2 / 3 }, 6)).toBe(4);
    expect(requiredForQuorum({ kind: 'fraction', value: 2 / 3 }, 7)).toBe(5);
    expect(requiredForQuorum({ kind: 'count', value: 2 }, 7)).toBe(2);
  });

  it('counts the chair and delegates present in the room or online; not observers or the absent', () => {
    let s = sampleMeeting(); // members: chair, del1, del2 → 2 needed
    expect(quorumStatus(s)).toEqual({ members: 3, attending: 0, required: 2, met: false });
    s = run(
      s,
      { type: 'attendance.set', payload: { userId: 'obs', status: 'present', reason: '' } },
      secretary,
    ).state;
    s = run(
      s,
      { type: 'attendance.set', payload: { userId: 'del1', status: 'absent', reason: 'Ốm' } },
      secretary,
    ).state;
    s = run(
      s,
      { type: 'attendance.set', payload: { userId: 'chair', status: 'present', reason: '' } },
      secretary,
    ).state;
    expect(quorumStatus(s)).toMatchObject({ attending: 1, met: false });
    s = run(
      s,
      { type: 'attendance.set', payload: { userId: 'del2', status: 'online', reason: '' } },
      secretary,
    ).state;
    expect(quorumStatus(s)).toMatchObject({ attending: 2, met: true });
  });
});
