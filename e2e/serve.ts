// The server for the browser tests: demo data in a fresh temporary folder, the built renderer.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/app.ts';

const PORT = Number(process.env.E2E_PORT ?? 18481);

// Test-only: a browser test can move this server's clock (a session that expires while a
// delegate is away, e2e/serverClock.ts) by writing the offset to this file and sending SIGUSR2.
let clockOffsetMs = 0;
const clockFile = join(tmpdir(), `ecab-e2e-clock-${PORT}.json`);
const writeClock = (): void =>
  writeFileSync(clockFile, JSON.stringify({ pid: process.pid, offsetMs: clockOffsetMs }));
writeClock();
process.on('SIGUSR2', () => {
  try {
    const wanted = (JSON.parse(readFileSync(clockFile, 'utf8')) as { offsetMs?: unknown }).offsetMs;
    if (typeof wanted === 'number' && Number.isFinite(wanted)) clockOffsetMs = wanted;
  } catch (err) {
    console.error(err);
  }
  writeClock(); // the acknowledgement the test waits for
});

const dataDir = await mkdtemp(join(tmpdir(), 'ecab-e2e-'));
const server = await startServer({
  dataDir,
  port: PORT,
  host: '127.0.0.1',
  demo: true,
  staticDir: 'dist/renderer',
  log: (msg) => console.error(msg),
  clock: { now: () => new Date(Date.now() + clockOffsetMs) },
});
console.log(`e2e server on ${server.url} (data in ${dataDir})`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await server.close().catch((err: unknown) => console.error(err));
  await rm(dataDir, { recursive: true, force: true });
  await rm(clockFile, { force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
