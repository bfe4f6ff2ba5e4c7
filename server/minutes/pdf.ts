// The minutes as a PDF in the Vietnamese administrative layout (Decree 30/2020/NĐ-CP): the
// organisation and the number on the left, the national name and motto on the right, the place
// and date in italics, the title, the body with wrapped paragraphs over as many pages as it takes,
// page numbers, and the signature block (secretary, chair). DejaVu Serif, subset-embedded, covers
// every Vietnamese letter; one drawText per line keeps the text extractable and searchable.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { MinutesDocument } from '../../core/index.ts';

const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const FONT_FILES = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;
type Fonts = Record<FontName, PDFFont>;

let fontBytes: Promise<Record<FontName, Uint8Array>> | null = null;

/** The font files, read once. */
function loadFontBytes(): Promise<Record<FontName, Uint8Array>> {
  fontBytes ??= (async () => {
    const entries = await Promise.all(
      (Object.keys(FONT_FILES) as FontName[]).map(
        async (k) => [k, new Uint8Array(await readFile(join(FONT_DIR, FONT_FILES[k])))] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<FontName, Uint8Array>;
  })();
  fontBytes.catch(() => (fontBytes = null));
  return fontBytes;
}

interface Subset {
  encode(stream?: unknown): unknown;
  encodeStream(): {
    on(e: 'data', f: (c: Uint8Array) => void): void;
    on(e: 'end', f: () => void): void;
    on(e: 'error', f: (err: unknown) => void): void;
  };
}

/**
 * @pdf-lib/fontkit for @cantoo/pdf-lib: that fork calls a subset's `encode()` with no argument
 * (the newer fontkit's API) whenever it exists, but @pdf-lib/fontkit's `encode(stream)` needs the
 * stream. Called with none, it answers with the bytes of `encodeStream()` instead.
 */
const compatFontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string) {
    const font = fontkit.create(data, postscriptName) as unknown as { createSubset(): Subset };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      const encode = subset.encode.bind(subset);
      subset.encode = (stream?: unknown) => {
        if (stream !== undefined) return encode(stream);
        return new Promise<Uint8Array>((resolve, reject) => {
          const parts: Uint8Array[] = [];
          const s = subset.encodeStream();
          s.on('data', (c) => parts.push(c));
          s.on('end', () => resolve(Buffer.concat(parts)));
          s.on('error', reject);
        });
      };
      return subset;
    };
    return font;
  },
};

// A4 in points; margins per Decree 30/2020/NĐ-CP (top/bottom 20 mm, left 30 mm, right 15 mm).
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 22 * MM, left: 30 * MM, right: 15 * MM };
const TEXT_W = PAGE_W - MARGIN.left - MARGIN.right;
const SIZE = 12;
const LEADING = SIZE * 1.4;
const INDENT = 10 * MM;
const BLACK = rgb(0, 0, 0);

const LABELS = {
  vi: { draft: 'DỰ THẢO', page: (n: number, t: number) => `Trang ${n}/${t}` },
  en: { draft: 'DRAFT', page: (n: number, t: number) => `Page ${n} of ${t}` },
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const widths = new WeakMap<PDFFont, Map<string, number>>();

/** The width of one word, remembered: measuring through fontkit's layout is slow. */
function wordWidth(font: PDFFont, word: string, size: number): number {
  let cache = widths.get(font);
  if (!cache) widths.set(font, (cache = new Map()));
  let w = cache.get(word);
  if (w === undefined) {
    w = font.widthOfTextAtSize(word, 1);
    if (cache.size < 50_000) cache.set(word, w);
  }
  return w * size;
}

/**
 * Word-wraps `text` into lines no wider than `width` (the first line may be narrower). A line's
 * width is the sum of its words' and spaces' widths, so each word is measured once.
 */
export function wrap(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  firstWidth = width,
): string[] {
  const narrow = Math.min(width, firstWidth);
  const words = text
    .replace(CONTROL, '')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => (wordWidth(font, w, size) > narrow ? pieces(w, font, size, narrow) : [w]));
  const space = wordWidth(font, ' ', size);
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  for (const word of words) {
    const w = wordWidth(font, word, size);
    const limit = lines.length === 0 ? firstWidth : width;
    if (line.length > 0 && lineWidth + space + w > limit) {
      lines.push(line.join(' '));
      line = [word];
      lineWidth = w;
    } else {
      lineWidth += (line.length > 0 ? space : 0) + w;
      line.push(word);
    }
  }
  if (line.length > 0) lines.push(line.join(' '));
  return lines;
}

