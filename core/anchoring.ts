// Re-anchoring: when a document is replaced by a new version, each annotation moves to the new
// version by the text it was attached to (docs/protocol.md §13, "Document versions"). Pure; no
// DOM, no Node: the server extracts the layouts with pdf.js and calls this.
//
// Matching rules (the spec was open on the tolerance; this is what is done):
// - Text is compared ignoring case and all white space (line breaks, item joins, spacing), so a
//   quote that now wraps differently or moved to another page is found.
// - When that finds nothing, a second pass also ignores punctuation and symbols (only letters,
//   digits and their marks count). Diacritics always count: in Vietnamese they change the word.
//   Any change to a letter or a digit makes it a different sentence, which is NOT placed: a
//   reworded sentence lands in its owner's "could not place" list instead of on wrong words.
// - Of several occurrences, the one whose surrounding text (prefix/suffix) agrees best wins, then
//   the one nearest the old page, then the one nearest the old height on the page.
// - Notes, text boxes and ink follow the few words of text nearest to them on the old page: those
//   words are looked up the same way in the new version and the annotation moves by the offset of
//   their first letter, keeping its shape. No text near it, or that text gone: not placed.
import type { AnnotationShape, PdfRect } from './model.ts';

/** One text item as pdf.js reports it (getTextContent), in PDF user space of its page. */
export interface LayoutItem {
  str: string;
  /** The baseline's start: transform[4], transform[5]. */
  x: number;
  y: number;
  /** The advance width and the font height (item.width, item.height). */
  w: number;
  h: number;
  /** A line ends after this item. */
  eol?: boolean;
}

export interface PageLayout {
  width: number;
  height: number;
  items: LayoutItem[];
}

/** The text of a document version with positions, page by page (index 0 = page 1). */
export interface DocumentLayout {
  pages: PageLayout[];
}

/** Where an annotation goes on the new version. */
export interface Placement {
  page: number;
  shape: AnnotationShape;
}

/** Characters of context kept either side of a highlight's quote. */
export const CONTEXT_CHARS = 64;
/** Compact characters (no white space) of text a note, text box or ink drawing is tied to. */
const ANCHOR_CHARS = 16;
/** Occurrences compared at most (a one-letter quote in a long book). */
const MAX_OCCURRENCES = 1000;

interface Unit {
  ch: string;
  /** 0-based page, item, and the code point's index among the item's n code points. */
  p: number;
  i: number;
  ci: number;
  n: number;
}

/** A normalised view of the text: each character maps back to its unit. */
interface Folded {
  text: string;
  map: number[];
}

interface Indexed {
  layout: DocumentLayout;
  units: Unit[];
  /** The unit of each item's first character, by page and item (-1 for an empty item). */
  itemStart: number[][];
  compact: Folded;
  loose: Folded;
}

const SPACE = /\s/u;
const WORDISH = /[\p{L}\p{N}\p{M}]/u;

type Keep = (ch: string) => boolean;
const keepCompact: Keep = (ch) => !SPACE.test(ch);
const keepLoose: Keep = (ch) => WORDISH.test(ch);

function fold(units: readonly { ch: string }[], keep: Keep): Folded {
  let text = '';
  const map: number[] = [];
  units.forEach((u, k) => {
    for (const c of u.ch.toLowerCase().normalize('NFC'))
      if (keep(c)) {
        text += c;
        for (let j = 0; j < c.length; j++) map.push(k);
      }
  });
  return { text, map };
}

/** A string folded like the text: what a quote or its context is compared as. */
function foldString(s: string, keep: Keep): string {
  return fold(
    Array.from(s.normalize('NFC'), (ch) => ({ ch })),
    keep,
  ).text;
}

const indexes = new WeakMap<DocumentLayout, Indexed>();

