// What both benchmark pages (our viewer, the stock pdf.js viewer) expose to bench/viewer.ts.

export interface ViewerBenchApi {
  /** performance.now() (ms since navigation start) when page 1's canvas was drawn. */
  firstPage: Promise<number>;
  /** Shows page `n` (1-based); resolves with the ms from the call until its canvas is drawn. */
  goTo: (n: number) => Promise<number>;
  /** Shows every page in turn, each until its canvas is drawn; resolves with the page count. */
  scrollThrough: () => Promise<number>;
  /** CSS width of page 1 as shown (the zoom each viewer ended up at). */
  pageWidth: () => number;
}

declare global {
  interface Window {
    __bench: ViewerBenchApi;
  }
}

/** The document both pages open: served next to them by bench/viewer-server.ts. */
export const PDF_URL = new URL('freeculture.pdf', window.location.href).href;

/** Its size, given in the address (?size=) as the meeting state gives it to our viewer. */
export const pdfSize = (): number =>
  Number(new URL(window.location.href).searchParams.get('size')) || 0;

/** Resolves when `drawn(n)` is true, checked now and after each `onDrawn` notification. */
export class DrawnWaiter {
  readonly #waiting = new Map<number, (() => void)[]>();

  notify(n: number): void {
    const list = this.#waiting.get(n);
    this.#waiting.delete(n);
    for (const resolve of list ?? []) resolve();
  }

  wait(n: number, drawn: (n: number) => boolean): Promise<void> {
    if (drawn(n)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.#waiting.get(n) ?? [];
      list.push(resolve);
      this.#waiting.set(n, list);
    });
  }
}