/** A word too wide for a line (a long link, a code), cut into pieces that fit. */
function pieces(word: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let piece = '';
  let w = 0;
  for (const ch of word) {
    const cw = wordWidth(font, ch, size);
    if (piece && w + cw > width) {
      out.push(piece);
      piece = '';
      w = 0;
    }
    piece += ch;
    w += cw;
  }
  if (piece) out.push(piece);
  return out;
}

class Writer {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  page: PDFPage;
  y: number;

  constructor(doc: PDFDocument, fonts: Fonts) {
    this.doc = doc;
    this.fonts = fonts;
    this.page = doc.addPage([PAGE_W, PAGE_H]);
    this.y = PAGE_H - MARGIN.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y - height >= MARGIN.bottom) return;
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.y = PAGE_H - MARGIN.top;
  }

  text(str: string, x: number, y: number, font: PDFFont, size = SIZE): void {
    const clean = str.replace(CONTROL, '');
    if (clean) this.page.drawText(clean, { x, y, font, size, color: BLACK });
  }

  /** One line in a column, aligned. */
  aligned(
    str: string,
    x: number,
    width: number,
    y: number,
    font: PDFFont,
    size: number,
    align: 'left' | 'center' | 'right',
  ): number {
    const w = font.widthOfTextAtSize(str, size);
    const dx = align === 'left' ? 0 : align === 'center' ? (width - w) / 2 : width - w;
    this.text(str, x + dx, y, font, size);
    return w;
  }

  rule(x1: number, x2: number, y: number): void {
    this.page.drawLine({
      start: { x: x1, y },
      end: { x: x2, y },
      thickness: 0.6,
      color: BLACK,
    });
  }

  /** Centred lines, wrapped to `width`, each on its own line; returns the y of the last. */
  centred(str: string, x: number, width: number, font: PDFFont, size: number): number {
    let last = this.y;
    for (const part of wrap(str, font, size, width)) {
      this.ensure(LEADING);
      this.y -= size * 1.35;
      this.aligned(part, x, width, this.y, font, size, 'center');
      last = this.y;
    }
    return last;
  }

  /** A paragraph: first-line indent, or a hanging indent for a list line ("- …"). */
  paragraph(str: string, font: PDFFont, left: number): void {
    const bullet = /^[-–•]\s/.test(str);
    const hang = bullet ? font.widthOfTextAtSize('- ', SIZE) : 0;
    const first = bullet ? left + INDENT / 2 : left + INDENT;
    const rest = bullet ? first + hang : left;
    const lines = wrap(str, font, SIZE, TEXT_W - rest, TEXT_W - first);
    lines.forEach((line, i) => {
      this.ensure(LEADING);
      this.y -= LEADING;
      this.text(line, MARGIN.left + (i === 0 ? first : rest), this.y, font);
    });
    this.y -= 2;
  }
}

