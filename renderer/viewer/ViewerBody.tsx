// An open document: its state (page sizes, zoom, current page, search) and the parts that show
// it (toolbar, thumbnails, pages).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { computeLayout, type PageRange, type PageSize } from './layout.ts';
import { initialIndex as firstIndex } from './firstView.ts';
import type { PageRenderer } from './pageRenderer.ts';
import { PagesView, type PageNote, type PageOverlayInfo, type PagesHandle } from './PagesView.tsx';
import type { Match } from './search.ts';
import { TextIndex } from './textIndex.ts';
import { Thumbnails } from './Thumbnails.tsx';
import { useSearch } from './useSearch.ts';
import { useViewerKeys } from './useViewerKeys.ts';
import { ViewerToolbar } from './ViewerToolbar.tsx';
import { CSS_UNITS, resolveZoom, stepZoom, type Box, type ZoomMode } from './zoom.ts';

export interface ViewerOptions {
  /** 1-based page to open at, and to go to whenever it changes. */
  page?: number | null;
  onPageChange?: (page: number) => void;
  onPageRendered?: (page: number) => void;
  initialZoom?: ZoomMode;
  /** A search to start with; its first hit on or after the page opened at is shown. */
  initialQuery?: string;
  toolbarStart?: ReactNode;
  toolbarEnd?: ReactNode;
  /** An extra layer on each page near the viewport (annotations), in the page's own box. */
  renderOverlay?: (info: PageOverlayInfo) => ReactNode;
  /** A second toolbar row under the viewer's own (the annotation tools). */
  subToolbar?: ReactNode;
  /** A panel right of the pages (the list of annotations). */
  sidePanel?: ReactNode;
  /** Told once the document is open: what other parts may ask of the viewer. */
  onReady?: (viewer: ViewerApi) => void;
}

/** What the viewer offers to the parts around it. */
export interface ViewerApi {
  doc: PDFDocumentProxy;
  /** Shows a page (1-based). */
  goTo: (page: number) => void;
}

interface View {
  range: PageRange;
  current: number;
}

const EAGER_AFTER_MS = 1500;

const sameSize = (a: PageSize, b: PageSize): boolean =>
  Math.abs(a.width - b.width) < 0.01 && Math.abs(a.height - b.height) < 0.01;

interface Opened {
  doc: PDFDocumentProxy;
  /** The size of the page opened at, assumed for every page until each is known. */
  guess: PageSize;
  /** Made when the document opened; may be drawing the first page already (firstView.ts). */
  renderer: PageRenderer;
  box: Box | null;
  sidebar: boolean;
}

