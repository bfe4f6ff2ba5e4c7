// Finding text in a page's text items, and mapping each hit back to the items it covers. Pure.
// How text is folded (case, white space, Vietnamese marks) is core/text.ts, shared with the
// server's search across a meeting's documents.
import { findFolded, foldItems, type FoldedText } from '../../core/text.ts';

export { foldQuery, hasMarks } from '../../core/text.ts';

/** A page's text as pdf.js gives it: one string per text item, and where lines end. */
export interface PageText {
  items: string[];
  eol: boolean[];
}

/** Part of one hit inside one text item: characters [start, end) of `items[item]`. */
export interface Segment {
  item: number;
  start: number;
  end: number;
}

/** One match on a page: the segments it covers, in reading order. */
export type Match = Segment[];

export interface Hit {
  /** 1-based page number. */
  page: number;
  /** Index of this match among the page's matches. */
  index: number;
  segments: Match;
}

/** Every match of `query` on a page (not overlapping), each as the item segments it covers. */
export function findInPage(page: PageText, query: string): Match[] {
  const hay = foldItems(page.items, page.eol);
  return findFolded(hay, page.items, query).map(([from, to]) => segmentsOf(hay, from, to));
}

function segmentsOf(hay: FoldedText, from: number, to: number): Match {
  const segments: Segment[] = [];
  for (let i = from; i < to; i++) {
    const item = hay.item[i]!;
    if (item < 0) continue;
    const last = segments.at(-1);
    if (last && last.item === item) {
      last.start = Math.min(last.start, hay.start[i]!);
      last.end = Math.max(last.end, hay.end[i]!);
    } else segments.push({ item, start: hay.start[i]!, end: hay.end[i]! });
  }
  return segments;
}

/** What to mark inside one text item: ranges in order, each flagged if it is the selected hit. */
export interface Mark {
  start: number;
  end: number;
  selected: boolean;
}

/** The page's matches grouped by text item, for painting them into the text layer. */
export function marksByItem(matches: readonly Match[], selected: number | null) {
  const byItem = new Map<number, Mark[]>();
  matches.forEach((match, index) => {
    for (const s of match) {
      if (s.end <= s.start) continue;
      const list = byItem.get(s.item) ?? [];
      list.push({ start: s.start, end: s.end, selected: index === selected });
      byItem.set(s.item, list);
    }
  });
  for (const list of byItem.values()) list.sort((a, b) => a.start - b.start);
  return byItem;
}

/**
 * Which hit to show first: the first on or after `fromPage`, else the first of all (the search
 * wraps round), or null when there are none.
 */
export function firstHitFrom(hits: readonly Hit[], fromPage: number): number | null {
  if (hits.length === 0) return null;
  const i = hits.findIndex((h) => h.page >= fromPage);
  return i === -1 ? 0 : i;
}

/** The next (dir 1) or previous (dir -1) hit, wrapping round. */
export function stepHit(count: number, current: number | null, dir: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null) return dir > 0 ? 0 : count - 1;
  return (current + dir + count) % count;
}