function indexOf(layout: DocumentLayout): Indexed {
  const known = indexes.get(layout);
  if (known) return known;
  const units: Unit[] = [];
  const itemStart: number[][] = [];
  layout.pages.forEach((page, p) => {
    const starts: number[] = [];
    itemStart.push(starts);
    page.items.forEach((item, i) => {
      const chars = Array.from(item.str.normalize('NFC'));
      starts.push(chars.length ? units.length : -1);
      chars.forEach((ch, ci) => units.push({ ch, p, i, ci, n: chars.length }));
      if (item.eol) units.push({ ch: '\n', p, i, ci: chars.length, n: chars.length });
    });
    units.push({ ch: '\n', p, i: -1, ci: 0, n: 0 });
  });
  const built: Indexed = {
    layout,
    units,
    itemStart,
    compact: fold(units, keepCompact),
    loose: fold(units, keepLoose),
  };
  indexes.set(layout, built);
  return built;
}

/** Where a unit's character starts on its page (its baseline), or null for a page break. */
function pointOf(ix: Indexed, u: Unit): { x: number; y: number } | null {
  const item = ix.layout.pages[u.p]?.items[u.i];
  if (!item) return null;
  return { x: item.x + (u.n ? (item.w * u.ci) / u.n : 0), y: item.y };
}

interface Match {
  /** Units of the first and last matched character. */
  first: number;
  last: number;
}

