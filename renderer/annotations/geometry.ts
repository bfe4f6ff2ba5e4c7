// Between PDF user space (where annotations are kept, so they stay put at any zoom) and a page's
// CSS pixels as shown, through the page's pdf.js viewport (which knows its view box, rotation and
// user unit). Pure: the viewport is any object with pdf.js's two conversions.
import type { AnnotationShape, PdfRect } from '../../core/index.ts';

/** The part of pdf.js's PageViewport used here. */
export interface ViewportLike {
  convertToViewportPoint: (x: number, y: number) => number[];
  convertToPdfPoint: (x: number, y: number) => number[];
}

/** A rectangle in the page's CSS pixels, from its top-left corner. */
export interface CssRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Two decimals of a point are far finer than any eye or pen: keeps the wire small. */
const round = (n: number): number => Math.round(n * 100) / 100;

export function toPdfPoint(vp: ViewportLike, p: Point): Point {
  const [x = 0, y = 0] = vp.convertToPdfPoint(p.x, p.y);
  return { x: round(x), y: round(y) };
}

export function toCssPoint(vp: ViewportLike, p: Point): Point {
  const [x = 0, y = 0] = vp.convertToViewportPoint(p.x, p.y);
  return { x, y };
}

/** The PDF rectangle covering a CSS rectangle (any rotation: the corners are normalised). */
export function toPdfRect(vp: ViewportLike, r: CssRect): PdfRect {
  const a = toPdfPoint(vp, { x: r.left, y: r.top });
  const b = toPdfPoint(vp, { x: r.left + r.width, y: r.top + r.height });
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: round(Math.abs(a.x - b.x)), h: round(Math.abs(a.y - b.y)) };
}

