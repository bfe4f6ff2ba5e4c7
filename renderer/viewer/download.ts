// The whole-file download of a document, which can start before the viewer (and pdf.js) is even
// loaded: when a delegate clicks a document, its bytes are on the way while the viewer mounts.
// No pdf.js here, so the meeting screen can import it.
import { failureOfStatus, type LoadFailure } from './failure.ts';

/**
 * Files up to this size are downloaded whole, in the background, while range requests fetch
 * what the first page needs (the pack is kept whole for offline use anyway); a larger one (a
 * scanned pack) is read by ranges only, as its pages are shown, not to hold up the room's Wi-Fi.
 */
export const STREAM_MAX_BYTES = 32 * 1024 * 1024;

/** Why a download stopped: a load failure, or a file of another length than we were told. */
export type DownloadFailure = LoadFailure | 'length';

export interface DownloadListener {
  data: (chunk: Uint8Array) => void;
  done: () => void;
  failed: (failure: DownloadFailure, detail: string) => void;
}

/** The session token as a header: the cookie works in a browser, the token also elsewhere. */
export const authHeaders = (token: string | null | undefined): Record<string, string> =>
  token ? { Authorization: `Bearer ${token}` } : {};

/** A GET that throws, with the status, unless the answer is 2xx. */
export async function fetchOk(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  const res = await fetch(url, { headers, credentials: 'include', signal });
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return res;
}

/** What a failed request means for the reader. */
export function failureOf(err: unknown): { failure: LoadFailure; detail: string } {
  const status = (err as { status?: number }).status;
  const detail = err instanceof Error ? err.message : String(err);
  return { failure: status ? failureOfStatus(status) : 'network', detail };
}

export class PdfDownload {
  readonly length: number;
  readonly #abort = new AbortController();
  /** Chunks that came before anyone listened. */
  #early: Uint8Array[] = [];
  #end: { failure: DownloadFailure; detail: string } | 'done' | null = null;
  #listener: DownloadListener | null = null;

  constructor(url: string, headers: Record<string, string>, length: number) {
    this.length = length;
    void this.#run(url, headers);
  }

  /** True when the whole file is here and nobody listens yet: `bytes()` has it all. */
  get complete(): boolean {
    return this.#end === 'done' && !this.#listener;
  }

  /** What came before anyone listened, in one piece (one message to pdf.js's worker). */
  bytes(): Uint8Array {
    const early = this.#early;
    this.#early = [];
    if (early.length === 1) return early[0]!;
    const all = new Uint8Array(early.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of early) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return all;
  }

  /** Hands over what came so far, then all that comes next (to one listener). */
  listen(listener: DownloadListener): void {
    this.#listener = listener;
    if (this.#early.length) listener.data(this.bytes());
    this.#tell();
  }

  abort(): void {
    this.#abort.abort();
  }

  async #run(url: string, headers: Record<string, string>): Promise<void> {
    try {
      const res = await fetchOk(url, headers, this.#abort.signal);
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no response body');
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.length;
        if (received > this.length) return this.#mismatch(received);
        if (this.#listener) this.#listener.data(value);
        else this.#early.push(value);
      }
      if (received !== this.length) return this.#mismatch(received);
      this.#end = 'done';
    } catch (err) {
      if (this.#abort.signal.aborted) return;
      this.#end = failureOf(err);
    }
    this.#tell();
  }

  /** The file is not the length we were told (never for a file named by its hash, but...). */
  #mismatch(actual: number): void {
    this.#abort.abort();
    this.#end = { failure: 'length', detail: `expected ${this.length} bytes, got ${actual}` };
    this.#tell();
  }

  #tell(): void {
    const end = this.#end;
    if (!end || !this.#listener) return;
    if (end === 'done') this.#listener.done();
    else this.#listener.failed(end.failure, end.detail);
  }
}

/** A document about to be opened: where it is, and its download, started ahead. */
export interface Ahead {
  url: string;
  token: string | null | undefined;
  size: number;
  download: PdfDownload;
}

/** Downloads started ahead, by URL, until a viewer takes them (or they are forgotten). */
const ahead = new Map<string, Ahead>();
export const FORGET_AFTER_MS = 30_000;

/** Told of each document about to be opened (pdfjs.ts, once loaded, opens it at once). */
let onAheadListener: (() => void) | null = null;

export function onAhead(listener: () => void): void {
  onAheadListener = listener;
  listener();
}

/** Starts downloading a document about to be opened (a click on it in the agenda). */
export function prefetchPdf(url: string, token: string | null | undefined, size: number): void {
  if (ahead.has(url) || !size || size > STREAM_MAX_BYTES) return;
  const download = new PdfDownload(url, authHeaders(token), size);
  ahead.set(url, { url, token, size, download });
  onAheadListener?.();
  setTimeout(() => {
    if (ahead.get(url)?.download !== download) return;
    ahead.delete(url);
    download.abort();
  }, FORGET_AFTER_MS);
}

/** The documents about to be opened (not taken: `takeDownload` takes each). */
export const aheadOfTime = (): Ahead[] => [...ahead.values()];

/** The download started ahead for `url`, if any: taken, a second viewer starts its own. */
export function takeDownload(url: string, length: number): PdfDownload | undefined {
  const found = ahead.get(url);
  ahead.delete(url);
  if (found?.download.length === length) return found.download;
  found?.download.abort();
  return undefined;
}
