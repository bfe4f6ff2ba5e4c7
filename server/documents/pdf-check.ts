// Checks uploaded PDFs, and reads their text for search, in a worker thread, one at a time; a
// worker that hangs is replaced.
import { Worker } from 'node:worker_threads';
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

interface Waiter {
  resolve: (r: never) => void;
  fail: (detail: string) => void;
  timer: NodeJS.Timeout;
}

export class PdfChecker {
  #worker: Worker | null = null;
  #next = 1;
  readonly #waiting = new Map<number, Waiter>();

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

  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }

  #run<T>(
    msg: Omit<WorkerRequest, 'id'>,
    timeoutMs: number,
    failed: (detail: string) => T,
  ): Promise<T> {
    const worker = this.#ensure();
    const id = this.#next++;
    return new Promise<T>((resolve) => {
      const timer = setTimeout(() => {
        this.#fail('the file took too long to open');
      }, timeoutMs);
      this.#waiting.set(id, {
        resolve: resolve as (r: never) => void,
        fail: (detail) => resolve(failed(detail)),
        timer,
      });
      worker.postMessage({ ...msg, id } satisfies WorkerRequest);
    });
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./pdf-check.worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    worker.unref();
    worker.on('message', (msg: { id: number; result: never }) => {
      const w = this.#waiting.get(msg.id);
      if (!w) return;
      clearTimeout(w.timer);
      this.#waiting.delete(msg.id);
      w.resolve(msg.result);
    });
    worker.on('error', (err) => this.#fail(String(err)));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#fail('the checker stopped');
    });
    this.#worker = worker;
    return worker;
  }

  /** Fails every waiting job and starts afresh: a crash on one file must not stop the next. */
  #fail(detail: string): void {
    const w = this.#worker;
    this.#worker = null;
    void w?.terminate();
    for (const [id, waiter] of this.#waiting) {
      clearTimeout(waiter.timer);
      waiter.fail(detail);
      this.#waiting.delete(id);
    }
  }
}
