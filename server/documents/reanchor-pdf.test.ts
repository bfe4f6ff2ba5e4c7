// Re-anchoring with real text changes: PDFs with Vietnamese text made with pdf-lib, read back with
// pdf.js the way the server reads them, and the annotations moved from one version to the next.
import { describe, expect, it } from 'vitest';
import {
  apply,
  emptyMeeting,
  reanchor,
  reanchorDocument,
  unplacedAnnotations,
  type Annotation,
  type AnnotationShape,
  type DocumentInfo,
  type DocumentLayout,
  type MeetingState,
  type PdfRect,
} from '../../core/index.ts';
import { readLayout } from './pdf-layout.ts';
import {
  BEFORE,
  boxOfWords,
  highlightOn,
  INK_WORDS,
  inserted,
  INSERTED,
  makeTextPdf,
  NOTE_LINE,
  noteAndInk,
  PART,
  SENTENCE,
  type MadePdf,
} from './reanchor-fixtures.ts';

async function version(lines: string[]): Promise<{ made: MadePdf; layout: DocumentLayout }> {
  const made = await makeTextPdf(lines);
  // pdf.js takes the buffer it is given
  return { made, layout: (await readLayout(made.bytes.slice())).layout };
}

/** The highlight's rects together cover the words' box on its line. */
function expectCovers(rects: PdfRect[], box: PdfRect): void {
  const r = rects.find((r) => r.y <= box.y && r.y + r.h >= box.y + box.h);
  expect(r, `a rect on the line at y=${box.y}`).toBeDefined();
  expect(r!.x).toBeLessThanOrEqual(box.x + 0.5);
  expect(r!.x + r!.w).toBeGreaterThanOrEqual(box.x + box.w - 0.5);
}

/** Most of the words' box is covered, and not much more (part of a line: width by characters). */
function expectMostlyCovers(rects: PdfRect[], box: PdfRect): void {
  const r = rects.find((r) => r.y <= box.y && r.y + r.h >= box.y + box.h)!;
  expect(r).toBeDefined();
  const overlap = Math.min(r.x + r.w, box.x + box.w) - Math.max(r.x, box.x);
  expect(overlap / box.w).toBeGreaterThan(0.85);
  expect(r.w / box.w).toBeLessThan(1.2);
}

function shifted(shape: AnnotationShape, dx: number, dy: number): AnnotationShape {
  if (shape.kind === 'note') return { ...shape, x: shape.x + dx, y: shape.y + dy };
  if (shape.kind === 'ink')
    return { ...shape, strokes: shape.strokes.map((s) => s.map((v, k) => v + (k % 2 ? dy : dx))) };
  throw new Error('not used');
}

function expectShape(actual: AnnotationShape, expected: AnnotationShape): void {
  const round = (s: AnnotationShape) =>
    JSON.parse(
      JSON.stringify(s, (_k, v: unknown) =>
        typeof v === 'number' ? Math.round(v * 100) / 100 : v,
      ),
    ) as unknown;
  expect(round(actual)).toEqual(round(expected));
}

