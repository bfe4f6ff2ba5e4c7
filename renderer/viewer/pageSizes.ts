// The real size of every page, learnt once each: from the pages as they are drawn, and in the
// background a batch at a time, so that the placeholders far away are the right size too.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { PageSize } from './layout.ts';

/** Pages asked for per background batch. */
const BATCH = 16;

export type SizeUpdates = [index: number, size: PageSize][];

export class PageSizes {
  readonly #doc: PDFDocumentProxy;
  readonly #known: boolean[];
  #next = 0;

  constructor(doc: PDFDocumentProxy) {
    this.#doc = doc;
    this.#known = Array.from({ length: doc.numPages }, () => false);
  }

  /** Whether every page has been asked for. */
  get done(): boolean {
    return this.#next >= this.#known.length;
  }

  /** The size of a page now at hand, unless it was learnt before. */
  learn(index: number, page: PDFPageProxy): SizeUpdates {
    if (this.#known[index]) return [];
    this.#known[index] = true;
    const { width, height } = page.getViewport({ scale: 1 });
    return [[index, { width, height }]];
  }

  /** The sizes of the next few pages. */
  async nextBatch(): Promise<SizeUpdates> {
    const from = this.#next;
    const to = Math.min(this.#known.length, from + BATCH);
    this.#next = to;
    const pages = await Promise.all(
      Array.from({ length: to - from }, (_, k) =>
        this.#doc.getPage(from + k + 1).catch(() => null),
      ),
    );
    return pages.flatMap((page, k) => (page ? this.learn(from + k, page) : []));
  }
}
