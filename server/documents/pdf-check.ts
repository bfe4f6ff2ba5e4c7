// Checks uploaded PDFs, and reads their text for search, in a worker thread, one at a time
// (server/workers/job-worker.ts: a worker that hangs is replaced).
import { JobWorker } from '../workers/job-worker.ts';
import type {
  PdfCheck,
  PdfLayoutResult,
  PdfTextResult,
  WorkerRequest,
} from './pdf-check.worker.ts';

export type { PdfCheck, PdfLayoutResult, PdfText, PdfTextResult } from './pdf-check.worker.ts';

const TIMEOUT_MS = 60_000;
/** Reading every page's text of a long book takes longer than opening it. */
const TEXT_TIMEOUT_MS = 180_000;

export class PdfChecker {
  readonly #worker = new JobWorker<Omit<WorkerRequest, 'id'>, { id: number; result: unknown }>(
    new URL('./pdf-check.worker.ts', import.meta.url),
    { maxOldGenerationSizeMb: 1024, stopped: 'the checker stopped' },
  );

  check(file: string): Promise<PdfCheck> {
    return this.#run<PdfCheck>({ kind: 'check', file }, TIMEOUT_MS, (detail) => ({
      ok: false,
      reason: 'invalid',
      detail,
    }));
  }

  /** Every page's text (bounded, see TEXT_LIMITS); never rejects. */
  readText(file: string): Promise<PdfTextResult> {
    return this.#run<PdfTextResult>({ kind: 'text', file }, TEXT_TIMEOUT_MS, (detail) => ({
      ok: false,
      detail,
    }));
  }

  /** Every page's text items with positions (bounded, see LAYOUT_LIMITS); never rejects. */
  readLayout(file: string): Promise<PdfLayoutResult> {
    return this.#run<PdfLayoutResult>({ kind: 'layout', file }, TEXT_TIMEOUT_MS, (detail) => ({
      ok: false,
      detail,
    }));
  }

  close(): Promise<void> {
    return this.#worker.close();
  }

  /** Never rejects: a failed or hung worker answers `failed(reason)`. */
  #run<T>(
    msg: Omit<WorkerRequest, 'id'>,
    timeoutMs: number,
    failed: (detail: string) => T,
  ): Promise<T> {
    return this.#worker.run(msg, timeoutMs, 'the file took too long to open').then(
      (reply) => reply.result as T,
      (err: unknown) => failed(err instanceof Error ? err.message : String(err)),
    );
  }
}