/** Lays out the minutes and returns the PDF's bytes. */
export async function renderMinutesPdf(m: MinutesDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(compatFontkit as unknown as Parameters<typeof doc.registerFontkit>[0]);
  const bytes = await loadFontBytes();
  const embed = (k: FontName) =>
    doc.embedFont(bytes[k], {
      subset: true,
      // no ligatures: "fi" as one glyph would extract oddly and make search less reliable
      features: { liga: false, clig: false, dlig: false, calt: false },
    });
  const fonts: Fonts = {
    regular: await embed('regular'),
    bold: await embed('bold'),
    italic: await embed('italic'),
    boldItalic: await embed('boldItalic'),
  };
  const { regular, bold, italic, boldItalic } = fonts;
  const labels = LABELS[m.lang];
  doc.setTitle(`${m.title} — ${m.subtitle}`);
  doc.setLanguage(m.lang === 'vi' ? 'vi-VN' : 'en-GB');
  doc.setCreator('eCabinet');
  const w = new Writer(doc, fonts);

  // header: organisation and number (left), national name and motto (right)
  const leftW = TEXT_W * 0.4;
  const rightW = TEXT_W - leftW;
  const leftX = MARGIN.left;
  const rightX = MARGIN.left + leftW;
  const top = w.y;
  const under = SIZE * 0.45; // below the descenders and the Vietnamese dot below
  let orgBottom = top;
  let orgWidth = 0;
  if (m.organisation) {
    for (const line of wrap(m.organisation, bold, SIZE - 1, leftW - 4)) {
      orgBottom -= SIZE * 1.3;
      orgWidth = Math.max(
        orgWidth,
        w.aligned(line, leftX, leftW, orgBottom, bold, SIZE - 1, 'center'),
      );
    }
    const half = (orgWidth * 0.4) / 2;
    w.rule(leftX + leftW / 2 - half, leftX + leftW / 2 + half, orgBottom - under);
  }
  let nationY = top - SIZE * 1.3;
  const nationSize = fit(m.nation[0], bold, SIZE - 1, rightW);
  w.aligned(m.nation[0], rightX, rightW, nationY, bold, nationSize, 'center');
  nationY -= SIZE * 1.3;
  const mottoW = w.aligned(m.nation[1], rightX, rightW, nationY, bold, SIZE, 'center');
  w.rule(rightX + (rightW - mottoW) / 2, rightX + (rightW + mottoW) / 2, nationY - under);
  const lineY = Math.min(orgBottom, nationY) - SIZE * 2;
  w.aligned(m.number, leftX, leftW, lineY, regular, SIZE, 'center');
  if (m.placeDate)
    w.aligned(
      m.placeDate,
      rightX,
      rightW,
      lineY,
      italic,
      fit(m.placeDate, italic, SIZE, rightW),
      'center',
    );
  w.y = lineY - SIZE;

  // title, with a draft mark until the secretary makes the minutes final
  if (!m.final) {
    w.y -= SIZE * 1.4;
    w.aligned(`[${labels.draft}]`, MARGIN.left, TEXT_W, w.y, boldItalic, SIZE, 'center');
  }
  w.y -= SIZE;
  w.centred(m.title, MARGIN.left, TEXT_W, bold, SIZE + 2);
  const last = w.centred(m.subtitle, MARGIN.left + TEXT_W * 0.1, TEXT_W * 0.8, bold, SIZE);
  const cx = MARGIN.left + TEXT_W / 2;
  w.rule(cx - 15 * MM, cx + 15 * MM, last - under - 4);
  w.y -= SIZE;

  // body
  for (const section of m.sections) {
    if (section.heading) {
      const font = section.level === 0 ? bold : section.level === 1 ? bold : boldItalic;
      const lines = wrap(section.heading, font, SIZE, TEXT_W - INDENT * (section.level ? 1 : 0));
      // keep a heading with the first two lines under it
      w.ensure(LEADING * (lines.length + 2) + 6);
      w.y -= 4;
      for (const line of lines) {
        w.y -= LEADING;
        w.text(line, MARGIN.left + (section.level ? INDENT / 2 : 0), w.y, font);
      }
      w.y -= 2;
    }
    for (const p of section.paragraphs) w.paragraph(p, regular, 0);
  }

  // signatures: two columns, role, hint, room to sign, name
  const signH = LEADING * 2 + 70 + LEADING;
  w.ensure(signH + LEADING);
  w.y -= LEADING;
  const colW = TEXT_W / m.signatures.length;
  m.signatures.forEach((sig, i) => {
    const x = MARGIN.left + colW * i;
    let y = w.y - LEADING;
    w.aligned(sig.role, x, colW, y, bold, SIZE, 'center');
    y -= LEADING;
    w.aligned(m.signHint, x, colW, y, italic, SIZE - 1, 'center');
    y -= 70;
    w.aligned(sig.name, x, colW, y, bold, SIZE, 'center');
  });
  w.y -= signH;

  // page numbers
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const label = labels.page(i + 1, pages.length);
    const lw = regular.widthOfTextAtSize(label, SIZE - 2);
    page.drawText(label, {
      x: (PAGE_W - lw) / 2,
      y: MARGIN.bottom / 2,
      font: regular,
      size: SIZE - 2,
      color: BLACK,
    });
  });
  return doc.save();
}

/** The largest size up to `size` at which `text` fits in `width`. */
function fit(text: string, font: PDFFont, size: number, width: number): number {
  const w = font.widthOfTextAtSize(text, size);
  return w <= width ? size : Math.max(7, (size * width) / w);
}
