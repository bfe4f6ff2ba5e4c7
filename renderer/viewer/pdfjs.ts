// pdf.js, set up once: one module worker for every document, where the CMaps, standard fonts
// and wasm decoders are served (copied next to the app by renderer/vite.config.ts), and how a
// document is opened: range requests, only the parts a page needs.
import {
  getDocument,
  GlobalWorkerOptions,
  PDFWorker,
  VerbosityLevel,
  type PDFDocumentLoadingTask,
} from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import {
  aheadOfTime,
  authHeaders,
  FORGET_AFTER_MS,
  onAhead,
  STREAM_MAX_BYTES,
  takeDownload,
  type DownloadFailure,
} from './download.ts';
import { FetchTransport } from './transport.ts';
import { pdfWorkerPort } from './worker.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Where the document comes from: the server (with the session token, and the file's size when
 * known) or bytes already here.
 */
export type PdfSource =
  { url: string; token?: string | null; size?: number } | { data: Uint8Array };

/** Bytes per range request: a page of a typical pack in one or two requests on the LAN. */
export const RANGE_CHUNK = 256 * 1024;

let worker: PDFWorker | null = null;

/** pdf.js's handle on the shared worker (see worker.ts). */
export function pdfWorker(): PDFWorker {
  // (the typings say `port?: null`; pdf.js takes a Worker there, its documented use)
  const options = { port: pdfWorkerPort() } as unknown as ConstructorParameters<
    typeof PDFWorker
  >[0];
  worker ??= new PDFWorker(options);
  return worker;
}

/** Absolute URLs: the worker fetches them, and its own base URL is the worker script's. */
function assetUrl(dir: string): string {
  return new URL(`pdfjs/${dir}/`, document.baseURI).href;
}

type UrlSource = Extract<PdfSource, { url: string }>;
type OnFailure = (failure: DownloadFailure, detail: string) => void;

/** A document being opened, and where failures of our own requests go (once someone listens). */
interface Opening {
  task: PDFDocumentLoadingTask;
  failed: { failure: DownloadFailure; detail: string } | null;
  listener: OnFailure | null;
}

function startOpening(source: PdfSource): Opening {
  const heard: Omit<Opening, 'task'> = { failed: null, listener: null };
  const onFailure: OnFailure = (failure, detail) => {
    heard.failed = { failure, detail };
    heard.listener?.(failure, detail);
  };
  const whole = 'data' in source || !source.size || source.size <= STREAM_MAX_BYTES;
  let from;
  if ('data' in source) from = { data: source.data };
  else if (!source.size) {
    from = { url: source.url, httpHeaders: authHeaders(source.token), withCredentials: true };
  } else {
    const ahead = whole ? takeDownload(source.url, source.size) : undefined;
    // all here already (clicked a moment ago): one message to the worker, no transport
    if (ahead?.complete) from = { data: ahead.bytes() };
    else {
      const headers = authHeaders(source.token);
      const { url, size } = source;
      from = { range: new FetchTransport(url, headers, size, whole, onFailure, ahead) };
    }
  }
  const task = getDocument({
    ...from,
    worker: pdfWorker(),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    wasmUrl: assetUrl('wasm'),
    iccUrl: assetUrl('iccs'),
    // range requests first for what the first page needs: a 300-page pack opens at once
    disableStream: !whole,
    disableAutoFetch: !whole,
    rangeChunkSize: RANGE_CHUNK,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  return Object.assign(heard, { task });
}

/** Documents opened ahead of their viewer, by URL. */
const early = new Map<string, { opening: Opening; size: number }>();

/**
 * Opens the documents whose download a click started (download.ts), now that pdf.js is here:
 * while the document screen is still joining the meeting and mounting, pdf.js reads the file.
 */
function openAhead(): void {
  for (const { url, token, size } of aheadOfTime()) {
    if (early.has(url)) continue;
    const opening = startOpening({ url, token, size });
    early.set(url, { opening, size });
    setTimeout(() => {
      if (early.get(url)?.opening !== opening) return;
      early.delete(url);
      void opening.task.destroy();
    }, FORGET_AFTER_MS);
  }
}
onAhead(openAhead);

/**
 * Opens a document, or takes it if it was opened ahead (`early`). Failures of our own requests
 * (when the size is known and we fetch the file ourselves, see transport.ts) come through
 * `onFailure`; the task's promise then never settles.
 */
export function openPdf(
  source: PdfSource,
  onFailure: OnFailure,
): { task: PDFDocumentLoadingTask; early: boolean } {
  const ahead = 'url' in source ? early.get(source.url) : undefined;
  let opening: Opening;
  if (ahead && ahead.size === (source as UrlSource).size) {
    early.delete((source as UrlSource).url);
    opening = ahead.opening;
  } else opening = startOpening(source);
  opening.listener = onFailure;
  const { failed } = opening;
  if (failed) queueMicrotask(() => onFailure(failed.failure, failed.detail));
  return { task: opening.task, early: opening === ahead?.opening };
}
