import { describe, expect, it } from 'vitest';
import { remainingSeconds, shownSeconds } from './speaking.ts';

const start = '2026-12-03T01:30:00.000Z';
const at = (sec: number): number => Date.parse(start) + sec * 1000;

describe('speaking timer', () => {
  it('counts down from the limit and goes negative when over', () => {
    expect(remainingSeconds(start, 300, at(0))).toBe(300);
    expect(remainingSeconds(start, 300, at(120.5))).toBe(179.5);
    expect(remainingSeconds(start, 300, at(315))).toBe(-15);
  });

  it('never counts up before the start (a clock slightly behind the server)', () => {
    expect(remainingSeconds(start, 300, at(-3))).toBe(300);
  });

  it('shows whole seconds: the full limit at the start, 0 only when the time is up', () => {
    expect(shownSeconds(299.2)).toBe(300);
    expect(shownSeconds(0.4)).toBe(1);
    expect(shownSeconds(0)).toBe(0);
    expect(shownSeconds(-0.5)).toBe(-0);
    expect(shownSeconds(-15.2)).toBe(-15);
  });
});
