// The exported copy, re-read with pdf.js as another reader would: each annotation is there as a
// real PDF annotation of its type, on its page, with its text and author, and every page has the
// footer with the delegate's name (with its diacritics) as real text.
/* eslint-disable no-restricted-imports -- this test runs in Node and reads fonts and PDFs from disk */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts, degrees } from '@cantoo/pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationShape } from '../../core/model.ts';
import { ExportError, exportAnnotatedPdf } from './exportPdf.ts';

const FONT = 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
const CORPUS = '../shared/corpus/pdf';
const FOOTER = 'Bản của Nguyễn Văn An — 26/11/2026 14:05';
const NAME = 'Nguyễn Văn An';

let seq = 0;
function annotation(page: number, shape: AnnotationShape, text: string): Annotation {
  seq++;
  return {
    id: `a-${seq}`,
    documentId: 'd1',
    sha256: 'x',
    page,
    author: 'u-an',
    shared: false,
    color: '#ffd400',
    text,
    shape,
    createdAt: '2026-11-26T06:00:00.000Z',
    updatedAt: '2026-11-26T07:00:00.000Z',
    version: 1,
  };
}

/** A stroke of `points` points: a wave across the page. */
function stroke(points: number, x0: number, y0: number): number[] {
  const s: number[] = [];
  for (let i = 0; i < points; i++) s.push(x0 + i * 0.8, y0 + 20 * Math.sin(i / 15));
  return s;
}

/** All four kinds on one page, placed relative to (x, y), the lower left of the visible area. */
function fourKinds(page: number, x: number, y: number): Annotation[] {
  return [
    annotation(
      page,
      {
        kind: 'highlight',
        rects: [
          { x: x + 50, y: y + 600, w: 200, h: 14 },
          { x: x + 50, y: y + 584, w: 120, h: 14 },
        ],
        quote: 'Ngân sách',
        prefix: '',
        suffix: '',
      },
      `Đồng ý với mục này (trang ${page})`,
    ),
    annotation(
      page,
      {
        kind: 'ink',
        strokes: [stroke(300, x + 60, y + 400), stroke(200, x + 60, y + 350)],
        width: 2,
      },
      'Chữ ký nháp',
    ),
    annotation(page, { kind: 'note', x: x + 400, y: y + 700 }, 'Hỏi lại về khoản chi thường xuyên'),
    annotation(
      page,
      { kind: 'text', rect: { x: x + 300, y: y + 200, w: 180, h: 60 }, fontSize: 11 },
      'Đề nghị bổ sung số liệu quý IV năm 2026 trước kỳ họp',
    ),
  ];
}

/** Three pages: plain, turned 90°, and with a MediaBox that does not start at 0 0. */
async function generated(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Du toan ngan sach 1', { font: helv, x: 50, y: 700 });
  const turned = doc.addPage([595, 842]);
  turned.setRotation(degrees(90));
  turned.drawText('Du toan ngan sach 2', { font: helv, x: 50, y: 700 });
  const shifted = doc.addPage([595, 842]);
  shifted.setMediaBox(100, 200, 595, 842);
  shifted.drawText('Du toan ngan sach 3', { font: helv, x: 150, y: 900 });
  return doc.save();
}

const tasks = new WeakMap<PDFDocumentProxy, { destroy(): Promise<void> }>();
async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({ data: bytes.slice(), disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  tasks.set(doc, task);
  return doc;
}
const close = (doc: PDFDocumentProxy) => tasks.get(doc)!.destroy();

interface Seen {
  subtype: string;
  page: number;
  contents: string;
  author: string;
  id: string;
  raw: Record<string, unknown>;
}

async function annotationsOf(doc: PDFDocumentProxy): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    for (const a of (await page.getAnnotations()) as Record<string, unknown>[]) {
      seen.push({
        subtype: a.subtype as string,
        page: p,
        contents: (a.contentsObj as { str: string } | undefined)?.str ?? '',
        author: (a.titleObj as { str: string } | undefined)?.str ?? '',
        id: (a.id as string | undefined) ?? '',
        raw: a,
      });
    }
  }
  return seen;
}

async function textOf(doc: PDFDocumentProxy, p: number): Promise<string> {
  const content = await (await doc.getPage(p)).getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join('');
}

const SUBTYPES = { highlight: 'Highlight', ink: 'Ink', note: 'Text', text: 'FreeText' } as const;

async function exportAndCheck(source: Uint8Array, annotations: Annotation[]) {
  const font = new Uint8Array(await readFile(FONT));
  const before = await open(source);
  const pagesBefore = before.numPages;
  const existing = await annotationsOf(before);
  await close(before);

  const out = await exportAnnotatedPdf(source, annotations, {
    footer: FOOTER,
    at: new Date('2026-11-26T07:05:00Z'),
    font,
    authorName: (id) => (id === 'u-an' ? NAME : id),
  });
  const doc = await open(out);
  expect(doc.numPages).toBe(pagesBefore);
  const seen = await annotationsOf(doc);
  // the file's own annotations are kept
  expect(seen.length).toBe(existing.length + annotations.length);
  const ours = seen.filter((s) => s.author === NAME);
  expect(ours).toHaveLength(annotations.length);
  for (const a of annotations) {
    const match = ours.filter(
      (s) => s.page === a.page && s.subtype === SUBTYPES[a.shape.kind] && s.contents === a.text,
    );
    expect(match, `${a.shape.kind} on page ${a.page}`).toHaveLength(1);
  }
  for (let p = 1; p <= doc.numPages; p++) expect(await textOf(doc, p)).toContain(FOOTER);
  return { doc, ours, out };
}

