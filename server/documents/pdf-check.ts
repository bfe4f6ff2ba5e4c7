// Checks uploaded PDFs in a worker thread, one at a time; a worker that hangs is replaced.
import { Worker } from 'node:worker_threads';
import type { PdfCheck } from './pdf-check.worker.ts';

export type { PdfCheck };

const TIMEOUT_MS = 60_000;

export class PdfChecker {
  #worker: Worker | null = null;
  #next = 1;
  readonly #waiting = new Map<number, { resolve: (r: PdfCheck) => void; timer: NodeJS.Timeout }>();

  check(file: string): Promise<PdfCheck> {
    const worker = this.#ensure();
    const id = this.#next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#fail('the file took too long to open');
      }, TIMEOUT_MS);
      this.#waiting.set(id, { resolve, timer });
      worker.postMessage({ id, file });
    });
  }

  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./pdf-check.worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    worker.unref();
    worker.on('message', (msg: { id: number; result: PdfCheck }) => {
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

  /** Fails every waiting check and starts afresh: a crash on one file must not stop the next. */
  #fail(detail: string): void {
    const w = this.#worker;
    this.#worker = null;
    void w?.terminate();
    for (const [id, waiter] of this.#waiting) {
      clearTimeout(waiter.timer);
      waiter.resolve({ ok: false, reason: 'invalid', detail });
      this.#waiting.delete(id);
    }
  }
}
