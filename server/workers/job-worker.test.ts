// The job runner with a real worker thread: answers in order, stops a worker that has had nothing
// to do for a while (it holds pdf.js in the real ones), and starts a new one for the next job.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../testing/harness.ts';
import { JobWorker } from './job-worker.ts';

let dir: string;
let script: URL;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecab-job-worker-'));
  const file = join(dir, 'echo.mjs');
  await writeFile(
    file,
    `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (job) => {
  if (job.hang) return;
  parentPort.postMessage({ id: job.id, twice: job.n * 2, threadId });
});
`,
  );
  script = pathToFileURL(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Reply = { id: number; twice: number; threadId: number };

describe('a job worker', () => {
  it('answers each job, and lets an idle worker go; the next job starts another', async () => {
    const jobs = new JobWorker<{ n: number }, Reply>(script, {
      maxOldGenerationSizeMb: 32,
      stopped: 'the worker stopped',
      idleMs: 100,
    });
    try {
      const [a, b] = await Promise.all([
        jobs.run({ n: 1 }, 5_000, 'too long'),
        jobs.run({ n: 2 }, 5_000, 'too long'),
      ]);
      expect([a.twice, b.twice]).toEqual([2, 4]);
      expect(a.threadId).toBe(b.threadId);
      expect(jobs.running).toBe(true);
      await until(() => !jobs.running, 'the idle worker to stop', 3_000);
      const c = await jobs.run({ n: 3 }, 5_000, 'too long');
      expect(c.twice).toBe(6);
      expect(c.threadId).not.toBe(a.threadId);
    } finally {
      await jobs.close();
    }
  });

  it('keeps a busy worker, and refuses a job that takes too long with the reason', async () => {
    const jobs = new JobWorker<{ n: number; hang?: boolean }, Reply>(script, {
      maxOldGenerationSizeMb: 32,
      stopped: 'the worker stopped',
      idleMs: 50,
    });
    try {
      const slow = jobs.run({ n: 1, hang: true }, 400, 'the job took too long');
      expect((await jobs.run({ n: 2 }, 5_000, 'too long')).twice).toBe(4);
      // one job still waits: the worker is not let go under it
      await new Promise((r) => setTimeout(r, 200));
      expect(jobs.running).toBe(true);
      await expect(slow).rejects.toThrow('the job took too long');
      expect((await jobs.run({ n: 5 }, 5_000, 'too long')).twice).toBe(10);
    } finally {
      await jobs.close();
    }
  });
});
