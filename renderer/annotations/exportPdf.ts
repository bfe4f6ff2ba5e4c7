// "Download with my annotations": a copy of a meeting document with the delegate's annotations
// written into it as real PDF annotations (Highlight, Ink, Text, FreeText), which Acrobat, pdf.js,
// Preview, Okular… list and show, plus a footer on every page saying whose copy it is and when
// it was made. Runtime-neutral (no DOM, no Node): it runs in the renderer and in Node's tests.
//
// Each annotation carries its own appearance stream (/AP), so even a reader that draws nothing
// by itself shows it; a highlight's uses the multiply blend, so the words under it stay legible.
// Geometry is taken as is: annotations are kept in PDF user space (core/model.ts), which is what
// /Rect, /QuadPoints and /InkList are in, whatever the page's rotation or MediaBox origin. Only
// what must read upright on screen (the footer, a text box's text) is turned with the page.
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFFont,
  type PDFPage,
  type PDFRef,
  degrees,
  rgb,
} from '@cantoo/pdf-lib';
import type { Annotation, PdfRect } from '../../core/model.ts';

export interface ExportOptions {
  /** The footer line on every page, e.g. "Bản của Nguyễn Văn An — 26/11/2026 14:05". */
  footer: string;
  /** When the copy is made: the file's modification date. */
  at: Date;
  /** A TrueType font covering Vietnamese (DejaVuSans.ttf); a subset of it is embedded. */
  font: Uint8Array;
  /** An author's name as readers show it (/T); by default the user id. */
  authorName?: (userId: string) => string;
}

/** Why a source cannot be exported: it is encrypted, or pdf-lib cannot read it. */
export type ExportFailure = 'encrypted' | 'damaged';

export class ExportError extends Error {
  readonly failure: ExportFailure;
  constructor(failure: ExportFailure, message: string) {
    super(message);
    this.name = 'ExportError';
    this.failure = failure;
  }
}

/** Footer text size, and its distance from the visible page's lower edge, in points. */
const FOOTER_SIZE = 8;
const FOOTER_MARGIN = 12;
/** A sticky note's icon, in points. */
const NOTE_SIZE = 20;
/** Annotation flag "Print": the annotations print with the page. */
const PRINT = 4;

type Rgb = [number, number, number];
/** What pdf-lib's context.obj takes: plain values, arrays, objects, and its own PDF objects. */
interface LiteralObject {
  [name: string]: unknown;
}

function colorOf(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [1, 0.83, 0];
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

/** A number as PDF content wants it: no exponent, at most 3 decimals. */
function n(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '0';
}

function colorOps(c: Rgb, stroke = false): string {
  return `${n(c[0])} ${n(c[1])} ${n(c[2])} ${stroke ? 'RG' : 'rg'}`;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function union(rects: readonly PdfRect[]): Box {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const r of rects) {
    // a rectangle may come with a negative width or height (drawn right to left)
    b.x0 = Math.min(b.x0, r.x, r.x + r.w);
    b.y0 = Math.min(b.y0, r.y, r.y + r.h);
    b.x1 = Math.max(b.x1, r.x, r.x + r.w);
    b.y1 = Math.max(b.y1, r.y, r.y + r.h);
  }
  return b;
}

function pointsBox(strokes: readonly (readonly number[])[], pad: number): Box {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const s of strokes)
    for (let i = 0; i + 1 < s.length; i += 2) {
      b.x0 = Math.min(b.x0, s[i]!);
      b.x1 = Math.max(b.x1, s[i]!);
      b.y0 = Math.min(b.y0, s[i + 1]!);
      b.y1 = Math.max(b.y1, s[i + 1]!);
    }
  return { x0: b.x0 - pad, y0: b.y0 - pad, x1: b.x1 + pad, y1: b.y1 + pad };
}

/** The page's /Rotate as 0, 90, 180 or 270. */
function rotationOf(page: PDFPage): number {
  const quarter = Math.round(page.getRotation().angle / 90);
  return (((quarter % 4) + 4) % 4) * 90;
}

/**
 * Where a point given on the page as shown (dx right and dy up from its visible lower left) is
 * in user space, for a page turned by `rotation` degrees clockwise on screen.
 */
function shownToUser(page: PDFPage, rotation: number, dx: number, dy: number) {
  const box = page.getCropBox();
  const r = (rotation * Math.PI) / 180;
  const [cos, sin] = [Math.round(Math.cos(r)), Math.round(Math.sin(r))];
  // the visible lower left corner, in user space
  const origin =
    rotation === 90
      ? { x: box.x + box.width, y: box.y }
      : rotation === 180
        ? { x: box.x + box.width, y: box.y + box.height }
        : rotation === 270
          ? { x: box.x, y: box.y + box.height }
          : { x: box.x, y: box.y };
  return { x: origin.x + dx * cos - dy * sin, y: origin.y + dx * sin + dy * cos };
}

