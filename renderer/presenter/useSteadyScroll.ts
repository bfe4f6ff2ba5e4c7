// Keeps the page under the reader's eyes where it is when a bar above the pages (the presenter
// bar) appears, disappears or changes height: the pages' scroll moves by the same amount, before
// the frame is painted (a ResizeObserver runs after layout, before paint).
import { useLayoutEffect, type RefObject } from 'react';

export function useSteadyScroll(
  slot: RefObject<HTMLElement | null>,
  scroller: () => HTMLElement | null,
): void {
  useLayoutEffect(() => {
    const el = slot.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last = el.getBoundingClientRect().height;
    const observer = new ResizeObserver(() => {
      const height = el.getBoundingClientRect().height;
      const delta = height - last;
      last = height;
      const pages = scroller();
      if (delta !== 0 && pages) pages.scrollTop += delta;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [slot, scroller]);
}
