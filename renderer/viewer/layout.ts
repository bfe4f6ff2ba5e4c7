// Where each page sits in the continuous scroll, and which pages the viewport shows. Pure.

/** A page's size in PDF units (1/72 inch) at zoom 1, rotation and UserUnit applied. */
export interface PageSize {
  width: number;
  height: number;
}

/** Space around the pages and between them, in CSS pixels. */
export const MARGIN = 16;
export const GAP = 12;

export interface Layout {
  /** CSS pixels per PDF unit (zoom × 96/72). */
  scale: number;
  tops: number[];
  widths: number[];
  heights: number[];
  totalHeight: number;
  totalWidth: number;
}

/** Inclusive range of 0-based page indexes. */
export interface PageRange {
  first: number;
  last: number;
}

export function computeLayout(sizes: readonly PageSize[], scale: number): Layout {
  const tops: number[] = [];
  const widths: number[] = [];
  const heights: number[] = [];
  let y = MARGIN;
  let widest = 0;
  for (const size of sizes) {
    const w = Math.max(1, Math.floor(size.width * scale));
    const h = Math.max(1, Math.floor(size.height * scale));
    tops.push(y);
    widths.push(w);
    heights.push(h);
    y += h + GAP;
    widest = Math.max(widest, w);
  }
  const totalHeight = sizes.length ? y - GAP + MARGIN : 2 * MARGIN;
  return { scale, tops, widths, heights, totalHeight, totalWidth: widest + 2 * MARGIN };
}

/** The first page whose bottom edge is below `y` (the page at `y`, or the next one in a gap). */
export function pageAt(layout: Layout, y: number): number {
  const { tops, heights } = layout;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! + heights[mid]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The pages that overlap the viewport [scrollTop, scrollTop + height), or null if none do. */
export function visibleRange(layout: Layout, scrollTop: number, height: number): PageRange | null {
  const count = layout.tops.length;
  if (count === 0 || height <= 0) return null;
  const first = pageAt(layout, scrollTop);
  const bottom = scrollTop + height;
  if (layout.tops[first]! >= bottom) return null; // only a gap or the margin is showing
  let last = first;
  while (last + 1 < count && layout.tops[last + 1]! < bottom) last++;
  return { first, last };
}

/** The page showing the most of itself in the viewport (the first one on a tie). */
export function currentPage(layout: Layout, range: PageRange, scrollTop: number, height: number) {
  let best = range.first;
  let bestShown = -1;
  for (let i = range.first; i <= range.last; i++) {
    const top = Math.max(layout.tops[i]!, scrollTop);
    const bottom = Math.min(layout.tops[i]! + layout.heights[i]!, scrollTop + height);
    if (bottom - top > bestShown + 0.5) {
      best = i;
      bestShown = bottom - top;
    }
  }
  return best;
}

/**
 * The order to draw pages in: the visible ones from the current page outwards, then `ahead` pages
 * below and above the viewport (below first: people read downwards).
 */
export function renderOrder(range: PageRange, current: number, count: number, ahead: number) {
  const visible: number[] = [];
  for (let i = range.first; i <= range.last; i++) visible.push(i);
  visible.sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
  const near: number[] = [];
  for (let k = 1; k <= ahead; k++) {
    if (range.last + k < count) near.push(range.last + k);
    if (range.first - k >= 0) near.push(range.first - k);
  }
  return { visible, near };
}

/** Pages far enough from the viewport to drop their canvas and text layer. */
export function isFar(range: PageRange, index: number, keep: number): boolean {
  return index < range.first - keep || index > range.last + keep;
}

/** A scroll position that survives a change of zoom or of page sizes: a page and how far into it. */
export interface Anchor {
  page: number;
  /** Fraction of the page's height above the viewport's top edge. */
  fraction: number;
  /** CSS pixels of margin or gap showing above the page (gaps do not grow with the zoom). */
  above: number;
  /** The horizontal scroll, as a fraction of the content width. */
  x: number;
}

export function anchorAt(layout: Layout, scrollTop: number, scrollLeft = 0): Anchor {
  if (layout.tops.length === 0) return { page: 0, fraction: 0, above: 0, x: 0 };
  const page = pageAt(layout, scrollTop);
  const into = scrollTop - layout.tops[page]!;
  return {
    page,
    fraction: Math.max(0, into) / layout.heights[page]!,
    above: Math.max(0, -into),
    x: scrollLeft / layout.totalWidth,
  };
}

export function scrollFor(layout: Layout, anchor: Anchor): { top: number; left: number } {
  const page = Math.min(Math.max(anchor.page, 0), layout.tops.length - 1);
  if (page < 0) return { top: 0, left: 0 };
  const top = layout.tops[page]! + anchor.fraction * layout.heights[page]! - anchor.above;
  return {
    top: Math.max(0, Math.round(top)),
    left: Math.max(0, Math.round(anchor.x * layout.totalWidth)),
  };
}

/** The anchor that puts the top of a page (0-based) just below the top of the viewport. */
export function pageTopAnchor(page: number, x = 0): Anchor {
  return { page, fraction: 0, above: MARGIN / 2, x };
}
