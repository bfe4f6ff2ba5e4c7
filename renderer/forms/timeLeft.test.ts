import { describe, expect, it } from 'vitest';
import { timeLeft } from './timeLeft.ts';

const DEADLINE = '2026-12-10T10:00:00.000Z';
const before = (ms: number) => Date.parse(DEADLINE) - ms;

describe('timeLeft', () => {
  it('splits the time left into days, hours and minutes, rounding minutes up', () => {
    expect(timeLeft(DEADLINE, before((26 * 60 + 5) * 60_000))).toEqual({
      days: 1,
      hours: 2,
      minutes: 5,
    });
    expect(timeLeft(DEADLINE, before(30_000))).toEqual({ days: 0, hours: 0, minutes: 1 });
  });

  it('is null at and after the deadline', () => {
    expect(timeLeft(DEADLINE, before(0))).toBeNull();
    expect(timeLeft(DEADLINE, before(-1))).toBeNull();
  });
});