describe('re-anchoring a real text change', () => {
  it('a paragraph inserted above: the highlights land on the same words, the note and ink move with their text', async () => {
    const a = await version(BEFORE);
    const b = await version(inserted(INSERTED));
    const whole = highlightOn(a.made, SENTENCE, 'Phần II. Kiến nghị', 'Việc sửa chữa');
    const part = highlightOn(a.made, PART, 'đạt 105% dự toán,', '.');
    const placed = reanchor(whole, a.layout, b.layout)!;
    const target = boxOfWords(b.made, SENTENCE);
    expect(placed.page).toBe(1);
    expect(target.box.y).toBeLessThan(boxOfWords(a.made, SENTENCE).box.y - 40);
    expect(placed.shape.kind).toBe('highlight');
    if (placed.shape.kind !== 'highlight') return;
    expect(placed.shape.rects).toHaveLength(1);
    expectCovers(placed.shape.rects, target.box);
    expect(placed.shape.quote).toBe(SENTENCE);
    expect(placed.shape.prefix.endsWith('Phần II. Kiến nghị ')).toBe(true);
    expect(placed.shape.suffix.startsWith(' Việc sửa chữa')).toBe(true);

    const partPlaced = reanchor(part, a.layout, b.layout)!;
    expect(partPlaced.page).toBe(1);
    if (partPlaced.shape.kind !== 'highlight') throw new Error('kind');
    expectMostlyCovers(partPlaced.shape.rects, boxOfWords(b.made, PART).box);

    const { note, ink } = noteAndInk(a.made);
    const dy = boxOfWords(b.made, NOTE_LINE).box.y - boxOfWords(a.made, NOTE_LINE).box.y;
    expect(dy).toBeLessThan(-40);
    const noteMoved = reanchor(note, a.layout, b.layout)!;
    expect(noteMoved.page).toBe(1);
    expectShape(noteMoved.shape, shifted(note.shape, 0, dy));
    const inkMoved = reanchor(ink, a.layout, b.layout)!;
    expectShape(inkMoved.shape, shifted(ink.shape, 0, dy));
  });

  it('text pushed onto the next page: the highlight, note and ink go to page 2 with it', async () => {
    const a = await version(BEFORE);
    const filler = Array.from(
      { length: 40 },
      (_, i) => `Dòng bổ sung số ${i + 1}: nội dung giải trình chi tiết của Ủy ban.`,
    );
    const b = await version(inserted(filler));
    const target = boxOfWords(b.made, SENTENCE);
    expect(target.page).toBe(2);
    const placed = reanchor(
      highlightOn(a.made, SENTENCE, 'Phần II. Kiến nghị', 'Việc'),
      a.layout,
      b.layout,
    )!;
    expect(placed.page).toBe(2);
    if (placed.shape.kind !== 'highlight') throw new Error('kind');
    expectCovers(placed.shape.rects, target.box);

    const { note, ink } = noteAndInk(a.made);
    const line = boxOfWords(b.made, NOTE_LINE);
    const dy = line.box.y - boxOfWords(a.made, NOTE_LINE).box.y;
    const noteMoved = reanchor(note, a.layout, b.layout)!;
    expect(noteMoved.page).toBe(line.page);
    expectShape(noteMoved.shape, shifted(note.shape, 0, dy));
    const inkMoved = reanchor(ink, a.layout, b.layout)!;
    expect(inkMoved.page).toBe(boxOfWords(b.made, INK_WORDS).page);
  });

  it('the highlighted sentence reworded: not placed, and listed for its owner; the rest moves', async () => {
    const reworded = 'Hội đồng quyết định dành thêm kinh phí cho các trường ở miền núi.';
    const a = await version(BEFORE);
    const b = await version(inserted(INSERTED).map((l) => (l === SENTENCE ? reworded : l)));
    const h = highlightOn(a.made, SENTENCE, 'Phần II. Kiến nghị', 'Việc sửa chữa');
    expect(reanchor(h, a.layout, b.layout)).toBeNull();

    const { note, ink } = noteAndInk(a.made);
    let s = stateWith('sha-a', [
      annotation('h1', 'del1', h),
      annotation('n1', 'del1', note),
      annotation('i1', 'del2', ink),
    ]);
    const events = reanchorDocument(s, 'doc1', 'sha-a', 'sha-b', a.layout, b.layout);
    expect(events.map((e) => e.type === 'annotation.reanchored' && e.payload.annotationId)).toEqual(
      ['n1', 'i1'],
    );
    s = replaced(s, 'sha-b');
    for (const e of events) s = apply(s, { ...e, rev: s.rev + 1, at: NOW, actor: 'sec' });
    expect(unplacedAnnotations(s, 'doc1', 'del1').map((x) => x.id)).toEqual(['h1']);
    expect(unplacedAnnotations(s, 'doc1', 'del2')).toEqual([]);
    expect(s.annotations.n1!.sha256).toBe('sha-b');
    expect(s.annotations.h1!.sha256).toBe('sha-a');
  });

  it('an unchanged document: everything stays put', async () => {
    const a = await version(BEFORE);
    const same = (await readLayout(a.made.bytes.slice())).layout;
    const h = highlightOn(a.made, SENTENCE, 'Phần II. Kiến nghị', 'Việc sửa chữa');
    const placed = reanchor(h, a.layout, same)!;
    expect(placed.page).toBe(h.page);
    if (placed.shape.kind !== 'highlight') throw new Error('kind');
    expectCovers(placed.shape.rects, boxOfWords(a.made, SENTENCE).box);
    const { note, ink } = noteAndInk(a.made);
    expect(reanchor(note, a.layout, same)).toEqual(note);
    const inkAgain = reanchor(ink, a.layout, same)!;
    expect(inkAgain.page).toBe(ink.page);
    expectShape(inkAgain.shape, ink.shape);
  });
});

const NOW = '2026-03-09T01:00:00.000Z';

function annotation(
  id: string,
  author: string,
  at: { page: number; shape: AnnotationShape },
): Annotation {
  return {
    id,
    documentId: 'doc1',
    sha256: 'sha-a',
    page: at.page,
    author,
    shared: false,
    color: '#ffd400',
    text: '',
    shape: at.shape,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

// (cast: other branches add fields to DocumentInfo that re-anchoring does not read)
function stateWith(sha256: string, annotations: Annotation[]): MeetingState {
  const s = emptyMeeting();
  return {
    ...s,
    documents: {
      doc1: {
        id: 'doc1',
        itemId: 'i1',
        name: 'Báo cáo',
        sha256,
        size: 1,
        pages: 2,
        uploadedBy: 'sec',
        uploadedAt: NOW,
      } as DocumentInfo,
    },
    annotations: Object.fromEntries(annotations.map((a) => [a.id, a])),
  };
}

function replaced(s: MeetingState, sha256: string): MeetingState {
  return { ...s, documents: { doc1: { ...s.documents.doc1!, sha256 } } };
}
