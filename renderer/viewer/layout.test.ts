import { describe, expect, it } from 'vitest';
import {
  anchorAt,
  computeLayout,
  currentPage,
  GAP,
  isFar,
  MARGIN,
  pageAt,
  pageTopAnchor,
  renderOrder,
  scrollFor,
  visibleRange,
} from './layout.ts';

// 352 pages like the book in the corpus: a larger cover, then the body pages
const book = [
  { width: 489.6, height: 734.4 },
  ...Array.from({ length: 351 }, () => ({ width: 396.48, height: 594.48 })),
];

describe('layout', () => {
  it('stacks pages with a margin around and a gap between', () => {
    const l = computeLayout(
      [
        { width: 100, height: 200 },
        { width: 300, height: 100 },
      ],
      2,
    );
    expect(l.tops).toEqual([MARGIN, MARGIN + 400 + GAP]);
    expect(l.heights).toEqual([400, 200]);
    expect(l.totalHeight).toBe(MARGIN + 400 + GAP + 200 + MARGIN);
    expect(l.totalWidth).toBe(600 + 2 * MARGIN);
  });

  it('an empty document is only margins, and shows nothing', () => {
    const l = computeLayout([], 1);
    expect(l.totalHeight).toBe(2 * MARGIN);
    expect(visibleRange(l, 0, 800)).toBeNull();
  });

  it('finds the page at a height, the next one when in a gap', () => {
    const l = computeLayout(book, 1);
    expect(pageAt(l, 0)).toBe(0);
    expect(pageAt(l, l.tops[5]! + 1)).toBe(5);
    expect(pageAt(l, l.tops[5]! - 1)).toBe(5); // in the gap above page 6
    expect(pageAt(l, l.totalHeight + 100)).toBe(351);
  });

  it('computes the visible range of a 352-page book at any scroll position', () => {
    const l = computeLayout(book, 1);
    expect(visibleRange(l, 0, 900)).toEqual({ first: 0, last: 1 });
    const top = l.tops[299]!;
    expect(visibleRange(l, top, l.heights[299]!)).toEqual({ first: 299, last: 299 });
    expect(visibleRange(l, top, l.heights[299]! + GAP + 1)).toEqual({ first: 299, last: 300 });
    expect(visibleRange(l, l.totalHeight - 900, 900)).toEqual({ first: 350, last: 351 });
    // at a small zoom many pages fit
    const small = computeLayout(book, 0.1);
    expect(visibleRange(small, 0, 900)?.last).toBeGreaterThan(8);
  });

  it('names the page showing most as the current one', () => {
    const l = computeLayout(book, 1);
    const range = { first: 9, last: 10 };
    const y = l.tops[10]! - 100;
    expect(currentPage(l, range, y, 900)).toBe(10);
    expect(currentPage(l, range, l.tops[9]! + 10, 900)).toBe(9);
  });

  it('draws the visible pages from the current one outwards, then the neighbours', () => {
    expect(renderOrder({ first: 4, last: 7 }, 6, 10, 2)).toEqual({
      visible: [6, 5, 7, 4],
      near: [8, 3, 9, 2],
    });
    expect(renderOrder({ first: 0, last: 0 }, 0, 1, 2)).toEqual({ visible: [0], near: [] });
  });

  it('keeps pages near the viewport and drops far ones', () => {
    expect(isFar({ first: 10, last: 11 }, 8, 2)).toBe(false);
    expect(isFar({ first: 10, last: 11 }, 7, 2)).toBe(true);
    expect(isFar({ first: 10, last: 11 }, 14, 2)).toBe(true);
  });

  it('keeps the reading position through a zoom', () => {
    const before = computeLayout(book, 1);
    const y = before.tops[120]! + before.heights[120]! / 4;
    const anchor = anchorAt(before, y, 50);
    expect(anchor.page).toBe(120);
    expect(anchor.fraction).toBeCloseTo(0.25, 2);
    const after = computeLayout(book, 2.5);
    const pos = scrollFor(after, anchor);
    expect(Math.abs(pos.top - (after.tops[120]! + after.heights[120]! / 4))).toBeLessThanOrEqual(1);
    expect(pos.left).toBe(Math.round((50 / before.totalWidth) * after.totalWidth));
  });

  it('keeps the reading position when the real size of pages above becomes known', () => {
    const guessed = computeLayout(
      Array.from({ length: 352 }, () => book[0]!),
      1,
    );
    expect(scrollFor(guessed, pageTopAnchor(299)).top).toBe(guessed.tops[299]! - MARGIN / 2);
    const anchor = pageTopAnchor(299);
    const known = computeLayout(book, 1);
    const { top } = scrollFor(known, anchor);
    expect(visibleRange(known, top, 800)?.first).toBe(299);
    expect(known.tops[299]! - top).toBe(MARGIN / 2);
  });
});
