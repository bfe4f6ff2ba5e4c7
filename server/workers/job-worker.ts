// One worker thread that runs jobs one after another (the PDF checker, the minutes renderer). A
// worker that fails, exits or hangs past a job's time limit is replaced, and every job waiting on
// it is refused with the reason rather than left hanging: a bad file must not stop the next one.
import { Worker } from 'node:worker_threads';

interface Waiter {
  resolve: (reply: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export interface JobWorkerOptions {
  /** Heap limit of the worker, in MB. */
  maxOldGenerationSizeMb: number;
  /** Said when the worker stops on its own ("the checker stopped"). */
  stopped: string;
  /**
   * How long a worker with nothing to do is kept, in ms: it holds pdf.js (tens of MB) that a
   * server between two uploads does not need. The next job starts a new one.
   */
  idleMs?: number;
}

const IDLE_MS = 60_000;

/**
 * Posts `{ ...job, id }` to the worker script and resolves with the message it answers with the
 * same `id`; rejects with the reason when the worker fails or the job takes longer than allowed.
 */
export class JobWorker<Job extends object, Reply extends { id: number }> {
  readonly #url: URL;
  readonly #opts: JobWorkerOptions;
  #worker: Worker | null = null;
  #next = 1;
  readonly #waiting = new Map<number, Waiter>();
  #idle: NodeJS.Timeout | undefined;

  constructor(url: URL, opts: JobWorkerOptions) {
    this.#url = url;
    this.#opts = opts;
  }

  /** Whether a worker thread is running now. */
  get running(): boolean {
    return this.#worker !== null;
  }

  run(job: Job, timeoutMs: number, tooLong: string): Promise<Reply> {
    clearTimeout(this.#idle);
    const worker = this.#ensure();
    const id = this.#next++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(tooLong), timeoutMs);
      this.#waiting.set(id, { resolve: resolve as (reply: unknown) => void, reject, timer });
      worker.postMessage({ ...job, id });
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#url, {
      resourceLimits: { maxOldGenerationSizeMb: this.#opts.maxOldGenerationSizeMb },
    });
    worker.unref();
    worker.on('message', (msg: Reply) => {
      const w = this.#waiting.get(msg.id);
      if (!w) return;
      clearTimeout(w.timer);
      this.#waiting.delete(msg.id);
      w.resolve(msg);
      if (this.#waiting.size === 0) this.#stopWhenIdle(worker);
    });
    worker.on('error', (err) => this.#fail(String(err)));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#fail(this.#opts.stopped);
    });
    this.#worker = worker;
    return worker;
  }

  #stopWhenIdle(worker: Worker): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => {
      if (this.#worker !== worker || this.#waiting.size > 0) return;
      this.#worker = null; // (its exit is then no failure)
      void worker.terminate();
    }, this.#opts.idleMs ?? IDLE_MS);
    this.#idle.unref();
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
