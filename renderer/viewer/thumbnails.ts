// Thumbnail drawing for the pages the sidebar has mounted: copied down from the page's canvas
// when it is drawn already, else drawn small by pdf.js. Run by the page renderer's queue, after
// the pages themselves.
import { RenderingCancelledException, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';

/** Width of a thumbnail, CSS pixels. */
export const THUMB_WIDTH = 112;

export interface ThumbJob {
  run: () => Promise<void>;
  cancel: () => void;
}

export class ThumbnailJobs {
  readonly #doc: PDFDocumentProxy;
  readonly #canvasOf: (index: number) => HTMLCanvasElement | null;
  readonly #wake: () => void;
  readonly #hosts = new Map<number, HTMLElement>();
  readonly #drawn = new Set<number>();

  constructor(
    doc: PDFDocumentProxy,
    canvasOf: (index: number) => HTMLCanvasElement | null,
    wake: () => void,
  ) {
    this.#doc = doc;
    this.#canvasOf = canvasOf;
    this.#wake = wake;
  }

  /** The sidebar mounted (or, with null, unmounted) the thumbnail of page `index`. */
  attach(index: number, host: HTMLElement | null): void {
    const old = this.#hosts.get(index);
    if (old === host) return;
    if (old) {
      for (const c of old.querySelectorAll('canvas')) c.width = c.height = 0;
      old.replaceChildren();
      delete old.dataset.rendered;
    }
    this.#drawn.delete(index);
    if (host) this.#hosts.set(index, host);
    else this.#hosts.delete(index);
    if (host) this.#wake();
  }

  /** The thumbnail to draw next: the mounted one nearest the current page. */
  next(current: number): ThumbJob | null {
    let best = -1;
    for (const index of this.#hosts.keys()) {
      if (this.#drawn.has(index)) continue;
      if (best === -1 || Math.abs(index - current) < Math.abs(best - current)) best = index;
    }
    return best === -1 ? null : this.#job(best);
  }

  /** Gives back every thumbnail's canvas; the sidebar's elements stay attached. */
  clear(): void {
    for (const host of this.#hosts.values()) {
      for (const c of host.querySelectorAll('canvas')) c.width = c.height = 0;
      host.replaceChildren();
      delete host.dataset.rendered;
    }
    this.#drawn.clear();
  }

  #job(index: number): ThumbJob {
    this.#drawn.add(index);
    let task: RenderTask | null = null;
    let cancelled = false;
    const run = async (): Promise<void> => {
      const page = await this.#doc.getPage(index + 1);
      const host = this.#hosts.get(index);
      if (cancelled || !host) return;
      const base = page.getViewport({ scale: 1 });
      const ratio = Math.max(1, window.devicePixelRatio || 1);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(THUMB_WIDTH * ratio);
      canvas.height = Math.max(1, Math.round((canvas.width * base.height) / base.width));
      const source = this.#canvasOf(index);
      if (source) {
        const ctx = canvas.getContext('2d');
        if (!ctx) return;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
      } else {
        const viewport = page.getViewport({ scale: canvas.width / base.width });
        task = page.render({ canvas, viewport });
        try {
          await task.promise;
        } catch (err) {
          canvas.width = canvas.height = 0;
          if (err instanceof RenderingCancelledException || cancelled) return;
          throw err;
        } finally {
          if (!this.#canvasOf(index)) page.cleanup(); // the small drawing needs nothing kept
        }
      }
      if (cancelled || this.#hosts.get(index) !== host) {
        canvas.width = canvas.height = 0;
        return;
      }
      host.replaceChildren(canvas);
      host.dataset.rendered = 'true';
    };
    return {
      run,
      cancel: () => {
        cancelled = true;
        this.#drawn.delete(index);
        task?.cancel();
      },
    };
  }
}
