// One page's drawing jobs, each cancellable: its canvas at a scale, and its text layer.
import {
  RenderingCancelledException,
  TextLayer,
  type PDFPageProxy,
  type RenderTask,
} from 'pdfjs-dist';
import { outputScale } from './zoom.ts';

export interface Job {
  run: () => Promise<void>;
  cancel: () => void;
}

/**
 * Draws the page at `scale` into a new canvas (off screen until `done` puts it in place).
 * `failed` hears of a failure other than being cancelled.
 */
export function canvasJob(
  page: () => Promise<PDFPageProxy>,
  scale: number,
  done: (canvas: HTMLCanvasElement, page: PDFPageProxy) => void,
  failed: (err: unknown) => void,
): Job {
  let task: RenderTask | null = null;
  let cancelled = false;
  const run = async (): Promise<void> => {
    const proxy = await page();
    if (cancelled) return;
    const viewport = proxy.getViewport({ scale });
    const ratio = outputScale(viewport.width, viewport.height, window.devicePixelRatio);
    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-canvas';
    canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
    canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
    const transform = ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0];
    task = proxy.render({ canvas, viewport, transform });
    try {
      await task.promise;
    } catch (err) {
      canvas.width = canvas.height = 0;
      if (!cancelled && !(err instanceof RenderingCancelledException)) failed(err);
      return;
    }
    if (cancelled) canvas.width = canvas.height = 0;
    else done(canvas, proxy);
  };
  return {
    run,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}

/**
 * Builds the page's text layer (transparent text over the canvas, to select, copy and search)
 * off screen, if still `wanted` when the page is at hand: `begin` hears of it as it starts (the
 * text is being read), `done` puts it in place.
 */
export function textJob(
  page: () => Promise<PDFPageProxy>,
  scale: number,
  wanted: () => boolean,
  begin: (layer: TextLayer, div: HTMLDivElement) => void,
  done: (layer: TextLayer, div: HTMLDivElement) => void,
): Job {
  let layer: TextLayer | null = null;
  let cancelled = false;
  const run = async (): Promise<void> => {
    const proxy = await page();
    if (cancelled || !wanted()) return;
    const div = document.createElement('div');
    div.className = 'textLayer';
    layer = new TextLayer({
      textContentSource: proxy.streamTextContent(),
      container: div,
      viewport: proxy.getViewport({ scale }),
    });
    begin(layer, div);
    try {
      await layer.render();
    } catch {
      return; // cancelled, or a page without usable text: the canvas still shows
    }
    if (!cancelled) done(layer, div);
  };
  return {
    run,
    cancel: () => {
      cancelled = true;
      layer?.cancel();
    },
  };
}
