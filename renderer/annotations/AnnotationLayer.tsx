// One page's annotations, drawn in SVG (highlights, ink) and HTML (notes, text boxes) over the
// page, at its current scale; and, with a tool in hand, where one draws and places them.
import type { PageViewport } from 'pdfjs-dist';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, PdfRect } from '../../core/index.ts';
import type { PageOverlayInfo } from '../viewer/PdfViewer.tsx';
import { AnnotationEditor } from './AnnotationEditor.tsx';
import { NoteIcon } from './NoteIcon.tsx';
import { useAnnotationUi } from './context.ts';
import {
  cssBox,
  moveShape,
  resizedTextRect,
  simplify,
  strokePath,
  toCssPoint,
  toCssRect,
  toCssStroke,
  toPdfDelta,
  toPdfPoint,
  toPdfRect,
  toPdfStroke,
  type Point,
} from './geometry.ts';
import { CSS_UNITS } from '../viewer/zoom.ts';
import { NOTE_SIZE, TEXT_BOX } from './tools.ts';

/** How long a layer waits for its page's canvas before asking pdf.js for the page itself. */
const LATE_MS = 1500;

/** The page's viewport at the scale it is shown at. */
function usePageViewport(info: PageOverlayInfo): PageViewport | null {
  const { viewer, viewports, drawn } = useAnnotationUi();
  // a canvas placed before the viewer listened is never told of: then go ahead after a while
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), LATE_MS);
    return () => clearTimeout(timer);
  }, []);
  const doc = drawn.has(info.page) || late ? viewer?.doc : undefined;
  const [vp, setVp] = useState<PageViewport | null>(null);
  useEffect(() => {
    let live = true;
    void doc?.getPage(info.page).then((p) => {
      if (!live) return;
      const next = p.getViewport({ scale: info.scale });
      viewports.set(info.page, next);
      setVp(next);
    });
    return () => {
      live = false;
      viewports.delete(info.page);
    };
  }, [doc, info.page, info.scale, viewports]);
  return vp;
}

interface Drag {
  id: string;
  x: number;
  y: number;
  dx: number;
  dy: number;
}

/** Pixels a press may move and still count as a click. */
const CLICK_SLOP = 3;

/** Points a text box grows or shrinks by per Shift+arrow key. */
const RESIZE_STEP = 6;

const RESIZE_KEYS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

