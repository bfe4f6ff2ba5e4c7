// The continuous scroll: a placeholder of the right size for every page, the pages near the
// viewport drawn by the PageRenderer, and the reading position kept through zoom and resizes.
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type ReactNode,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  anchorAt,
  currentPage,
  MARGIN,
  pageTopAnchor,
  scrollFor,
  visibleRange,
  type Anchor,
  type Layout,
  type PageRange,
} from './layout.ts';
import type { PageRenderer } from './pageRenderer.ts';
import type { Box } from './zoom.ts';

/** What the rest of the viewer can ask of the scroll area. */
export interface PagesHandle {
  /** Shows the top of a page (0-based). */
  goTo: (index: number) => void;
  /** Scrolls by a number of screens (negative: up). */
  scrollScreens: (screens: number) => void;
  /** Scrolls by CSS pixels. */
  scrollBy: (dx: number, dy: number) => void;
  /** True when the pages are wider than the viewport. */
  overflowsX: () => boolean;
  focus: () => void;
}

/** Wheel movement (pixels) per zoom step: one notch of a mouse wheel, several of a touchpad. */
const WHEEL_STEP = 50;

/** Said on a page instead of leaving it white: it could not be drawn, or it drew nothing. */
export type PageNote = 'failed' | 'blank';

/** What an annotation layer needs to sit on a page: its number and the size it is shown at. */
export interface PageOverlayInfo {
  page: number;
  scale: number;
  width: number;
  height: number;
}

interface Props {
  renderer: PageRenderer;
  layout: Layout | null;
  /** The scroll area: narrower pages are centred in it, wider ones scroll sideways. */
  view: Box;
  /**
   * Placeholders for every page; before (until the first page is drawn) only the pages around
   * the one opened at are mounted, so that drawing it waits for no one.
   */
  eager: boolean;
  initialIndex: number;
  notes: ReadonlyMap<number, PageNote>;
  /** Pages with an overlay mounted (the visible ones and their neighbours). */
  overlayRange: PageRange | null;
  renderOverlay?: (info: PageOverlayInfo) => ReactNode;
  onBox: (box: Box) => void;
  /** Ctrl + wheel (or a pinch on a touchpad): a zoom step in or out. */
  onZoomStep: (dir: 1 | -1) => void;
  onView: (range: PageRange, current: number) => void;
  ref: Ref<PagesHandle>;
}

export function PagesView(props: Props) {
  const { renderer, layout, initialIndex, onBox, onView, onZoomStep, ref } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<Anchor>(pageTopAnchor(initialIndex));
  const current = useRef<Layout | null>(layout);
  const frame = useRef(0);

  const update = useCallback(() => {
    const el = scroller.current;
    const l = current.current;
    if (!el || !l) return;
    anchor.current = anchorAt(l, el.scrollTop, el.scrollLeft);
    const range = visibleRange(l, el.scrollTop, el.clientHeight);
    if (!range) return;
    const page = currentPage(l, range, el.scrollTop, el.clientHeight);
    renderer.setView(range, page);
    // after the renderer has started: a state update here would re-render first (layout effect)
    queueMicrotask(() => onView(range, page));
  }, [renderer, onView]);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      update();
    });
  }, [update]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // a new zoom or newly learnt page sizes: put the same place back at the top of the viewport
  useLayoutEffect(() => {
    current.current = layout;
    const el = scroller.current;
    if (!el || !layout) return;
    renderer.setScale(layout.scale);
    const pos = scrollFor(layout, anchor.current);
    el.scrollTop = pos.top;
    el.scrollLeft = pos.left;
    update();
  }, [layout, renderer, update]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => onBox({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [onBox]);

  // the browser would zoom the whole page: zoom the document instead, a step per notch
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let pending = 0;
    const onWheel = (e: WheelEvent): void => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      pending += e.deltaY;
      if (Math.abs(pending) < WHEEL_STEP) return;
      onZoomStep(pending < 0 ? 1 : -1);
      pending = 0;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [onZoomStep]);

  useImperativeHandle(
    ref,
    () => ({
      goTo: (index) => {
        const el = scroller.current;
        const l = current.current;
        if (!el || !l) return;
        anchor.current = pageTopAnchor(index, anchor.current.x);
        el.scrollTop = scrollFor(l, anchor.current).top;
        update();
      },
      scrollScreens: (screens) => {
        const el = scroller.current;
        if (el) el.scrollTop += screens * Math.max(40, el.clientHeight - 40);
      },
      scrollBy: (dx, dy) => scroller.current?.scrollBy(dx, dy),
      overflowsX: () => {
        const el = scroller.current;
        return !!el && el.scrollWidth > el.clientWidth + 1;
      },
      focus: () => scroller.current?.focus({ preventScroll: true }),
    }),
    [update],
  );

  const style: CSSProperties | undefined = layout
    ? ({
        height: layout.totalHeight,
        width: Math.max(layout.totalWidth, props.view.width),
        '--scale-factor': layout.scale,
      } as CSSProperties)
    : undefined;
  const { overlayRange, renderOverlay, notes } = props;
  return (
    <div
      className="viewer-scroll"
      ref={scroller}
      onScroll={onScroll}
      tabIndex={0}
      data-testid="viewer-pages"
      aria-label={t('viewer.pagesLabel')}
    >
      {layout && (
        <div className="viewer-pages" style={style}>
          {mountedRange(layout, props.eager, initialIndex, props.view.height).map((i) => (
            <PageSlot
              key={i}
              index={i}
              top={layout.tops[i]!}
              left={Math.max(MARGIN, Math.floor((props.view.width - layout.widths[i]!) / 2))}
              width={layout.widths[i]!}
              height={layout.heights[i]!}
              renderer={renderer}
              note={notes.get(i) ?? null}
              overlay={
                renderOverlay && overlayRange && i >= overlayRange.first && i <= overlayRange.last
                  ? renderOverlay({
                      page: i + 1,
                      scale: layout.scale,
                      width: layout.widths[i]!,
                      height: layout.heights[i]!,
                    })
                  : null
              }
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** The page indexes to mount: all, or (not eager) those around the page opened at. */
function mountedRange(layout: Layout, eager: boolean, initial: number, height: number): number[] {
  let first = 0;
  let last = layout.tops.length - 1;
  if (!eager) {
    const top = scrollFor(layout, pageTopAnchor(initial)).top;
    const shown = visibleRange(layout, top, height) ?? { first: initial, last: initial };
    first = Math.max(0, shown.first - 2);
    last = Math.min(last, shown.last + 2);
  }
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);
}

interface SlotProps {
  index: number;
  top: number;
  left: number;
  width: number;
  height: number;
  renderer: PageRenderer;
  note: PageNote | null;
  overlay: ReactNode;
}

const PageSlot = memo(function PageSlot(props: SlotProps) {
  const { index, top, left, width, height, renderer, note, overlay } = props;
  const { t } = useTranslation();
  const attach = useCallback(
    (el: HTMLDivElement | null) => renderer.attach(index, el),
    [renderer, index],
  );
  return (
    <div className="pdf-page" data-page-number={index + 1} style={{ top, left, width, height }}>
      <div className="pdf-layers" ref={attach} />
      {note && (
        <p className={`pdf-page-note ${note}`} role={note === 'failed' ? 'alert' : 'note'}>
          {t(note === 'failed' ? 'viewer.pageFailed' : 'viewer.pageBlank', { page: index + 1 })}
        </p>
      )}
      {overlay}
    </div>
  );
});