/** The CSS rectangle a PDF rectangle is shown in. */
export function toCssRect(vp: ViewportLike, r: PdfRect): CssRect {
  const a = toCssPoint(vp, { x: r.x, y: r.y });
  const b = toCssPoint(vp, { x: r.x + r.w, y: r.y + r.h });
  return {
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

/** A flat list x0, y0, x1, y1, ... of PDF points from CSS points, and back. */
export function toPdfStroke(vp: ViewportLike, points: Point[]): number[] {
  return points.flatMap((p) => {
    const q = toPdfPoint(vp, p);
    return [q.x, q.y];
  });
}

export function toCssStroke(vp: ViewportLike, flat: number[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2)
    out.push(toCssPoint(vp, { x: flat[i]!, y: flat[i + 1]! }));
  return out;
}

/**
 * A text selection's client rectangles, one per line: rectangles that overlap vertically by more
 * than half the lower one's height and touch horizontally become one. Tiny ones (empty spans,
 * line ends) are dropped.
 */
export function mergeLineRects(rects: readonly CssRect[], gap = 3): CssRect[] {
  const sorted = rects
    .filter((r) => r.width >= 1 && r.height >= 1)
    .toSorted((a, b) => a.top - b.top || a.left - b.left);
  const out: CssRect[] = [];
  for (const r of sorted) {
    const line = out.find((o) => {
      const overlap = Math.min(o.top + o.height, r.top + r.height) - Math.max(o.top, r.top);
      const sameLine = overlap > Math.min(o.height, r.height) / 2;
      const touches = r.left <= o.left + o.width + gap && o.left <= r.left + r.width + gap;
      return sameLine && touches;
    });
    if (!line) {
      out.push({ ...r });
      continue;
    }
    const right = Math.max(line.left + line.width, r.left + r.width);
    const bottom = Math.max(line.top + line.height, r.top + r.height);
    line.left = Math.min(line.left, r.left);
    line.top = Math.min(line.top, r.top);
    line.width = right - line.left;
    line.height = bottom - line.top;
  }
  return out;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Ramer–Douglas–Peucker: drops the points within `tolerance` of the line their neighbours make. */
export function simplify(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let far = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(points[i]!, points[from]!, points[to]!);
      if (d > far) {
        far = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([from, worst], [worst, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Some text either side of a quote in its page's text, to find it again (re-anchoring). */
export function quoteContext(
  pageText: string,
  start: number,
  end: number,
  size = 32,
): { prefix: string; suffix: string } {
  return {
    prefix: pageText.slice(Math.max(0, start - size), start),
    suffix: pageText.slice(end, end + size),
  };
}

/** The SVG path of a stroke through CSS points. */
export function strokePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  const head = `M${first!.x.toFixed(1)} ${first!.y.toFixed(1)}`;
  if (rest.length === 0) return `${head} l0.01 0`; // a dot
  return head + rest.map((p) => ` L${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join('');
}

/** Moves a shape by a PDF-space offset. */
export function movedPdfRect(r: PdfRect, dx: number, dy: number): PdfRect {
  return { ...r, x: round(r.x + dx), y: round(r.y + dy) };
}

/** The same shape moved by a PDF-space offset (a highlight stays on its words: not moved). */
export function moveShape(shape: AnnotationShape, dx: number, dy: number): AnnotationShape {
  switch (shape.kind) {
    case 'highlight':
      return shape;
    case 'ink':
      return {
        ...shape,
        strokes: shape.strokes.map((s) => s.map((n, i) => round(n + (i % 2 === 0 ? dx : dy)))),
      };
    case 'note':
      return { ...shape, x: round(shape.x + dx), y: round(shape.y + dy) };
    case 'text':
      return { ...shape, rect: movedPdfRect(shape.rect, dx, dy) };
  }
}

/** A CSS offset as a PDF-space offset (rotation makes x and y trade places). */
export function toPdfDelta(vp: ViewportLike, dx: number, dy: number): Point {
  const [x0 = 0, y0 = 0] = vp.convertToPdfPoint(0, 0);
  const [x1 = 0, y1 = 0] = vp.convertToPdfPoint(dx, dy);
  return { x: x1 - x0, y: y1 - y0 };
}

/** The CSS box an annotation takes on its page (to outline it and place its editor). */
export function cssBox(
  vp: ViewportLike,
  shape: AnnotationShape,
  scale: number,
  noteSize: number,
): CssRect {
  switch (shape.kind) {
    case 'highlight':
      return union(shape.rects.map((r) => toCssRect(vp, r)));
    case 'ink': {
      const pad = (shape.width * scale) / 2;
      const pts = shape.strokes.flatMap((s) => toCssStroke(vp, s));
      const box = union(pts.map((p) => ({ left: p.x, top: p.y, width: 0, height: 0 })));
      return {
        left: box.left - pad,
        top: box.top - pad,
        width: box.width + 2 * pad,
        height: box.height + 2 * pad,
      };
    }
    case 'note': {
      const p = toCssPoint(vp, shape);
      return { left: p.x, top: p.y, width: noteSize, height: noteSize };
    }
    case 'text':
      return toCssRect(vp, shape.rect);
  }
}

function union(rects: readonly CssRect[]): CssRect {
  if (rects.length === 0) return { left: 0, top: 0, width: 0, height: 0 };
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.left + r.width));
  const bottom = Math.max(...rects.map((r) => r.top + r.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** A text box's smallest size, in PDF points (so it holds at any zoom). */
export const TEXT_BOX_MIN = { width: 36, height: 14 };

/**
 * A text box's PDF rectangle after its bottom-right corner (as shown) moved by dx, dy CSS pixels:
 * the top-left corner as shown stays put, the size stays at least TEXT_BOX_MIN and, when `page`
 * (the page's CSS size) is given, the box stays on the page. `scale` is CSS pixels per point.
 */
export function resizedTextRect(
  vp: ViewportLike,
  rect: PdfRect,
  dx: number,
  dy: number,
  scale: number,
  page?: { width: number; height: number },
): PdfRect {
  const c = toCssRect(vp, rect);
  const minW = TEXT_BOX_MIN.width * scale;
  const minH = TEXT_BOX_MIN.height * scale;
  let width = Math.max(minW, c.width + dx);
  let height = Math.max(minH, c.height + dy);
  if (page) {
    width = Math.max(minW, Math.min(width, page.width - c.left));
    height = Math.max(minH, Math.min(height, page.height - c.top));
  }
  return toPdfRect(vp, { left: c.left, top: c.top, width, height });
}
