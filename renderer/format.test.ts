import { describe, expect, it } from 'vitest';
import {
  compareNames,
  formatClock,
  formatDateTime,
  formatNumber,
  formatPercent,
} from './format.ts';

describe('compareNames', () => {
  it('sorts the demo participants by given name, in Vietnamese alphabetical order', () => {
    const names = [
      'Nguyễn Thị Thu Hà',
      'Trần Văn Hùng',
      'Đặng Văn Dũng',
      'Âu Thị Ngọc Ánh',
      'Ưng Thiện Ân',
      'Dương Minh Đức',
      'Lê Thị Thúy Hằng',
      'Bùi Thị Hồng Hạnh',
      'Uông Minh Tâm',
    ];
    expect([...names].sort(compareNames)).toEqual([
      'Âu Thị Ngọc Ánh', // Ánh: A before Ă before Â
      'Ưng Thiện Ân',
      'Đặng Văn Dũng', // D before Đ
      'Dương Minh Đức',
      'Nguyễn Thị Thu Hà', // Ha is a prefix of Hanh; then Ă after A
      'Bùi Thị Hồng Hạnh',
      'Lê Thị Thúy Hằng',
      'Trần Văn Hùng',
      'Uông Minh Tâm',
    ]);
  });

  it('breaks a tie on the given name by surname, then middle names', () => {
    const names = ['Trần Văn An', 'Nguyễn Văn An', 'Nguyễn Thị An', 'Đỗ An', 'Bùi Bình'];
    expect([...names].sort(compareNames)).toEqual([
      'Đỗ An',
      'Nguyễn Thị An',
      'Nguyễn Văn An',
      'Trần Văn An',
      'Bùi Bình',
    ]);
  });

  it('puts the given name first even when the surnames would order the other way', () => {
    expect(compareNames('Vũ Minh Anh', 'An Văn Bình')).toBeLessThan(0);
    expect(compareNames('Lê Văn Đức', 'Lê Văn Dũng')).toBeGreaterThan(0);
  });

  it('ignores stray spaces, and sorts a one-word name as a given name', () => {
    expect(compareNames('  Nguyễn   Văn  An ', 'Nguyễn Văn An')).toBe(0);
    expect(['Hùng', 'Lê Ân'].sort(compareNames)).toEqual(['Lê Ân', 'Hùng']);
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

describe('numbers', () => {
  it('formats counts and shares for the locale', () => {
    expect(formatNumber(12345, 'vi')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatPercent(5, 7, 'vi')).toMatch(/^71,4\s?%$/);
    expect(formatPercent(5, 7, 'en')).toBe('71.4%');
    expect(formatPercent(3, 0, 'en')).toBe('0%');
  });

  it('shows a speaking timer as a clock, counting over the limit with a plus', () => {
    expect(formatClock(300)).toBe('5:00');
    expect(formatClock(65.7)).toBe('1:05');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-15)).toBe('+0:15');
    expect(formatClock(3723)).toBe('1:02:03');
  });
});
