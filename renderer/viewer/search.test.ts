import { describe, expect, it } from 'vitest';
import {
  findInPage,
  firstHitFrom,
  foldQuery,
  hasMarks,
  marksByItem,
  stepHit,
  type Hit,
  type PageText,
} from './search.ts';

const page = (items: string[], eol: boolean[] = items.map(() => false)): PageText => ({
  items,
  eol,
});

describe('search', () => {
  it('finds every match, ignoring case, as item segments', () => {
    const p = page(['Trace-based JIT', ' and trace trees']);
    expect(findInPage(p, 'trace')).toEqual([
      [{ item: 0, start: 0, end: 5 }],
      [{ item: 1, start: 5, end: 10 }],
    ]);
    expect(findInPage(p, 'TREES')).toEqual([[{ item: 1, start: 11, end: 16 }]]);
    expect(findInPage(p, 'missing')).toEqual([]);
    expect(findInPage(p, '   ')).toEqual([]);
  });

  it('maps a match across items and across a line end', () => {
    // pdf.js splits words into items, and gives the end of a line as hasEOL
    const p = page(['Dự toán ngân', ' sách năm', '2027'], [false, true, false]);
    expect(findInPage(p, 'ngân sách')).toEqual([
      [
        { item: 0, start: 8, end: 12 },
        { item: 1, start: 0, end: 5 },
      ],
    ]);
    expect(findInPage(p, 'năm 2027')).toEqual([
      [
        { item: 1, start: 6, end: 9 },
        { item: 2, start: 0, end: 4 },
      ],
    ]);
  });

  it('a query without marks ignores them; a query with marks must match them', () => {
    const p = page(['Ngân sách ngắn hạn; ĐẦU TƯ công']);
    expect(hasMarks('ngan')).toBe(false);
    expect(hasMarks('ngân')).toBe(true);
    expect(hasMarks('dau tu')).toBe(false);
    expect(hasMarks('đầu')).toBe(true);
    expect(findInPage(p, 'ngan')).toHaveLength(2);
    expect(findInPage(p, 'ngân')).toEqual([[{ item: 0, start: 0, end: 4 }]]);
    expect(findInPage(p, 'ngắn')).toEqual([[{ item: 0, start: 10, end: 14 }]]);
    expect(findInPage(p, 'dau tu')).toEqual([[{ item: 0, start: 20, end: 26 }]]);
    expect(findInPage(p, 'đầu tư')).toEqual([[{ item: 0, start: 20, end: 26 }]]);
  });

  it('matches text whose marks are stored as separate characters', () => {
    // "ngân" with the circumflex as a combining mark (NFD), as some PDFs store it
    const decomposed = 'nga\u0302n sa\u0301ch';
    const p = page([decomposed]);
    expect(findInPage(p, 'ngân')).toEqual([[{ item: 0, start: 0, end: 5 }]]);
    expect(findInPage(p, 'sach')).toEqual([[{ item: 0, start: 6, end: 11 }]]);
  });

  it('finds CJK text and folds ligatures and full-width digits', () => {
    const p = page(['关于红军作战的原则 １', 'eﬃcient']);
    expect(findInPage(p, '红军')).toEqual([[{ item: 0, start: 2, end: 4 }]]);
    expect(findInPage(p, '原则 1')).toEqual([[{ item: 0, start: 7, end: 11 }]]);
    // "ﬃ" is one character that stands for three letters
    expect(findInPage(p, 'efficient')).toEqual([[{ item: 1, start: 0, end: 7 }]]);
  });

  it('collapses runs of white space in the text and in the query', () => {
    const p = page(['just   in', '', 'time'], [false, true, false]);
    expect(foldQuery('  just  in\ttime ').text).toBe('just in time');
    expect(findInPage(p, 'just in time')).toEqual([
      [
        { item: 0, start: 0, end: 9 },
        { item: 2, start: 0, end: 4 },
      ],
    ]);
  });

  it('groups marks by item for painting, the selected hit flagged', () => {
    const matches = findInPage(page(['ab ab', 'ab']), 'ab');
    const marks = marksByItem(matches, 1);
    expect(marks.get(0)).toEqual([
      { start: 0, end: 2, selected: false },
      { start: 3, end: 5, selected: true },
    ]);
    expect(marks.get(1)).toEqual([{ start: 0, end: 2, selected: false }]);
  });

  it('starts at the first hit on or after the current page and wraps round', () => {
    const hits: Hit[] = [3, 3, 9].map((p, i) => ({ page: p, index: i, segments: [] }));
    expect(firstHitFrom(hits, 1)).toBe(0);
    expect(firstHitFrom(hits, 4)).toBe(2);
    expect(firstHitFrom(hits, 10)).toBe(0);
    expect(firstHitFrom([], 1)).toBeNull();
    expect(stepHit(3, 2, 1)).toBe(0);
    expect(stepHit(3, 0, -1)).toBe(2);
    expect(stepHit(3, null, -1)).toBe(2);
    expect(stepHit(0, null, 1)).toBeNull();
  });
});
