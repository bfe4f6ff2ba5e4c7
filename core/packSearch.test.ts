import { describe, expect, it } from 'vitest';
import {
  documentsToSearch,
  PackSearchQuery,
  searchablePage,
  searchPages,
  snippetsOf,
} from './packSearch.ts';
import type { DocumentInfo, MeetingState } from './model.ts';
import { sampleMeeting } from './test-support.ts';

const doc = (id: string, itemId: string, uploadedAt: string): DocumentInfo => ({
  id,
  itemId,
  name: `${id}.pdf`,
  sha256: id.padEnd(64, '0'),
  size: 1,
  pages: 1,
  uploadedBy: 'sec',
  uploadedAt,
  audience: { kind: 'all' },
  label: '',
  versions: [{ sha256: id.padEnd(64, '0'), size: 1, pages: 1, uploadedBy: 'sec', uploadedAt }],
});

describe('documentsToSearch', () => {
  it('lists the documents in agenda order, then upload order', () => {
    const s: MeetingState = {
      ...sampleMeeting(),
      documents: {
        c: doc('c', 'C', '2026-01-01T00:00:00Z'),
        b2: doc('b2', 'B2', '2026-01-01T00:00:00Z'),
        a2: doc('a2', 'A', '2026-01-03T00:00:00Z'),
        a1: doc('a1', 'A', '2026-01-02T00:00:00Z'),
      },
    };
    expect(documentsToSearch(s, 'del1', 'delegate').map((d) => d.id)).toEqual([
      'a1',
      'a2',
      'b2',
      'c',
    ]);
  });
});

describe('PackSearchQuery', () => {
  it('takes a word and refuses an empty, blank, marks-only or overlong query', () => {
    expect(PackSearchQuery.safeParse({ q: 'ngan sach' }).success).toBe(true);
    expect(PackSearchQuery.safeParse({ q: 'ý' }).success).toBe(true);
    for (const q of ['', ' \t ', '\u0300\u0301', 'x'.repeat(101), undefined, ['a', 'b']])
      expect(PackSearchQuery.safeParse({ q }).success).toBe(false);
  });
});

describe('searchPages', () => {
  const pages = [
    'Mục lục',
    'Dự toán thu ngân sách nhà nước năm 2027.\nChi ngân sách quận Ba Đình.',
    'Không có gì.',
    'NGÂN SÁCH',
  ].map(searchablePage);

  it('gives each page with hits, 1-based, with snippets marking the words found', () => {
    const found = searchPages(pages, 'ngan sach', 100);
    expect(found.hits).toBe(3);
    expect(found.pages.map((p) => [p.page, p.hits])).toEqual([
      [2, 2],
      [4, 1],
    ]);
    const s = found.pages[0]!.snippets[0]!;
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['ngân sách', 'ngân sách']);
    // the line end becomes a space, so the snippet reads as one line
    expect(s.text).not.toContain('\n');
    expect(found.pages[1]!.snippets[0]).toEqual({
      text: 'NGÂN SÁCH',
      marks: [[0, 9]],
      cutStart: false,
      cutEnd: false,
    });
  });

  it('stops at the limit', () => {
    const found = searchPages(pages, 'ngân sách', 2);
    expect(found.hits).toBe(2);
    expect(found.pages.map((p) => p.page)).toEqual([2]);
  });
});

describe('snippetsOf', () => {
  it('cuts long text at word boundaries around each hit, at most three per page', () => {
    const words = Array.from({ length: 200 }, (_, i) => `từ${i}`).join(' ');
    const at = (w: string) => {
      const start = words.indexOf(` ${w} `) + 1;
      return { start, end: start + w.length };
    };
    const snippets = snippetsOf(words, ['từ20', 'từ21', 'từ80', 'từ120', 'từ180'].map(at));
    expect(snippets).toHaveLength(3);
    const [first] = snippets;
    expect(first!.cutStart && first!.cutEnd).toBe(true);
    expect(first!.marks.map(([a, b]) => first!.text.slice(a, b))).toEqual(['từ20', 'từ21']);
    for (const s of snippets) {
      expect(s.text).toMatch(/^từ\d+ .* từ\d+$/);
      expect(s.text.length).toBeLessThan(140);
    }
  });
});
