// Test support: PDFs with real Vietnamese text, one line per entry, flowing onto new pages, and
// where each line was drawn (the ground truth that re-anchoring is checked against).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { PdfRect } from '../../core/index.ts';

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
