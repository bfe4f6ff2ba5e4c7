import { degrees, PDFDocument } from '@cantoo/pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { AnnotationShape } from '../../core/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cssBox,
  mergeLineRects,
  moveShape,
  quoteContext,
  resizedTextRect,
  TEXT_BOX_MIN,
  simplify,
  toCssPoint,
  toCssRect,
  toCssStroke,
  toPdfDelta,
  toPdfPoint,
  toPdfRect,
  toPdfStroke,
} from './geometry.ts';

// real pdf.js viewports of pages as PDFs have them: plain, rotated, and with a view box that does
// not start at 0, 0 (a crop box)
let task: ReturnType<typeof getDocument>;
let doc: PDFDocumentProxy;
beforeAll(async () => {
  const pdf = await PDFDocument.create();
  pdf.addPage([600, 800]);
  pdf.addPage([600, 800]).setRotation(degrees(90));
  pdf.addPage([600, 800]).setCropBox(50, 100, 400, 500);
  pdf.addPage([600, 800]).setRotation(degrees(270));
  const data = await pdf.save();
  task = getDocument({ data, useSystemFonts: false });
  doc = await task.promise;
});
afterAll(async () => {
  await task.destroy();
});
const viewport = async (page: number, scale = 1.5) =>
  (await doc.getPage(page)).getViewport({ scale });

