// Feeding pdf.js from our own HTTP requests when the file's size is known (the meeting state has
// it): the whole-file download may have started before the viewer loaded (download.ts), and
// it does not wait for pdf.js's worker, which left to itself asks for the first byte only once it
// runs; range requests fetch what a page needs before the download gets there.
import { PDFDataRangeTransport } from 'pdfjs-dist';
import { failureOf, fetchOk, PdfDownload, type DownloadFailure } from './download.ts';

export class FetchTransport extends PDFDataRangeTransport {
  readonly #url: string;
  readonly #headers: Record<string, string>;
  readonly #abort = new AbortController();
  readonly #download: PdfDownload | null = null;
  readonly #onFailure: (failure: DownloadFailure, detail: string) => void;

  /**
   * Downloads the whole file too if `whole` (or goes on with `ahead`, the download started when
   * the document was clicked), else reads only the ranges pdf.js asks for.
   */
  constructor(
    url: string,
    headers: Record<string, string>,
    length: number,
    whole: boolean,
    onFailure: (failure: DownloadFailure, detail: string) => void,
    ahead?: PdfDownload,
  ) {
    super(length, null, false);
    this.#url = url;
    this.#headers = headers;
    this.#onFailure = onFailure;
    if (!whole) return;
    this.#download = ahead ?? new PdfDownload(url, headers, length);
    this.#download.listen({
      data: (chunk) => this.onDataProgressiveRead(chunk),
      done: () => this.onDataProgressiveDone(),
      failed: (failure, detail) => this.#fail(failure, detail),
    });
  }

  override requestDataRange(begin: number, end: number): void {
    const headers = { ...this.#headers, Range: `bytes=${begin}-${end - 1}` };
    void fetchOk(this.#url, headers, this.#abort.signal)
      .then(async (res) => {
        const body = new Uint8Array(await res.arrayBuffer());
        const total =
          res.status === 206
            ? Number(/\/(\d+)$/.exec(res.headers.get('Content-Range') ?? '')?.[1])
            : body.length;
        if (total !== this.length)
          return this.#fail('length', `expected ${this.length} bytes, the server has ${total}`);
        // a server that ignores Range sends the whole file: take the part asked for
        this.onDataRange(begin, res.status === 206 ? body : body.subarray(begin, end));
      })
      .catch((err: unknown) => {
        const { failure, detail } = failureOf(err);
        this.#fail(failure, detail);
      });
  }

  override abort(): void {
    this.#abort.abort();
    this.#download?.abort();
  }

  #fail(failure: DownloadFailure, detail: string): void {
    if (this.#abort.signal.aborted) return;
    this.abort();
    this.#onFailure(failure, detail);
  }
}
