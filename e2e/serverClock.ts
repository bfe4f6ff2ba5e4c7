// Moves the e2e server's clock (see e2e/serve.ts): sessions, which the server times by its own
// clock, expire at once when it jumps past their end. Put it back at 0 when done.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 18481);
const clockFile = join(tmpdir(), `ecab-e2e-clock-${PORT}.json`);

type ClockFile = { pid: number; offsetMs: number };
const read = async (): Promise<ClockFile> =>
  JSON.parse(await readFile(clockFile, 'utf8')) as ClockFile;

/** Sets the server's clock `offsetMs` ahead of the real time, and waits until it took it. */
export async function setServerClockOffset(offsetMs: number): Promise<void> {
  const { pid } = await read();
  await writeFile(clockFile, JSON.stringify({ pid, offsetMs, asked: true }));
  process.kill(pid, 'SIGUSR2');
  // the server writes the file back without `asked` once the new offset is in force
  await expect
    .poll(async () => {
      const now = (await read().catch(() => null)) as (ClockFile & { asked?: boolean }) | null;
      return !!now && !now.asked && now.offsetMs === offsetMs;
    })
    .toBe(true);
}
