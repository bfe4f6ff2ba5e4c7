// Runs in a worker thread: opens a PDF with pdf.js to count its pages, or to read its text for
// search, so that a large or hostile file never blocks the server's event loop.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { foldForSearch } from '../../core/text.ts';
import { readLayout } from './pdf-layout.ts';

export type PdfCheck =
  { ok: true; pages: number } | { ok: false; reason: 'password' | 'invalid'; detail: string };

/** A document's text for search: one string per page, lines ending in '\n'. */
export interface PdfText {
  pages: string[];
  /** Each page folded for search (core/text.ts), done here to spare the server's main thread. */
  loose: string[];
  /** True when a page or the document was cut at the limits below. */
  truncated: boolean;
}

/** `file`: the text as it is stored (blobs/<sha256>.text.json), serialised here, off the main thread. */
export type PdfTextResult = ({ ok: true; file: string } & PdfText) | { ok: false; detail: string };

/** Bounds on the text kept: a page of text is a few thousand characters; a book a megabyte. */
export const TEXT_LIMITS = { pages: 2000, pageChars: 20_000, totalChars: 4_000_000 } as const;

// without the character maps, text in CJK fonts (Identity-H and the like) reads as nothing
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const TEXT_OPTIONS = {
  cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
};

export type WorkerRequest = { id: number; file: string; kind?: 'check' | 'text' | 'layout' };

/** `file`: the layout as it is stored (blobs/<sha256>.layout.json), serialised off the main thread. */
export type PdfLayoutResult = { ok: true; file: string } | { ok: false; detail: string };

async function layoutOf(file: string): Promise<PdfLayoutResult> {
  try {
    const read = await readLayout(new Uint8Array(await readFile(file)));
    return { ok: true, file: JSON.stringify({ v: 1, ...read }) };
  } catch (err) {
    return { ok: false, detail: String((err as Error)?.message ?? err) };
  }
}

async function check(file: string): Promise<PdfCheck> {
  const data = new Uint8Array(await readFile(file));
  const task = getDocument({ data, disableFontFace: true, verbosity: 0, stopAtErrors: false });
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    // a file pdf.js can list but not open the first page of is no use to a delegate
    await doc.getPage(1);
    await task.destroy();
    return pages > 0 ? { ok: true, pages } : { ok: false, reason: 'invalid', detail: 'no pages' };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as Error)?.name ?? '';
    if (name === 'PasswordException')
      return { ok: false, reason: 'password', detail: String((err as Error).message) };
    return { ok: false, reason: 'invalid', detail: String((err as Error)?.message ?? err) };
  }
}

async function readText(file: string): Promise<PdfTextResult> {
  const data = new Uint8Array(await readFile(file));
  const task = getDocument({
    data,
    disableFontFace: true,
    verbosity: 0,
    stopAtErrors: false,
    ...TEXT_OPTIONS,
  });
  try {
    const doc = await task.promise;
    const count = Math.min(doc.numPages, TEXT_LIMITS.pages);
    const pages: string[] = [];
    let truncated = count < doc.numPages;
    let total = 0;
    for (let n = 1; n <= count; n++) {
      let text = '';
      // a page pdf.js cannot read is searched as blank, not a reason to lose the others
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        // the same joining as the viewer's search (renderer/viewer/search.ts): items run on,
        // a line end is white space
        for (const item of content.items) {
          if (!('str' in item)) continue;
          text += item.hasEOL ? `${item.str}\n` : item.str;
          if (text.length > TEXT_LIMITS.pageChars) break;
        }
        page.cleanup();
      } catch {
        text = '';
      }
      if (text.length > TEXT_LIMITS.pageChars) {
        text = text.slice(0, TEXT_LIMITS.pageChars);
        truncated = true;
      }
      if (total + text.length > TEXT_LIMITS.totalChars) {
        text = text.slice(0, TEXT_LIMITS.totalChars - total);
        truncated = true;
      }
      total += text.length;
      pages.push(text);
    }
    await task.destroy();
    const loose = pages.map((p) => foldForSearch(p));
    const file = JSON.stringify({ v: 1, pages, loose, truncated });
    return { ok: true, pages, loose, truncated, file };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    return { ok: false, detail: String((err as Error)?.message ?? err) };
  }
}

parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.kind === 'layout') {
    layoutOf(msg.file).then(
      (result) => parentPort?.postMessage({ id: msg.id, result }),
      (err: unknown) =>
        parentPort?.postMessage({ id: msg.id, result: { ok: false, detail: String(err) } }),
    );
    return;
  }
  if (msg.kind === 'text') {
    readText(msg.file).then(
      (result) => parentPort?.postMessage({ id: msg.id, result }),
      (err: unknown) =>
        parentPort?.postMessage({ id: msg.id, result: { ok: false, detail: String(err) } }),
    );
    return;
  }
  check(msg.file).then(
    (result) => parentPort?.postMessage({ id: msg.id, result }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: msg.id,
        result: { ok: false, reason: 'invalid', detail: String(err) },
      }),
  );
});
