// The text of every page for search, read with getTextContent page by page (no page is drawn)
// and kept: a 352-page book is about a megabyte of strings.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageText } from './search.ts';

export class TextIndex {
  readonly #doc: PDFDocumentProxy;
  readonly #pages = new Map<number, Promise<PageText>>();

  constructor(doc: PDFDocumentProxy) {
    this.#doc = doc;
  }

  get pageCount(): number {
    return this.#doc.numPages;
  }

  /** The text of a page (1-based), with the same items as the text layer draws. */
  get(page: number): Promise<PageText> {
    let text = this.#pages.get(page);
    if (!text) {
      text = this.#read(page);
      this.#pages.set(page, text);
      // a page that failed is read again next time
      text.catch(() => this.#pages.delete(page));
    }
    return text;
  }

  async #read(page: number): Promise<PageText> {
    const proxy = await this.#doc.getPage(page);
    const content = await proxy.getTextContent();
    const items: string[] = [];
    const eol: boolean[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push(item.str);
      eol.push(item.hasEOL);
    }
    return { items, eol };
  }
}