describe('PDF <-> CSS coordinates', () => {
  it('maps the lower left of an upright page to its bottom left corner, y growing upwards', async () => {
    const vp = await viewport(1);
    expect(toCssPoint(vp, { x: 0, y: 0 })).toEqual({ x: 0, y: 1200 });
    expect(toCssPoint(vp, { x: 600, y: 800 })).toEqual({ x: 900, y: 0 });
    expect(toPdfPoint(vp, { x: 90, y: 300 })).toEqual({ x: 60, y: 600 });
  });

  it('keeps a rectangle on the same place of the page at any zoom', async () => {
    const css = { left: 120, top: 240, width: 300, height: 30 };
    const pdf = toPdfRect(await viewport(1, 1.5), css);
    expect(pdf).toEqual({ x: 80, y: 620, w: 200, h: 20 });
    const twice = toCssRect(await viewport(1, 3), pdf);
    expect(twice).toEqual({ left: 240, top: 480, width: 600, height: 60 });
  });

  it('follows the page rotation: a rotated page is shown wider than tall', async () => {
    for (const page of [2, 4]) {
      const vp = await viewport(page, 1);
      expect([vp.width, vp.height]).toEqual([800, 600]);
      const css = { left: 100, top: 50, width: 200, height: 40 };
      const pdf = toPdfRect(vp, css);
      // the rectangle turns with the page: its width in PDF space is its CSS height
      expect([pdf.w, pdf.h]).toEqual([40, 200]);
      const back = toCssRect(vp, pdf);
      expect(back.left).toBeCloseTo(100);
      expect(back.top).toBeCloseTo(50);
      expect(back.width).toBeCloseTo(200);
      expect(back.height).toBeCloseTo(40);
    }
    // 90°: the PDF origin is at the top left of what is shown
    const vp = await viewport(2, 1);
    expect(toCssPoint(vp, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('counts from the view box of a cropped page', async () => {
    const vp = await viewport(3, 1);
    expect([vp.width, vp.height]).toEqual([400, 500]);
    expect(toCssPoint(vp, { x: 50, y: 100 })).toEqual({ x: 0, y: 500 });
    expect(toPdfPoint(vp, { x: 0, y: 0 })).toEqual({ x: 50, y: 600 });
  });

  it('takes strokes there and back, and a drag as a PDF offset', async () => {
    const vp = await viewport(2, 2);
    const pts = [
      { x: 10, y: 20 },
      { x: 30.5, y: 44 },
    ];
    const flat = toPdfStroke(vp, pts);
    expect(flat).toHaveLength(4);
    const back = toCssStroke(vp, flat);
    back.forEach((p, i) => {
      expect(p.x).toBeCloseTo(pts[i]!.x, 1);
      expect(p.y).toBeCloseTo(pts[i]!.y, 1);
    });
    // rotated 90°: dragging right moves along the PDF's y axis
    const d = toPdfDelta(vp, 20, 0);
    expect(d.x).toBeCloseTo(0);
    expect(Math.abs(d.y)).toBeCloseTo(10);
  });

  it('boxes each kind of shape for its outline and editor', async () => {
    const vp = await viewport(1, 1);
    expect(cssBox(vp, { kind: 'note', x: 100, y: 700 }, 1, 26)).toEqual({
      left: 100,
      top: 100,
      width: 26,
      height: 26,
    });
    const ink = cssBox(vp, { kind: 'ink', strokes: [[10, 790, 110, 740]], width: 4 }, 1, 26);
    expect(ink).toEqual({ left: 8, top: 8, width: 104, height: 54 });
  });
});

describe('shapes', () => {
  it('moves ink, notes and text boxes; a highlight stays on its words', () => {
    expect(moveShape({ kind: 'ink', strokes: [[1, 2, 3, 4]], width: 2 }, 10, -1)).toEqual({
      kind: 'ink',
      strokes: [[11, 1, 13, 3]],
      width: 2,
    });
    expect(moveShape({ kind: 'note', x: 5, y: 5 }, 1.005, 2)).toEqual({
      kind: 'note',
      x: 6.01,
      y: 7,
    });
    const text = { kind: 'text', rect: { x: 0, y: 0, w: 10, h: 5 }, fontSize: 12 } as const;
    expect(moveShape(text, 3, 4)).toEqual({ ...text, rect: { x: 3, y: 4, w: 10, h: 5 } });
    const hl: AnnotationShape = {
      kind: 'highlight',
      rects: [{ x: 0, y: 0, w: 1, h: 1 }],
      quote: 'a',
      prefix: '',
      suffix: '',
    };
    expect(moveShape(hl, 3, 4)).toBe(hl);
  });

  it('merges a selection’s rectangles into one per line', () => {
    const merged = mergeLineRects([
      { left: 10, top: 100, width: 50, height: 12 },
      { left: 60, top: 101, width: 40, height: 11 }, // same line, touching
      { left: 100, top: 100, width: 0, height: 12 }, // empty span
      { left: 10, top: 120, width: 80, height: 12 }, // next line
      { left: 300, top: 100, width: 20, height: 12 }, // same line, another column
    ]);
    expect(merged).toEqual([
      { left: 10, top: 100, width: 90, height: 12 },
      { left: 300, top: 100, width: 20, height: 12 },
      { left: 10, top: 120, width: 80, height: 12 },
    ]);
  });

  it('simplifies a stroke: points on a straight line go, corners stay', () => {
    const line = Array.from({ length: 50 }, (_, i) => ({ x: i, y: i < 25 ? 0 : i - 24 }));
    const s = simplify(line, 0.5);
    expect(s).toEqual([
      { x: 0, y: 0 },
      { x: 24, y: 0 },
      { x: 49, y: 25 },
    ]);
    expect(simplify([{ x: 1, y: 1 }], 1)).toEqual([{ x: 1, y: 1 }]);
  });

  it('takes up to 32 characters either side of a quote', () => {
    const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(10);
    expect(quoteContext(text, 40, 45)).toEqual({ prefix: 'a'.repeat(32), suffix: 'b'.repeat(10) });
    expect(quoteContext('xQy', 1, 2)).toEqual({ prefix: 'x', suffix: 'y' });
  });
});

describe('resizing a text box by its bottom-right corner', () => {
  const rect = { x: 100, y: 600, w: 120, h: 30 };

  it('grows by the CSS drag in PDF points, the top-left corner staying put', async () => {
    const vp = await viewport(1, 1.5);
    const r = resizedTextRect(vp, rect, 30, 15, 1.5);
    expect(r).toEqual({ x: 100, y: 590, w: 140, h: 40 });
    const before = toCssRect(vp, rect);
    const after = toCssRect(vp, r);
    expect(after.left).toBeCloseTo(before.left, 1);
    expect(after.top).toBeCloseTo(before.top, 1);
  });

  it('holds at any zoom: the same drag at twice the zoom changes half as many points', async () => {
    const r = resizedTextRect(await viewport(1, 3), rect, 30, 15, 3);
    expect(r).toEqual({ x: 100, y: 595, w: 130, h: 35 });
    // and the box shown at another zoom is the same box
    const shown = toCssRect(await viewport(1, 1), r);
    expect(shown.width).toBeCloseTo(130, 1);
  });

  it('never gets smaller than the minimum size', async () => {
    const vp = await viewport(1, 1.5);
    const r = resizedTextRect(vp, rect, -1000, -1000, 1.5);
    expect(r.w).toBeCloseTo(TEXT_BOX_MIN.width, 1);
    expect(r.h).toBeCloseTo(TEXT_BOX_MIN.height, 1);
    expect(r.y + r.h).toBeCloseTo(rect.y + rect.h, 1); // still hangs from the same top edge
  });

  it('stays on the page when the page size is given', async () => {
    const vp = await viewport(1, 1.5);
    const r = resizedTextRect(vp, rect, 5000, 5000, 1.5, { width: 900, height: 1200 });
    expect(r.x + r.w).toBeCloseTo(600, 1);
    expect(r.y).toBeCloseTo(0, 1);
  });

  it('on a rotated page, drags the corner as shown and keeps the shown top-left', async () => {
    for (const page of [2, 4]) {
      const vp = await viewport(page, 1.5);
      const before = toCssRect(vp, rect);
      const after = toCssRect(vp, resizedTextRect(vp, rect, 30, 15, 1.5));
      expect(after.left).toBeCloseTo(before.left, 1);
      expect(after.top).toBeCloseTo(before.top, 1);
      expect(after.width).toBeCloseTo(before.width + 30, 1);
      expect(after.height).toBeCloseTo(before.height + 15, 1);
    }
  });
});