interface Wanted {
  quote: string;
  prefix: string;
  suffix: string;
  /** 1-based page and a height on it where it was: to choose between equals. */
  page: number;
  y: number;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function search(ix: Indexed, want: Wanted, keep: Keep, folded: Folded): Match | null {
  const q = foldString(want.quote, keep);
  if (!q) return null;
  const pre = foldString(want.prefix, keep);
  const suf = foldString(want.suffix, keep);
  const { text, map } = folded;
  let best: { m: Match; ctx: number; pageDist: number; yDist: number } | null = null;
  let from = 0;
  for (let count = 0; count < MAX_OCCURRENCES; count++) {
    const at = text.indexOf(q, from);
    if (at < 0) break;
    from = at + 1;
    const ctx =
      commonSuffix(pre, text.slice(Math.max(0, at - pre.length), at)) +
      commonPrefix(suf, text.slice(at + q.length, at + q.length + suf.length));
    const m: Match = { first: map[at]!, last: map[at + q.length - 1]! };
    const u = ix.units[m.first]!;
    const pageDist = Math.abs(u.p + 1 - want.page);
    const yDist = Math.abs((pointOf(ix, u)?.y ?? 0) - want.y);
    if (
      !best ||
      ctx > best.ctx ||
      (ctx === best.ctx &&
        (pageDist < best.pageDist || (pageDist === best.pageDist && yDist < best.yDist)))
    )
      best = { m, ctx, pageDist, yDist };
  }
  return best?.m ?? null;
}

/** Finds text in a layout: exactly (but for case and white space), else ignoring punctuation. */
function find(ix: Indexed, want: Wanted): Match | null {
  return search(ix, want, keepCompact, ix.compact) ?? search(ix, want, keepLoose, ix.loose);
}

const collapse = (s: string) => s.replace(/\s+/gu, ' ');

/** The text just before and after a match, as a highlight's new prefix and suffix. */
function contextOf(ix: Indexed, m: Match): { prefix: string; suffix: string } {
  const before = ix.units.slice(Math.max(0, m.first - CONTEXT_CHARS * 2), m.first);
  const after = ix.units.slice(m.last + 1, m.last + 1 + CONTEXT_CHARS * 2);
  const prefix = collapse(before.map((u) => u.ch).join('')).trimStart();
  const suffix = collapse(after.map((u) => u.ch).join('')).trimEnd();
  return { prefix: prefix.slice(-CONTEXT_CHARS), suffix: suffix.slice(0, CONTEXT_CHARS) };
}

/**
 * The boxes of a match on the page where it starts: one per line, from the items' boxes (a part
 * of an item by its share of the item's characters). A line's box spans from a little below the
 * baseline (descenders) to the font height above it.
 */
function rectsOf(ix: Indexed, m: Match): { page: number; rects: PdfRect[] } {
  const page = ix.units[m.first]!.p;
  const spans = new Map<number, { lo: number; hi: number }>();
  for (let k = m.first; k <= m.last; k++) {
    const u = ix.units[k]!;
    if (u.p !== page || u.i < 0 || u.ci >= u.n || SPACE.test(u.ch)) continue;
    const s = spans.get(u.i);
    if (!s) spans.set(u.i, { lo: u.ci, hi: u.ci });
    else {
      s.lo = Math.min(s.lo, u.ci);
      s.hi = Math.max(s.hi, u.ci);
    }
  }
  const lines: { x0: number; x1: number; y0: number; y1: number; base: number; h: number }[] = [];
  const items = ix.layout.pages[page]!.items;
  for (const [i, { lo, hi }] of [...spans].sort((a, b) => a[0] - b[0])) {
    const item = items[i]!;
    const n = Array.from(item.str.normalize('NFC')).length || 1;
    const h = Math.abs(item.h) || 10;
    const x0 = item.x + (item.w * lo) / n;
    const x1 = item.x + (item.w * (hi + 1)) / n;
    const box = { x0, x1, y0: item.y - 0.2 * h, y1: item.y + h, base: item.y, h };
    const line = lines.find((l) => Math.abs(l.base - item.y) < Math.min(l.h, h) / 2);
    if (!line) lines.push(box);
    else {
      line.x0 = Math.min(line.x0, box.x0);
      line.x1 = Math.max(line.x1, box.x1);
      line.y0 = Math.min(line.y0, box.y0);
      line.y1 = Math.max(line.y1, box.y1);
    }
  }
  const rects = lines.map((l) => ({ x: l.x0, y: l.y0, w: l.x1 - l.x0, h: l.y1 - l.y0 }));
  return { page: page + 1, rects };
}

/** Where a shape is, for finding the text nearest to it: a point. */
function spotOf(shape: AnnotationShape): { x: number; y: number } {
  switch (shape.kind) {
    case 'highlight': {
      const r = shape.rects[0] ?? { x: 0, y: 0, w: 0, h: 0 };
      return { x: r.x, y: r.y + r.h / 2 };
    }
    case 'note':
      return { x: shape.x, y: shape.y };
    case 'text':
      return { x: shape.rect.x + shape.rect.w / 2, y: shape.rect.y + shape.rect.h / 2 };
    case 'ink': {
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (const s of shape.strokes)
        for (let k = 0; k + 1 < s.length; k += 2) {
          x0 = Math.min(x0, s[k]!);
          x1 = Math.max(x1, s[k]!);
          y0 = Math.min(y0, s[k + 1]!);
          y1 = Math.max(y1, s[k + 1]!);
        }
      return Number.isFinite(x0) ? { x: (x0 + x1) / 2, y: (y0 + y1) / 2 } : { x: 0, y: 0 };
    }
  }
}

function distance(item: LayoutItem, p: { x: number; y: number }): number {
  const h = Math.abs(item.h) || 10;
  const dx = p.x < item.x ? item.x - p.x : p.x > item.x + item.w ? p.x - item.x - item.w : 0;
  const dy = p.y < item.y ? item.y - p.y : p.y > item.y + h ? p.y - item.y - h : 0;
  return Math.hypot(dx, dy);
}

/**
 * The few words nearest to a point on a page of the old version: the nearest text item, grown by
 * the items after it (then before it) to at least ANCHOR_CHARS letters; with its context.
 */
function anchorNear(
  ix: Indexed,
  page: number,
  spot: { x: number; y: number },
): { want: Wanted; first: number } | null {
  const items = ix.layout.pages[page - 1]?.items ?? [];
  let nearest = -1;
  let best = Infinity;
  items.forEach((item, i) => {
    if (!item.str.trim()) return;
    const d = distance(item, spot);
    if (d < best) {
      best = d;
      nearest = i;
    }
  });
  if (nearest < 0) return null;
  // from the nearest item's first letter, forward to enough letters; short of it, backward
  let first = ix.itemStart[page - 1]?.[nearest] ?? -1;
  if (first < 0) return null;
  let last = first;
  let letters = 0;
  const isLetter = (u: Unit) => !SPACE.test(u.ch);
  for (let k = first; k < ix.units.length && ix.units[k]!.p === page - 1; k++) {
    if (ix.units[k]!.i < 0) break;
    last = k;
    if (isLetter(ix.units[k]!)) letters++;
    if (letters >= ANCHOR_CHARS && ix.units[k + 1] && SPACE.test(ix.units[k + 1]!.ch)) break;
  }
  while (letters < ANCHOR_CHARS && first > 0 && ix.units[first - 1]!.p === page - 1) {
    first--;
    if (isLetter(ix.units[first]!)) letters++;
  }
  while (SPACE.test(ix.units[first]!.ch) && first < last) first++;
  const m = { first, last };
  const quote = ix.units
    .slice(first, last + 1)
    .map((u) => u.ch)
    .join('');
  const { prefix, suffix } = contextOf(ix, m);
  return { want: { quote, prefix, suffix, page, y: spot.y }, first };
}

function moved(shape: AnnotationShape, dx: number, dy: number): AnnotationShape {
  switch (shape.kind) {
    case 'note':
      return { ...shape, x: shape.x + dx, y: shape.y + dy };
    case 'text':
      return { ...shape, rect: { ...shape.rect, x: shape.rect.x + dx, y: shape.rect.y + dy } };
    case 'ink':
      return {
        ...shape,
        strokes: shape.strokes.map((s) => s.map((v, k) => v + (k % 2 === 0 ? dx : dy))),
      };
    case 'highlight':
      return {
        ...shape,
        rects: shape.rects.map((r) => ({ ...r, x: r.x + dx, y: r.y + dy })),
      };
  }
}

/**
 * Where an annotation made on the old version goes on the new one, or null when the text it was
 * attached to is not in the new version (the annotation then stays on the old version, listed
 * for its owner).
 */
export function reanchor(
  annotation: { page: number; shape: AnnotationShape },
  oldLayout: DocumentLayout,
  newLayout: DocumentLayout,
): Placement | null {
  const { shape } = annotation;
  const next = indexOf(newLayout);
  if (shape.kind === 'highlight') {
    const spot = spotOf(shape);
    const m = find(next, {
      quote: shape.quote,
      prefix: shape.prefix,
      suffix: shape.suffix,
      page: annotation.page,
      y: spot.y,
    });
    if (!m) return null;
    const { page, rects } = rectsOf(next, m);
    if (rects.length === 0) return null;
    return { page, shape: { ...shape, rects, ...contextOf(next, m) } };
  }
  const old = indexOf(oldLayout);
  const anchor = anchorNear(old, annotation.page, spotOf(shape));
  if (!anchor) return null;
  const m = find(next, anchor.want);
  if (!m) return null;
  const from = pointOf(old, old.units[anchor.first]!);
  const to = pointOf(next, next.units[m.first]!);
  if (!from || !to) return null;
  return { page: next.units[m.first]!.p + 1, shape: moved(shape, to.x - from.x, to.y - from.y) };
}

/** The layout of a document as pdf.js gives it, reduced to what re-anchoring needs. */
export function layoutItem(item: {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}): LayoutItem {
  return {
    str: item.str,
    x: item.transform[4] ?? 0,
    y: item.transform[5] ?? 0,
    w: item.width,
    h: item.height,
    ...(item.hasEOL ? { eol: true } : {}),
  };
}