describe('exportAnnotatedPdf', () => {
  it('writes highlights, ink, notes and text boxes that pdf.js reads back, with the footer on every page', async () => {
    const source = await generated();
    const annotations = [...fourKinds(1, 0, 0), ...fourKinds(2, 0, 0), ...fourKinds(3, 100, 200)];
    const { doc, ours } = await exportAndCheck(source, annotations);

    const highlight = ours.find((s) => s.page === 1 && s.subtype === 'Highlight')!.raw;
    // two lines: two quadrilaterals, and the colour
    expect((highlight.quadPoints as ArrayLike<number>).length).toBe(16);
    expect(Array.from(highlight.color as Uint8ClampedArray)).toEqual([255, 212, 0]);
    expect(highlight.hasAppearance).toBe(true);
    const ink = ours.find((s) => s.page === 1 && s.subtype === 'Ink')!.raw;
    const inkLists = ink.inkLists as ArrayLike<number>[];
    expect(inkLists).toHaveLength(2);
    // pdf.js gives the points as a flat array of x, y pairs
    expect(inkLists[0]!.length).toBe(600);
    expect((ink.borderStyle as { width: number }).width).toBe(2);
    const note = ours.find((s) => s.page === 1 && s.subtype === 'Text')!.raw;
    expect(note.rect).toEqual([400, 680, 420, 700]);
    expect(note.hasAppearance).toBe(true);
    const box = ours.find((s) => s.page === 1 && s.subtype === 'FreeText')!.raw;
    expect(box.rect).toEqual([300, 200, 480, 260]);
    expect(box.hasAppearance).toBe(true);

    // on the page whose MediaBox starts at 100 200, the geometry is kept in user space as given
    const shifted = ours.find((s) => s.page === 3 && s.subtype === 'FreeText')!.raw;
    expect(shifted.rect).toEqual([400, 400, 580, 460]);
    await close(doc);
  });

  it('reads the footer upright on a turned page and inside a shifted MediaBox', async () => {
    const { doc } = await exportAndCheck(await generated(), []);
    for (const p of [2, 3]) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const item = (await page.getTextContent()).items.find(
        (i) => 'str' in i && i.str.includes('Nguyễn'),
      ) as { transform: number[] };
      // where the footer's start is on the page as shown: near its lower left corner
      const [vx, vy] = viewport.convertToViewportPoint(item.transform[4]!, item.transform[5]!) as [
        number,
        number,
      ];
      expect(vx, `page ${p}`).toBeGreaterThan(0);
      expect(vx, `page ${p}`).toBeLessThan(60);
      expect(vy, `page ${p}`).toBeGreaterThan(viewport.height - 30);
      expect(vy, `page ${p}`).toBeLessThanOrEqual(viewport.height);
      // and the text runs left to right as shown, not up or down the page
      const [ax, ay] = viewport.convertToViewportPoint(
        item.transform[4]! + item.transform[0]!,
        item.transform[5]! + item.transform[1]!,
      ) as [number, number];
      expect(ax).toBeGreaterThan(vx);
      expect(Math.abs(ay - vy)).toBeLessThan(0.01);
    }
    await close(doc);
  });

  it.skipIf(!existsSync(CORPUS))(
    'annotates a real paper and keeps a file’s own annotations',
    async () => {
      const paper = new Uint8Array(await readFile(`${CORPUS}/tracemonkey.pdf`));
      const a = [...fourKinds(1, 0, 0), ...fourKinds(7, 0, 0), ...fourKinds(14, 0, 0)];
      const { doc } = await exportAndCheck(paper, a);
      // the paper's own text is still there
      expect(await textOf(doc, 1)).toContain('Trace-based');
      await close(doc);

      const highlighted = new Uint8Array(await readFile(`${CORPUS}/annotation-highlight.pdf`));
      const kept = await exportAndCheck(highlighted, fourKinds(1, 0, 0));
      await close(kept.doc);
    },
  );

  it.skipIf(!existsSync(CORPUS))(
    'refuses an encrypted file and a damaged one with a clear reason',
    async () => {
      const font = new Uint8Array(await readFile(FONT));
      const options = { footer: FOOTER, at: new Date(), font };
      const locked = new Uint8Array(await readFile(`${CORPUS}/issue6010_1.pdf`));
      await expect(exportAnnotatedPdf(locked, [], options)).rejects.toMatchObject({
        name: 'ExportError',
        failure: 'encrypted',
      });
      await expect(
        exportAnnotatedPdf(new Uint8Array([1, 2, 3]), [], options),
      ).rejects.toMatchObject({ failure: 'damaged' });
      // damaged real files: either exported (and readable) or refused as damaged, never anything else
      for (const file of ['PDFBOX-3148-2-fuzzed.pdf']) {
        const bytes = new Uint8Array(await readFile(`${CORPUS}/${file}`));
        try {
          const out = await exportAnnotatedPdf(bytes, [], options);
          const doc = await open(out);
          expect(await textOf(doc, 1)).toContain(FOOTER);
          await close(doc);
        } catch (err) {
          expect(err, file).toBeInstanceOf(ExportError);
          expect((err as ExportError).failure).toBe('damaged');
        }
      }
    },
  );
});