/** Breaks text into lines no wider than `width` at `size` (words longer than a line are cut). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/ +/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) {
        line = next;
        // a single word wider than the box: cut it by characters
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  readonly #doc: PDFDocument;
  readonly #font: PDFFont;
  readonly #authorName: (userId: string) => string;
  readonly #multiply: PDFRef;

  constructor(doc: PDFDocument, font: PDFFont, authorName: (userId: string) => string) {
    this.#doc = doc;
    this.#font = font;
    this.#authorName = authorName;
    this.#multiply = doc.context.register(
      doc.context.obj({ Type: 'ExtGState', BM: 'Multiply', CA: 1, ca: 1 }),
    );
  }

  /** An appearance stream: a form XObject with its content, box and resources. */
  #form(content: string, box: Box, resources: LiteralObject = {}, matrix?: number[]): PDFRef {
    const { context } = this.#doc;
    const dict: LiteralObject = {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [box.x0, box.y0, box.x1, box.y1],
      Resources: resources,
    };
    if (matrix) dict.Matrix = matrix;
    return context.register(context.flateStream(content, dict as never));
  }

  /** The entries every annotation has. */
  #common(a: Annotation, subtype: string, rect: Box, page: PDFPage) {
    const c = colorOf(a.color);
    return {
      Type: PDFName.of('Annot'),
      Subtype: PDFName.of(subtype),
      Rect: [rect.x0, rect.y0, rect.x1, rect.y1],
      P: page.ref,
      NM: PDFHexString.fromText(a.id),
      // a person's text in a PDF text string: UTF-16BE with a byte order mark, so Vietnamese reads
      Contents: PDFHexString.fromText(a.text),
      T: PDFHexString.fromText(this.#authorName(a.author)),
      M: PDFString.fromDate(new Date(a.updatedAt)),
      CreationDate: PDFString.fromDate(new Date(a.createdAt)),
      C: c,
      CA: 1,
      F: PRINT,
    };
  }

  #add(page: PDFPage, dict: Record<string, unknown>): void {
    const { context } = this.#doc;
    page.node.addAnnot(context.register(context.obj(dict as never)));
  }

  annotate(page: PDFPage, a: Annotation): void {
    const c = colorOf(a.color);
    const shape = a.shape;
    switch (shape.kind) {
      case 'highlight': {
        const box = union(shape.rects);
        // per line: upper left, upper right, lower left, lower right (the order readers expect)
        const quads = shape.rects.flatMap((r) => {
          const b = union([r]);
          return [b.x0, b.y1, b.x1, b.y1, b.x0, b.y0, b.x1, b.y0];
        });
        const fills = shape.rects
          .map((r) => {
            const b = union([r]);
            return `${n(b.x0)} ${n(b.y0)} ${n(b.x1 - b.x0)} ${n(b.y1 - b.y0)} re`;
          })
          .join(' ');
        const ap = this.#form(`/GS0 gs ${colorOps(c)} ${fills} f`, box, {
          ExtGState: { GS0: this.#multiply },
        });
        this.#add(page, {
          ...this.#common(a, 'Highlight', box, page),
          QuadPoints: quads,
          AP: { N: ap },
        });
        return;
      }
      case 'ink': {
        const w = shape.width;
        const box = pointsBox(shape.strokes, w);
        const paths = shape.strokes
          .map((s) => {
            let path = `${n(s[0]!)} ${n(s[1]!)} m`;
            // a single point (a dot) still shows: a zero-length line with round caps
            if (s.length === 2) path += ` ${n(s[0]!)} ${n(s[1]!)} l`;
            for (let i = 2; i + 1 < s.length; i += 2) path += ` ${n(s[i]!)} ${n(s[i + 1]!)} l`;
            return path;
          })
          .join(' ');
        const ap = this.#form(`${n(w)} w 1 J 1 j ${colorOps(c, true)} ${paths} S`, box);
        this.#add(page, {
          ...this.#common(a, 'Ink', box, page),
          InkList: shape.strokes.map((s) => [...s]),
          BS: { Type: 'Border', W: w, S: 'S' },
          AP: { N: ap },
        });
        return;
      }
      case 'note': {
        // the point is the icon's top left corner
        const box = { x0: shape.x, y0: shape.y - NOTE_SIZE, x1: shape.x + NOTE_SIZE, y1: shape.y };
        const s = NOTE_SIZE;
        const lines = [0.3, 0.5, 0.7]
          .map(
            (f) =>
              `${n(box.x0 + 4)} ${n(box.y0 + s * f)} m ${n(box.x1 - 4)} ${n(box.y0 + s * f)} l`,
          )
          .join(' ');
        const ap = this.#form(
          `${colorOps(c)} 0 0 0 RG 0.75 w ${n(box.x0 + 0.5)} ${n(box.y0 + 0.5)} ${n(s - 1)} ${n(s - 1)} re B ${lines} S`,
          box,
        );
        this.#add(page, {
          ...this.#common(a, 'Text', box, page),
          Name: 'Comment',
          Open: false,
          AP: { N: ap },
        });
        return;
      }
      case 'text': {
        const box = union([shape.rect]);
        const size = shape.fontSize;
        const rotation = rotationOf(page);
        const turned = rotation === 90 || rotation === 270;
        // the form is laid out as the box is shown; its matrix turns it with the page
        const [w, h] = turned
          ? [box.x1 - box.x0, box.y1 - box.y0].reverse()
          : [box.x1 - box.x0, box.y1 - box.y0];
        const pad = 2;
        const lines = wrap(a.text, this.#font, size, Math.max(1, w! - 2 * pad));
        const lead = size * 1.2;
        let text = `BT /F1 ${n(size)} Tf ${colorOps(c)}`;
        lines.forEach((line, i) => {
          const y = h! - pad - size * 0.9 - i * lead;
          text += ` 1 0 0 1 ${n(pad)} ${n(y)} Tm <${this.#font.encodeText(line).asString()}> Tj`;
        });
        text += ' ET';
        const r = (rotation * Math.PI) / 180;
        const [cos, sin] = [Math.round(Math.cos(r)), Math.round(Math.sin(r))];
        const ap = this.#form(
          `${colorOps(c, true)} 0.75 w 0.375 0.375 ${n(w! - 0.75)} ${n(h! - 0.75)} re S ${text}`,
          { x0: 0, y0: 0, x1: w!, y1: h! },
          { Font: { F1: this.#font.ref } },
          rotation ? [cos, sin, -sin, cos, 0, 0] : undefined,
        );
        this.#add(page, {
          ...this.#common(a, 'FreeText', box, page),
          DA: PDFString.of(`/Helv ${n(size)} Tf ${colorOps(c)}`),
          DS: PDFString.of(`font: Helvetica,sans-serif ${n(size)}pt; color: ${a.color}`),
          Q: 0,
          ...(rotation ? { Rotate: rotation } : {}),
          BS: { Type: 'Border', W: 0.75, S: 'S' },
          AP: { N: ap },
        });
        return;
      }
    }
  }

  footer(page: PDFPage, text: string): void {
    const rotation = rotationOf(page);
    const at = shownToUser(page, rotation, FOOTER_MARGIN * 2, FOOTER_MARGIN);
    page.drawText(text, {
      x: at.x,
      y: at.y,
      size: FOOTER_SIZE,
      font: this.#font,
      color: rgb(0.35, 0.35, 0.35),
      rotate: degrees(rotation),
    });
  }
}

