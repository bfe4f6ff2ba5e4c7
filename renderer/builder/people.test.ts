import { describe, expect, it } from 'vitest';
import { fold, invitable } from './people.ts';

const people = [
  { id: '1', username: 'chutoa', displayName: 'Trần Văn Hùng' },
  { id: '2', username: 'daibieu1', displayName: 'Đặng Văn Dũng' },
  { id: '3', username: 'daibieu2', displayName: 'Âu Thị Ngọc Ánh' },
  { id: '4', username: 'daibieu3', displayName: 'Ưng Thiện Ân' },
  { id: '5', username: 'thuky', displayName: 'Nguyễn Thị Thu Hà' },
];

describe('finding people to invite', () => {
  it('ignores diacritics and case, đ included', () => {
    expect(fold('Đặng Văn DŨNG')).toBe('dang van dung');
    expect(invitable(people, new Set(), 'dung').map((p) => p.id)).toEqual(['2']);
    expect(invitable(people, new Set(), 'ĐẶNG').map((p) => p.id)).toEqual(['2']);
    expect(invitable(people, new Set(), 'ánh').map((p) => p.id)).toEqual(['3']);
    expect(invitable(people, new Set(), 'THIEN  an').map((p) => p.id)).toEqual(['4']);
    expect(invitable(people, new Set(), 'daibieu3').map((p) => p.id)).toEqual(['4']);
  });

  it('lists by given name in Vietnamese order and leaves out participants', () => {
    const names = invitable(people, new Set(['5']), '').map((p) => p.displayName);
    expect(names).toEqual(['Âu Thị Ngọc Ánh', 'Ưng Thiện Ân', 'Đặng Văn Dũng', 'Trần Văn Hùng']);
  });
});
