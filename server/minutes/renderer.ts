// Renders minutes' PDFs in a worker thread, one after another; a worker that fails or hangs is
// replaced, and what waited on it is refused rather than left hanging.
import { Worker } from 'node:worker_threads';
import type { MinutesDocument } from '../../core/index.ts';
import type { RenderReply } from './pdf.worker.ts';

const TIMEOUT_MS = 60_000;

interface Waiter {
  resolve: (pdf: Uint8Array) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class MinutesRenderer {
  #worker: Worker | null = null;
  #next = 1;
  readonly #waiting = new Map<number, Waiter>();

  render(doc: MinutesDocument): Promise<Uint8Array> {
    const worker = this.#ensure();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.#fail('the minutes took too long to lay out'),
        TIMEOUT_MS,
      );
      this.#waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ id, doc });
    });
  }

  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./pdf.worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    worker.unref();
    worker.on('message', (msg: RenderReply) => {
      const w = this.#waiting.get(msg.id);
      if (!w) return;
      clearTimeout(w.timer);
      this.#waiting.delete(msg.id);
      if ('pdf' in msg) w.resolve(msg.pdf);
      else w.reject(new Error(msg.error));
    });
    worker.on('error', (err) => this.#fail(String(err)));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#fail('the minutes worker stopped');
    });
    this.#worker = worker;
    return worker;
  }

  #fail(detail: string): void {
    const w = this.#worker;
    this.#worker = null;
    void w?.terminate();
    for (const [id, waiter] of this.#waiting) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(detail));
      this.#waiting.delete(id);
    }
  }
}