/**
 * @pdf-lib/fontkit, made to subset the way @cantoo/pdf-lib expects. The fork calls a subset's
 * `encode()` when there is one (as @cantoo/fontkit has), but @pdf-lib/fontkit's subset has an
 * internal `encode(stream)` of its own, which then fails; hiding it makes the fork use
 * `encodeStream()`, the right call for this fontkit. (With @cantoo/fontkit this goes away.)
 */
const subsettingFontkit = {
  ...fontkit,
  create(...args: Parameters<typeof fontkit.create>) {
    const font = fontkit.create(...args);
    return new Proxy(font, {
      get(target, prop) {
        if (prop !== 'createSubset') return Reflect.get(target, prop, target);
        return () => {
          const subset = target.createSubset();
          return new Proxy(subset, {
            get(s, key) {
              if (key === 'encode') return undefined;
              const value = Reflect.get(s, key, s) as unknown;
              return typeof value === 'function' ? value.bind(s) : value;
            },
          });
        };
      },
    });
  },
} as typeof fontkit;

async function load(pdf: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (err) {
    const name = (err as Error)?.name ?? '';
    const message = String((err as Error)?.message ?? err);
    if (name === 'EncryptedPDFError' || /encrypt/i.test(message))
      throw new ExportError('encrypted', `The document is encrypted: ${message}`);
    throw new ExportError('damaged', `The document cannot be read: ${message}`);
  }
  if (doc.isEncrypted)
    throw new ExportError('encrypted', 'The document is encrypted (password-protected).');
  if (doc.getPageCount() === 0) throw new ExportError('damaged', 'The document has no pages.');
  return doc;
}

/**
 * The document with the annotations written in and the footer on every page. Annotations on a
 * page the file does not have are left out (they belong to another version of the document).
 * Throws ExportError when the source is encrypted or cannot be read.
 */
export async function exportAnnotatedPdf(
  pdf: Uint8Array,
  annotations: readonly Annotation[],
  options: ExportOptions,
): Promise<Uint8Array> {
  const doc = await load(pdf);
  try {
    doc.registerFontkit(subsettingFontkit);
    const font = await doc.embedFont(options.font, { subset: true });
    const writer = new Writer(doc, font, options.authorName ?? ((id) => id));
    const pages = doc.getPages();
    for (const a of annotations) {
      const page = pages[a.page - 1];
      if (page) writer.annotate(page, a);
    }
    for (const page of pages) writer.footer(page, options.footer);
    doc.setModificationDate(options.at);
    return await doc.save({ useObjectStreams: false });
  } catch (err) {
    // a file pdf-lib could parse but not walk (a broken page tree, a missing object…)
    throw new ExportError('damaged', `The document cannot be written: ${String(err)}`);
  }
}
