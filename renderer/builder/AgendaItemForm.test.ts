import { describe, expect, it } from 'vitest';
import { parseDuration } from './AgendaItemForm.tsx';

describe('an agenda item’s planned duration', () => {
  it('is whole minutes up to a day, or none', () => {
    expect(parseDuration('')).toBeNull();
    expect(parseDuration(' 45 ')).toBe(45);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('1440')).toBe(1440);
    expect(parseDuration('1441')).toBeUndefined();
    expect(parseDuration('12,5')).toBeUndefined();
    expect(parseDuration('-5')).toBeUndefined();
    expect(parseDuration('mười')).toBeUndefined();
  });
});
