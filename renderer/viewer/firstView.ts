// The first page is drawn as soon as the document is open, while React is still mounting the
// viewer: the layout it is drawn for is the one the viewer will compute from the same inputs
// (every page the size of the page opened at, the zoom for the scroll area measured while
// loading), so the canvas fits its slot when that mounts.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import {
  computeLayout,
  currentPage,
  pageTopAnchor,
  scrollFor,
  visibleRange,
  type PageSize,
} from './layout.ts';
import { PageRenderer } from './pageRenderer.ts';
import { CSS_UNITS, resolveZoom, type Box, type ZoomMode } from './zoom.ts';

/** The 0-based index of the page a 1-based request opens at. */
export const initialIndex = (page: number | null | undefined, count: number): number =>
  Math.min(count, Math.max(1, page ?? 1)) - 1;

export function firstView(
  doc: PDFDocumentProxy,
  guess: PageSize,
  page: number | null | undefined,
  mode: ZoomMode,
  box: Box | null,
): PageRenderer {
  const renderer = new PageRenderer(doc);
  if (!box || box.width <= 0 || box.height <= 0) return renderer;
  const sizes = Array.from({ length: doc.numPages }, () => guess);
  const layout = computeLayout(sizes, resolveZoom(mode, guess, box) * CSS_UNITS);
  const top = scrollFor(layout, pageTopAnchor(initialIndex(page, doc.numPages))).top;
  const range = visibleRange(layout, top, box.height);
  if (!range) return renderer;
  renderer.setScale(layout.scale);
  renderer.setView(range, currentPage(layout, range, top, box.height));
  renderer.start();
  return renderer;
}