export function ViewerBody(props: ViewerOptions & Opened) {
  const { doc, guess, page: requested, onPageChange } = props;
  const count = doc.numPages;
  const [initialIndex] = useState(() => firstIndex(requested, count));
  const [sizes, setSizes] = useState<PageSize[]>(() => Array.from({ length: count }, () => guess));
  const [mode, setMode] = useState<ZoomMode>(props.initialZoom ?? 'fitWidth');
  const [fitIndex, setFitIndex] = useState(initialIndex);
  const [box, setBox] = useState<Box | null>(props.box);
  const [view, setView] = useState<View | null>(null);
  const [notes, setNotes] = useState<ReadonlyMap<number, PageNote>>(() => new Map());
  const [sidebar, setSidebar] = useState(props.sidebar);
  // every page's placeholder is mounted once the first page is drawn (or after a while)
  const [eager, setEager] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setEager(true), EAGER_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const handle = useRef<PagesHandle | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const latest = useRef({ props, view });
  useEffect(() => {
    latest.current = { props, view };
  });

  const [renderer] = useState(props.renderer);
  useEffect(() => {
    renderer.setEvents({
      rendered: (page) => {
        setEager(true);
        latest.current.props.onPageRendered?.(page);
      },
      failed: (index) => setNotes((prev) => new Map(prev).set(index, 'failed')),
      blank: (index) => setNotes((prev) => new Map(prev).set(index, 'blank')),
      reveal: (el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }),
      sizes: (updates) =>
        setSizes((prev) => {
          let next = prev;
          for (const [i, size] of updates) {
            if (sameSize(prev[i]!, size)) continue;
            if (next === prev) next = [...prev];
            next[i] = size;
          }
          return next;
        }),
    });
    renderer.start();
    return () => renderer.stop();
  }, [renderer]);

  const zoom = box ? resolveZoom(mode, sizes[fitIndex] ?? guess, box) : null;
  const layout = useMemo(
    () => (zoom === null ? null : computeLayout(sizes, zoom * CSS_UNITS)),
    [sizes, zoom],
  );
  const current = view?.current ?? initialIndex;

  const onBox = useCallback((next: Box) => {
    setBox((prev) => (prev?.width === next.width && prev.height === next.height ? prev : next));
  }, []);
  const onView = useCallback((range: PageRange, page: number) => {
    setView((prev) =>
      prev?.current === page && prev.range.first === range.first && prev.range.last === range.last
        ? prev
        : { range, current: page },
    );
  }, []);
  const goTo = useCallback(
    (page: number) => handle.current?.goTo(Math.min(count, Math.max(1, page)) - 1),
    [count],
  );
  const setZoom = (next: ZoomMode): void => {
    setMode(next);
    setFitIndex(current);
  };
  const step = (dir: 1 | -1): void => setZoom(stepZoom(zoom ?? 1, dir));
  const zoomRef = useRef(zoom);
  useEffect(() => {
    zoomRef.current = zoom;
  }, [zoom]);
  const onZoomStep = useCallback((dir: 1 | -1) => setMode(stepZoom(zoomRef.current ?? 1, dir)), []);

  // the page shown, told to whoever keeps it (the address bar); a new page asked for, shown
  useEffect(() => {
    if (view) onPageChange?.(view.current + 1);
  }, [view, onPageChange]);
  const asked = useRef(requested);
  useEffect(() => {
    if (requested === asked.current) return;
    asked.current = requested;
    const shown = latest.current.view?.current;
    if (requested && shown !== undefined && requested !== shown + 1) goTo(requested);
  }, [requested, goTo]);

  const index = useMemo(() => new TextIndex(doc), [doc]);
  const fromPage = useCallback(
    () => (latest.current.view?.current ?? initialIndex) + 1,
    [initialIndex],
  );
  const search = useSearch(index, fromPage, props.initialQuery);
  const revealed = useRef(search.reveal);
  useEffect(() => {
    const byPage = new Map<number, Match[]>();
    for (const hit of search.hits) {
      const list = byPage.get(hit.page - 1) ?? [];
      list.push(hit.segments);
      byPage.set(hit.page - 1, list);
    }
    const hit = search.selected === null ? null : search.hits[search.selected];
    const reveal = !!hit && search.reveal !== revealed.current;
    revealed.current = search.reveal;
    renderer.setMatches(byPage, hit ? { index: hit.page - 1, hit: hit.index } : null, reveal);
    const range = latest.current.view?.range;
    if (reveal && range && (hit.page - 1 < range.first || hit.page - 1 > range.last))
      goTo(hit.page);
  }, [search.hits, search.selected, search.reveal, renderer, goTo]);

  useViewerKeys({
    screens: (n) => handle.current?.scrollScreens(n),
    lines: (dx, dy) => handle.current?.scrollBy(dx, dy),
    page: (delta) => goTo(current + 1 + delta),
    first: () => goTo(1),
    last: () => goTo(count),
    zoom: (dir) => (dir === 0 ? setZoom('fitWidth') : step(dir)),
    find: () => {
      searchInput.current?.focus();
      searchInput.current?.select();
    },
    wide: () => handle.current?.overflowsX() ?? false,
  });
  useEffect(() => handle.current?.focus(), []);
  const onReady = props.onReady;
  useEffect(() => onReady?.({ doc, goTo }), [onReady, doc, goTo]);

  const overlayRange = view && {
    first: Math.max(0, view.range.first - 1),
    last: Math.min(count - 1, view.range.last + 1),
  };
  return (
    <div className="viewer" data-testid="viewer" data-pages={count} data-page={current + 1}>
      <ViewerToolbar
        start={props.toolbarStart}
        end={props.toolbarEnd}
        page={current + 1}
        pageCount={count}
        goTo={goTo}
        zoom={zoom ?? 1}
        zoomMode={mode}
        setZoom={setZoom}
        stepZoom={step}
        sidebar={sidebar}
        toggleSidebar={() => setSidebar((open) => !open)}
        search={search}
        searchInput={searchInput}
      />
      {props.subToolbar}
      <div className="viewer-body">
        {/* the thumbnails come after the first page: their frame is there from the start */}
        {sidebar && !eager && <div className="viewer-thumbs" />}
        {sidebar && eager && (
          <Thumbnails
            renderer={renderer}
            sizes={sizes}
            current={current}
            onSelect={(i) => goTo(i + 1)}
          />
        )}
        <PagesView
          renderer={renderer}
          layout={layout}
          view={box ?? { width: 0, height: 0 }}
          eager={eager}
          initialIndex={initialIndex}
          notes={notes}
          overlayRange={overlayRange}
          renderOverlay={props.renderOverlay}
          onBox={onBox}
          onZoomStep={onZoomStep}
          onView={onView}
          ref={handle}
        />
        {props.sidePanel}
      </div>
    </div>
  );
}
