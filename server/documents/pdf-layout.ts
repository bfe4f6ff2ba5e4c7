// A PDF's text with positions, for re-anchoring annotations (core/anchoring.ts): pdf.js's text
// items with their boxes in PDF user space. Bounded like the text for search.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { layoutItem, type DocumentLayout, type PageLayout } from '../../core/anchoring.ts';

/** Bounds on what is kept: like TEXT_LIMITS, plus the items of one page. */
export const LAYOUT_LIMITS = {
  pages: 2000,
  pageItems: 20_000,
  /** ~80 bytes each as JSON: the stored layout stays within tens of megabytes. */
  totalItems: 400_000,
  pageChars: 20_000,
  totalChars: 4_000_000,
} as const;

// without the character maps, text in CJK fonts (Identity-H and the like) reads as nothing
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface LayoutRead {
  layout: DocumentLayout;
  truncated: boolean;
}

/** Reads every page's text items with their positions; a page pdf.js cannot read is blank. */
export async function readLayout(data: Uint8Array): Promise<LayoutRead> {
  const task = getDocument({
    data,
    disableFontFace: true,
    verbosity: 0,
    stopAtErrors: false,
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  });
  try {
    const doc = await task.promise;
    const count = Math.min(doc.numPages, LAYOUT_LIMITS.pages);
    let truncated = count < doc.numPages;
    let total = 0;
    let totalItems = 0;
    const pages: PageLayout[] = [];
    for (let n = 1; n <= count; n++) {
      const out: PageLayout = { width: 0, height: 0, items: [] };
      try {
        const page = await doc.getPage(n);
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
        out.width = x1 - x0;
        out.height = y1 - y0;
        const content = await page.getTextContent();
        let chars = 0;
        for (const item of content.items) {
          if (!('str' in item)) continue;
          // an empty item only ends a line: mark the line's last item instead
          const last = out.items.at(-1);
          if (!item.str && last) {
            if (item.hasEOL) last.eol = true;
            continue;
          }
          if (
            out.items.length >= LAYOUT_LIMITS.pageItems ||
            totalItems + out.items.length >= LAYOUT_LIMITS.totalItems ||
            chars >= LAYOUT_LIMITS.pageChars
          ) {
            truncated = true;
            break;
          }
          if (total + chars + item.str.length > LAYOUT_LIMITS.totalChars) {
            truncated = true;
            break;
          }
          chars += item.str.length;
          out.items.push(layoutItem(item));
        }
        total += chars;
        totalItems += out.items.length;
        page.cleanup();
      } catch {
        out.items = [];
      }
      pages.push(out);
    }
    await task.destroy();
    return { layout: { pages }, truncated };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw err;
  }
}
