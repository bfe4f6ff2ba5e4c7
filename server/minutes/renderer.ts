// Renders minutes' PDFs in a worker thread, one after another (server/workers/job-worker.ts: a
// worker that fails or hangs is replaced, and what waited on it is refused).
import type { MinutesDocument } from '../../core/index.ts';
import { JobWorker } from '../workers/job-worker.ts';
import type { RenderReply } from './pdf.worker.ts';

const TIMEOUT_MS = 60_000;

export class MinutesRenderer {
  readonly #worker = new JobWorker<{ doc: MinutesDocument }, RenderReply>(
    new URL('./pdf.worker.ts', import.meta.url),
    { maxOldGenerationSizeMb: 512, stopped: 'the minutes worker stopped' },
  );

  async render(doc: MinutesDocument): Promise<Uint8Array> {
    const reply = await this.#worker.run(
      { doc },
      TIMEOUT_MS,
      'the minutes took too long to lay out',
    );
    if ('pdf' in reply) return reply.pdf;
    throw new Error(reply.error);
  }

  close(): Promise<void> {
    return this.#worker.close();
  }
}