export function AnnotationLayer({ info }: { info: PageOverlayInfo }) {
  const { t } = useTranslation();
  const ui = useAnnotationUi();
  const vp = usePageViewport(info);
  const [stroke, setStroke] = useState<Point[] | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  // a text box's bottom-right corner being dragged; dx, dy as in Drag
  const [resize, setResize] = useState<Drag | null>(null);
  // what a screen reader is told after a resize from the keyboard
  const [sizeSaid, setSizeSaid] = useState('');
  const layer = useRef<HTMLDivElement>(null);
  const { tool, model } = ui;
  const items = model.annotations.filter((a) => a.page === info.page);

  if (!vp) return null;
  const at = (e: PointerEvent): Point => {
    const box = layer.current!.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const onLayerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0 || (e.target as Element).closest('.annot-item, .annot-editor')) return;
    const p = at(e);
    if (tool === 'pen') {
      e.currentTarget.setPointerCapture(e.pointerId);
      setStroke([p]);
    } else if (tool === 'note') {
      e.preventDefault();
      const q = toPdfPoint(vp, { x: p.x - NOTE_SIZE / 2, y: p.y - NOTE_SIZE / 2 });
      ui.create(info.page, ui.colours.note, { kind: 'note', x: q.x, y: q.y }, true);
      ui.setTool('select');
    } else if (tool === 'text') {
      e.preventDefault();
      const rect = toPdfRect(vp, {
        left: p.x,
        top: p.y,
        width: TEXT_BOX.width * (info.scale / CSS_UNITS),
        height: TEXT_BOX.height * (info.scale / CSS_UNITS),
      });
      ui.create(
        info.page,
        ui.colours.text,
        { kind: 'text', rect, fontSize: TEXT_BOX.fontSize },
        true,
      );
      ui.setTool('select');
    } else {
      ui.select(null);
    }
  };
  const onLayerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (!stroke) return;
    const p = at(e);
    setStroke((s) => (s ? [...s, p] : s));
  };
  const onLayerUp = (): void => {
    if (!stroke) return;
    setStroke(null);
    const points = simplify(stroke, 0.75).slice(0, 2000);
    ui.create(info.page, ui.colours.pen, {
      kind: 'ink',
      strokes: [toPdfStroke(vp, points.length === 1 ? [points[0]!, points[0]!] : points)],
      width: ui.width,
    });
  };

  // select mode: press an annotation to select it; one's own (not a highlight) can be dragged
  const onItemDown = (a: Annotation) => (e: PointerEvent<Element>) => {
    if (tool !== 'select' || e.button !== 0) return;
    e.stopPropagation();
    ui.select(a.id);
    if (a.author !== model.userId || a.shape.kind === 'highlight') return;
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    setDrag({ id: a.id, x: e.clientX, y: e.clientY, dx: 0, dy: 0 });
  };
  const onItemMove = (e: PointerEvent<Element>): void => {
    if (drag) setDrag({ ...drag, dx: e.clientX - drag.x, dy: e.clientY - drag.y });
  };
  const onItemUp = (a: Annotation) => () => {
    if (!drag) return;
    setDrag(null);
    if (Math.hypot(drag.dx, drag.dy) < CLICK_SLOP) return;
    const d = toPdfDelta(vp, drag.dx, drag.dy);
    model.run({
      type: 'annotation.update',
      payload: { annotationId: a.id, shape: moveShape(a.shape, d.x, d.y) },
    });
  };
  // one's own selected text box: its corner handle, and Shift+arrows, change its size
  const page = { width: info.width, height: info.height };
  const resized = (rect: PdfRect, dx: number, dy: number): PdfRect =>
    resizedTextRect(vp, rect, dx, dy, info.scale, page);
  const runResize = (a: Annotation, rect: PdfRect): void => {
    if (a.shape.kind !== 'text' || JSON.stringify(rect) === JSON.stringify(a.shape.rect)) return;
    model.run({
      type: 'annotation.update',
      payload: { annotationId: a.id, shape: { ...a.shape, rect } },
    });
  };
  const onHandleDown = (a: Annotation) => (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setResize({ id: a.id, x: e.clientX, y: e.clientY, dx: 0, dy: 0 });
  };
  const onHandleMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (resize) setResize({ ...resize, dx: e.clientX - resize.x, dy: e.clientY - resize.y });
  };
  const onHandleUp = (a: Annotation) => () => {
    if (!resize) return;
    setResize(null);
    if (a.shape.kind === 'text') runResize(a, resized(a.shape.rect, resize.dx, resize.dy));
  };
  const onTextKey = (a: Annotation) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter') ui.select(a.id);
    const step = RESIZE_KEYS[e.key];
    if (!step || !e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    if (a.author !== model.userId || a.shape.kind !== 'text') return;
    e.preventDefault();
    e.stopPropagation();
    ui.select(a.id);
    const d = RESIZE_STEP * info.scale;
    const rect = resized(a.shape.rect, step[0] * d, step[1] * d);
    runResize(a, rect);
    const shown = toCssRect(vp, rect);
    setSizeSaid(
      t('annotations.resized', {
        width: Math.round(shown.width / info.scale),
        height: Math.round(shown.height / info.scale),
      }),
    );
  };
  const handlers = (a: Annotation) => ({
    onPointerDown: onItemDown(a),
    onPointerMove: onItemMove,
    onPointerUp: onItemUp(a),
  });
  const offset = (a: Annotation) =>
    drag?.id === a.id ? `translate(${drag.dx}px, ${drag.dy}px)` : undefined;
  const common = (a: Annotation) => ({
    'data-annotation-id': a.id,
    'data-kind': a.shape.kind,
    'data-color': a.color,
    'data-shared': a.shared,
    'data-mine': a.author === model.userId,
    'data-selected': ui.selectedId === a.id,
  });
  const authorTitle = (a: Annotation) =>
    a.author === model.userId
      ? undefined
      : t('annotations.by', { name: model.authorName(a.author) });

  const selected = items.find((a) => a.id === ui.selectedId);
  return (
    <div
      ref={layer}
      className="annot-layer"
      data-tool={tool}
      data-testid="annotation-layer"
      data-page={info.page}
      style={{ width: info.width, height: info.height }}
      onPointerDown={onLayerDown}
      onPointerMove={onLayerMove}
      onPointerUp={onLayerUp}
      onPointerCancel={() => setStroke(null)}
    >
      <svg className="annot-svg" width={info.width} height={info.height} aria-hidden="true">
        {items.map((a) => {
          if (a.shape.kind === 'highlight')
            return (
              <g key={a.id} className="annot-item annot-highlight" {...common(a)} {...handlers(a)}>
                {authorTitle(a) && <title>{authorTitle(a)}</title>}
                {a.shape.rects.map((r, i) => {
                  const c = toCssRect(vp, r);
                  return (
                    <rect
                      key={i}
                      x={c.left}
                      y={c.top}
                      width={c.width}
                      height={c.height}
                      fill={a.color}
                    />
                  );
                })}
              </g>
            );
          if (a.shape.kind === 'ink') {
            const width = a.shape.width * info.scale;
            return (
              <g
                key={a.id}
                className="annot-item annot-ink"
                style={{ transform: offset(a) }}
                {...common(a)}
                {...handlers(a)}
              >
                {authorTitle(a) && <title>{authorTitle(a)}</title>}
                {a.shape.strokes.map((s, i) => {
                  const d = strokePath(toCssStroke(vp, s));
                  return (
                    <g key={i}>
                      <path className="annot-hit" d={d} strokeWidth={Math.max(width, 12)} />
                      <path d={d} stroke={a.color} strokeWidth={width} />
                    </g>
                  );
                })}
              </g>
            );
          }
          return null;
        })}
        {stroke && (
          <path
            className="annot-live"
            d={strokePath(stroke)}
            stroke={ui.colours.pen}
            strokeWidth={ui.width * info.scale}
          />
        )}
      </svg>
      {items.map((a) => {
        if (a.shape.kind === 'note') {
          const p = toCssPoint(vp, a.shape);
          return (
            <button
              key={a.id}
              type="button"
              className="annot-item annot-note"
              style={{
                left: p.x,
                top: p.y,
                width: NOTE_SIZE,
                height: NOTE_SIZE,
                background: a.color,
                transform: offset(a),
              }}
              title={[authorTitle(a), a.text].filter(Boolean).join(': ') || undefined}
              aria-label={`${t('annotations.kind.note')}: ${a.text || t('annotations.emptyText')}`}
              onClick={() => ui.select(a.id)}
              {...common(a)}
              {...handlers(a)}
            >
              <NoteIcon size={18} />
            </button>
          );
        }
        if (a.shape.kind === 'text') {
          const sizing = resize?.id === a.id;
          const c = toCssRect(
            vp,
            sizing ? resized(a.shape.rect, resize.dx, resize.dy) : a.shape.rect,
          );
          const canResize =
            tool === 'select' && ui.selectedId === a.id && a.author === model.userId;
          return (
            <div
              key={a.id}
              className="annot-item annot-text"
              style={{
                left: c.left,
                top: c.top,
                width: c.width,
                minHeight: c.height,
                ...(sizing ? { height: c.height, overflow: 'hidden' } : {}),
                color: a.color,
                borderColor: a.color,
                fontSize: a.shape.fontSize * info.scale,
                transform: offset(a),
              }}
              title={authorTitle(a)}
              role="button"
              tabIndex={0}
              aria-label={`${t('annotations.kind.text')}: ${a.text || t('annotations.emptyText')}`}
              aria-keyshortcuts={
                a.author === model.userId
                  ? 'Shift+ArrowRight Shift+ArrowLeft Shift+ArrowDown Shift+ArrowUp'
                  : undefined
              }
              onKeyDown={onTextKey(a)}
              {...common(a)}
              {...handlers(a)}
            >
              {a.text || <span className="annot-empty">{t('annotations.placeholder')}</span>}
              {canResize && !drag && (
                <div
                  className="annot-resize"
                  data-testid="annotation-resize"
                  title={t('annotations.resize')}
                  aria-hidden="true"
                  onPointerDown={onHandleDown(a)}
                  onPointerMove={onHandleMove}
                  onPointerUp={onHandleUp(a)}
                  onPointerCancel={() => setResize(null)}
                />
              )}
            </div>
          );
        }
        return null;
      })}
      <span className="visually-hidden" aria-live="polite" data-testid="annotation-size-said">
        {sizeSaid}
      </span>
      {selected && !drag && !resize && (
        <AnnotationEditor
          key={selected.id}
          annotation={selected}
          box={cssBox(vp, selected.shape, info.scale, NOTE_SIZE)}
          pageWidth={info.width}
          pageHeight={info.height}
        />
      )}
    </div>
  );
}
