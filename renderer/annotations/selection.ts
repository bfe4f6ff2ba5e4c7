// A text selection in the pages' text layers, as highlight shapes: per page, the selection's
// client rectangles merged per line and mapped to PDF space, its text, and the text either side.
import type { AnnotationShape } from '../../core/index.ts';
import { mergeLineRects, quoteContext, toPdfRect, type ViewportLike } from './geometry.ts';

export interface SelectedText {
  page: number;
  shape: Extract<AnnotationShape, { kind: 'highlight' }>;
}

const MAX_RECTS = 200;

/** The highlights the current selection makes (one per page it touches). */
export function highlightsFromSelection(
  viewportOf: (page: number) => ViewportLike | undefined,
): SelectedText[] {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return [];
  const range = sel.getRangeAt(0);
  const out: SelectedText[] = [];
  for (const pageEl of document.querySelectorAll<HTMLElement>('.pdf-page')) {
    const layer = pageEl.querySelector<HTMLElement>('.textLayer');
    const page = Number(pageEl.dataset.pageNumber);
    const vp = viewportOf(page);
    if (!layer || !vp || !range.intersectsNode(layer)) continue;
    const part = range.cloneRange();
    if (!layer.contains(range.startContainer)) part.setStart(layer, 0);
    if (!layer.contains(range.endContainer)) part.setEnd(layer, layer.childNodes.length);
    const quote = part.toString();
    if (!quote.trim()) continue;
    const box = pageEl.getBoundingClientRect();
    const rects = mergeLineRects(
      [...part.getClientRects()].map((r) => ({
        left: r.left - box.left,
        top: r.top - box.top,
        width: r.width,
        height: r.height,
      })),
    ).filter((r) => r.left < box.width && r.top < box.height && r.left + r.width > 0);
    if (rects.length === 0) continue;
    const before = document.createRange();
    before.setStart(layer, 0);
    before.setEnd(part.startContainer, part.startOffset);
    const start = before.toString().length;
    const { prefix, suffix } = quoteContext(layer.textContent ?? '', start, start + quote.length);
    out.push({
      page,
      shape: {
        kind: 'highlight',
        rects: rects.slice(0, MAX_RECTS).map((r) => toPdfRect(vp, r)),
        quote: quote.slice(0, 2000),
        prefix,
        suffix,
      },
    });
  }
  return out;
}
