// The sidebar of page thumbnails: only those near its viewport are mounted and drawn.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeLayout, visibleRange, type PageRange, type PageSize } from './layout.ts';
import type { PageRenderer } from './pageRenderer.ts';
import { THUMB_WIDTH } from './thumbnails.ts';

/** Room for the page number under each thumbnail, CSS pixels. */
const LABEL = 22;
/** Thumbnails mounted beyond the visible ones, each way. */
const OVERSCAN = 3;

interface Props {
  renderer: PageRenderer;
  sizes: readonly PageSize[];
  current: number;
  onSelect: (index: number) => void;
}

export function Thumbnails({ renderer, sizes, current, onSelect }: Props) {
  const { t } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  const layout = useMemo(
    () =>
      computeLayout(
        sizes.map((s) => ({
          width: THUMB_WIDTH,
          height: (s.height * THUMB_WIDTH) / s.width + LABEL,
        })),
        1,
      ),
    [sizes],
  );
  const [range, setRange] = useState<PageRange | null>(null);

  const update = useCallback(() => {
    const el = nav.current;
    if (!el) return;
    const shown = visibleRange(layout, el.scrollTop, el.clientHeight);
    const next = shown && {
      first: Math.max(0, shown.first - OVERSCAN),
      last: Math.min(sizes.length - 1, shown.last + OVERSCAN),
    };
    setRange((prev) =>
      prev?.first === next?.first && prev?.last === next?.last ? prev : (next ?? null),
    );
  }, [layout, sizes.length]);

  useEffect(() => {
    const el = nav.current;
    if (!el) return;
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [update]);

  // keep the current page's thumbnail in sight as the reader moves through the document
  useEffect(() => {
    const el = nav.current;
    const top = layout.tops[current];
    if (!el || top === undefined) return;
    const bottom = top + layout.heights[current]!;
    if (top < el.scrollTop || bottom > el.scrollTop + el.clientHeight)
      el.scrollTop = top - el.clientHeight / 3;
  }, [current, layout]);

  const items = [];
  if (range) {
    for (let i = range.first; i <= range.last; i++) {
      items.push(
        <Thumb
          key={i}
          index={i}
          top={layout.tops[i]!}
          height={layout.heights[i]! - LABEL}
          current={i === current}
          renderer={renderer}
          onSelect={onSelect}
        />,
      );
    }
  }
  return (
    <nav
      className="viewer-thumbs"
      ref={nav}
      onScroll={update}
      aria-label={t('viewer.thumbnails')}
      data-testid="viewer-thumbnails"
    >
      <div className="viewer-thumbs-inner" style={{ height: layout.totalHeight }}>
        {items}
      </div>
    </nav>
  );
}

interface ThumbProps {
  index: number;
  top: number;
  height: number;
  current: boolean;
  renderer: PageRenderer;
  onSelect: (index: number) => void;
}

const Thumb = memo(function Thumb({ index, top, height, current, renderer, onSelect }: ThumbProps) {
  const { t } = useTranslation();
  const attach = useCallback(
    (el: HTMLDivElement | null) => renderer.thumbs.attach(index, el),
    [renderer, index],
  );
  return (
    <button
      type="button"
      className="viewer-thumb"
      style={{ top }}
      aria-current={current ? 'page' : undefined}
      aria-label={t('viewer.pageLabel', { page: index + 1 })}
      data-thumb={index + 1}
      onClick={() => onSelect(index)}
    >
      <div className="viewer-thumb-image" ref={attach} style={{ width: THUMB_WIDTH, height }} />
      <span className="viewer-thumb-label">{index + 1}</span>
    </button>
  );
});
