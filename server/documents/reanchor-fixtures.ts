// Test support: PDFs with real Vietnamese text, one line per entry, flowing onto new pages, and
// where each line was drawn (the ground truth that re-anchoring is checked against).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { AnnotationShape, PdfRect } from '../../core/index.ts';

const FONT = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf/DejaVuSans.ttf',
);

export const SIZE = 12;
const LEADING = 18;
const TOP = 780;
const BOTTOM = 60;
const LEFT = 56;

export interface DrawnLine {
  text: string;
  page: number;
  x: number;
  y: number;
  /** The PDF's width of a piece of the line at its start, for boxes of words. */
  widthOf: (s: string) => number;
}

export interface MadePdf {
  bytes: Uint8Array;
  lines: DrawnLine[];
}

/** A PDF of the given lines on A4 pages; '' is an empty line. */
export async function makeTextPdf(lines: string[]): Promise<MadePdf> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // no subsetting: the whole font is embedded (see renderer/annotations/exportPdf.ts on subsets)
  const font = await doc.embedFont(await readFile(FONT), { subset: false });
  const widthOf = (s: string) => font.widthOfTextAtSize(s, SIZE);
  const drawn: DrawnLine[] = [];
  let page = doc.addPage([595, 842]);
  let n = 1;
  let y = TOP;
  for (const text of lines) {
    if (y < BOTTOM) {
      page = doc.addPage([595, 842]);
      n++;
      y = TOP;
    }
    if (text) {
      page.drawText(text, { x: LEFT, y, size: SIZE, font });
      drawn.push({ text, page: n, x: LEFT, y, widthOf });
    }
    y -= LEADING;
  }
  return { bytes: await doc.save(), lines: drawn };
}

/** The box of `words` as drawn on its line (baseline to the font size above it). */
export function boxOfWords(made: MadePdf, words: string): { page: number; box: PdfRect } {
  const line = made.lines.find((l) => l.text.includes(words));
  if (!line) throw new Error(`no line with ${words}`);
  const before = line.text.slice(0, line.text.indexOf(words));
  return {
    page: line.page,
    box: { x: line.x + line.widthOf(before), y: line.y, w: line.widthOf(words), h: SIZE * 0.7 },
  };
}

// The document used by the tests: a report, a paragraph to insert, and the annotated words.
export const SENTENCE = 'Hội đồng thống nhất phân bổ thêm ngân sách cho trường học vùng cao.';
export const PART = 'chi thường xuyên được bảo đảm';
export const NOTE_LINE = 'Việc sửa chữa đường liên xã sẽ được xem xét trong kỳ họp sau.';
export const INK_WORDS = 'Đề nghị Sở Tài chính';

export const BEFORE = [
  'BÁO CÁO TÌNH HÌNH THỰC HIỆN NGÂN SÁCH NĂM 2026',
  '',
  'Phần I. Đánh giá chung',
  'Năm qua, tỉnh đã hoàn thành phần lớn các chỉ tiêu kinh tế đề ra.',
  `Thu ngân sách đạt 105% dự toán, ${PART}.`,
  '',
  'Phần II. Kiến nghị',
  SENTENCE,
  NOTE_LINE,
  `${INK_WORDS} báo cáo tiến độ giải ngân hằng quý.`,
];

export const INSERTED = [
  'Bổ sung: Ủy ban nhân dân tỉnh đã trình Hội đồng báo cáo quyết toán năm trước,',
  'trong đó nêu rõ các khoản chi chưa giải ngân và nguyên nhân chậm trễ.',
  '',
];

/** The lines with `extra` inserted before "Phần II". */
export function inserted(extra: string[]): string[] {
  const at = BEFORE.indexOf('Phần II. Kiến nghị');
  return [...BEFORE.slice(0, at), ...extra, ...BEFORE.slice(at)];
}

export function highlightOn(made: MadePdf, quote: string, prefix: string, suffix: string) {
  const { page, box } = boxOfWords(made, quote);
  const shape: AnnotationShape = {
    kind: 'highlight',
    rects: [{ x: box.x, y: box.y - 2, w: box.w, h: 14 }],
    quote,
    prefix,
    suffix,
  };
  return { page, shape };
}

/** A note right of the end of a line (nearer to it than to the line above); ink under words. */
export function noteAndInk(made: MadePdf) {
  const line = boxOfWords(made, NOTE_LINE);
  const note = {
    page: line.page,
    shape: { kind: 'note', x: line.box.x + line.box.w + 10, y: line.box.y + 5 } as const,
  };
  const words = boxOfWords(made, INK_WORDS);
  const y = words.box.y - 3;
  const ink = {
    page: words.page,
    shape: {
      kind: 'ink' as const,
      strokes: [
        [words.box.x, y, words.box.x + words.box.w / 2, y - 1, words.box.x + words.box.w, y],
      ],
      width: 1.5,
    },
  };
  return { note, ink };
}
