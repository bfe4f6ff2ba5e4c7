import { describe, expect, it } from 'vitest';
import { findInText, foldForSearch, foldItems, foldQuery, hasMarks, toneProfile } from './text.ts';

const found = (text: string, query: string) =>
  findInText(text, query).map((r) => text.slice(r.start, r.end));

describe('foldForSearch', () => {
  it('strips Vietnamese marks, folds đ to d and lower-cases', () => {
    expect(foldForSearch('Ngân sách')).toBe('ngan sach');
    expect(foldForSearch('ĐÀ NẴNG')).toBe('da nang');
    expect(foldForSearch('Đà Nẵng')).toBe('da nang');
    expect(foldForSearch('tiếng Việt')).toBe('tieng viet');
    // dấu hỏi and dấu ngã fold to the same letter
    expect(foldForSearch('các dấu hỏi, ngã: mở, mỡ, bảo, bão')).toBe(
      'cac dau hoi, nga: mo, mo, bao, bao',
    );
  });

  it('treats marks stored as separate characters (NFD) like precomposed ones', () => {
    expect(foldForSearch('nga\u0302n sa\u0301ch')).toBe('ngan sach');
    expect(foldForSearch('nga\u0302n', true)).toBe(foldForSearch('ngân', true));
  });

  it('collapses and trims white space', () => {
    expect(foldForSearch('  Dự\ttoán \n ngân   sách ')).toBe('du toan ngan sach');
  });

  it('keeps marks when strict, only folding case and compatibility forms', () => {
    expect(foldForSearch('NGÂN Sách ﬁ', true)).toBe('ngân sách fi');
  });
});

describe('foldQuery and hasMarks', () => {
  it('a query with any mark or đ is strict', () => {
    expect(hasMarks('ngan sach')).toBe(false);
    expect(hasMarks('ngân')).toBe(true);
    expect(hasMarks('đa')).toBe(true);
    expect(hasMarks('Đa')).toBe(true);
    expect(foldQuery(' Ngân  Sách ')).toEqual({ text: 'ngan sach', strict: true });
    expect(foldQuery('ngan sach')).toEqual({ text: 'ngan sach', strict: false });
  });
});

describe('findInText', () => {
  const text = 'Dự toán NGÂN SÁCH năm 2027;\nngân   sách ngắn hạn. Đà Nẵng, Đa Năng';

  it('a query without marks finds the text with and without them', () => {
    expect(found(text, 'ngan sach')).toEqual(['NGÂN SÁCH', 'ngân   sách']);
    expect(found(text, 'ngan')).toEqual(['NGÂN', 'ngân', 'ngắn']);
    expect(found(text, 'da nang')).toEqual(['Đà Nẵng', 'Đa Năng']);
  });

  it('a query with marks matches them exactly, whatever the case', () => {
    expect(found(text, 'ngân sách')).toEqual(['NGÂN SÁCH', 'ngân   sách']);
    expect(found(text, 'ngắn')).toEqual(['ngắn']);
    expect(found(text, 'Đà Nẵng')).toEqual(['Đà Nẵng']);
    expect(found(text, 'năm 2027')).toEqual(['năm 2027']);
  });

  it('matches across a line end and in decomposed text, with source offsets', () => {
    expect(found(text, '2027; ngan')).toEqual(['2027;\nngân']);
    const nfd = 'xem nga\u0302n sa\u0301ch';
    expect(findInText(nfd, 'ngan sach')).toEqual([{ start: 4, end: nfd.length }]);
    expect(findInText(nfd, 'ngân')).toEqual([{ start: 4, end: 9 }]);
  });

  it('finds nothing for a blank query and stops at the limit', () => {
    expect(findInText(text, '  ')).toEqual([]);
    expect(findInText('a a a a', 'a', 2)).toHaveLength(2);
  });

  it('maps each folded character back to its item and source range', () => {
    const m = foldItems(['Ân  x', 'ﬁ'], [true, false]);
    expect(m.text).toBe('an x fi');
    expect(m.item).toEqual([0, 0, 0, 0, -1, 1, 1]);
    expect(m.start).toEqual([0, 1, 2, 4, 0, 0, 0]);
    expect(m.end).toEqual([1, 2, 3, 5, 0, 1, 1]);
  });

  it('a query with marks finds both placements of a tone (hòa / hoà, thủy / thuỷ)', () => {
    const t = 'Hòa bình, hoà giải; Thủy lợi, thuỷ sản; khỏe, khoẻ; hoàng';
    expect(found(t, 'hòa')).toEqual(['Hòa', 'hoà', 'hoà']);
    expect(found(t, 'hoà')).toEqual(['Hòa', 'hoà', 'hoà']);
    expect(found(t, 'thuỷ')).toEqual(['Thủy', 'thuỷ']);
    expect(found(t, 'khỏe')).toEqual(['khỏe', 'khoẻ']);
    // the tone must still be the same one, on the same word
    expect(found(t, 'hóa')).toEqual([]);
    expect(found('an á', 'án a')).toEqual([]);
    expect(toneProfile('Hòa  bình')).toBe(toneProfile('hoà bình'));
  });
});
