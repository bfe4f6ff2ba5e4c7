import { describe, expect, it } from 'vitest';
import { compareNames, formatDateTime } from './format.ts';

describe('compareNames', () => {
  it('sorts full names in Vietnamese alphabetical order', () => {
    const names = [
      'Ưng Thiện Ân',
      'Đặng Văn Dũng',
      'Uông Minh Tâm',
      'Âu Thị Ngọc Ánh',
      'Dương Minh Đức',
      'An Văn Bình',
    ];
    expect([...names].sort(compareNames)).toEqual([
      'An Văn Bình',
      'Âu Thị Ngọc Ánh',
      'Dương Minh Đức',
      'Đặng Văn Dũng',
      'Uông Minh Tâm',
      'Ưng Thiện Ân',
    ]);
  });
});

describe('formatDateTime', () => {
  it('formats in the chosen locale', () => {
    const iso = '2026-03-09T08:30:00+07:00';
    expect(formatDateTime(iso, 'vi')).toMatch(/2026/);
    expect(formatDateTime(iso, 'en')).toMatch(/March/);
  });

  it('returns an unparseable date as it came', () => {
    expect(formatDateTime('soon', 'vi')).toBe('soon');
  });
});
