// The server for the browser tests: demo data in a fresh temporary folder, the built renderer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/app.ts';

const PORT = Number(process.env.E2E_PORT ?? 18481);

const dataDir = await mkdtemp(join(tmpdir(), 'ecab-e2e-'));
const server = await startServer({
  dataDir,
  port: PORT,
  host: '127.0.0.1',
  demo: true,
  staticDir: 'dist/renderer',
  log: (msg) => console.error(msg),
});
console.log(`e2e server on ${server.url} (data in ${dataDir})`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await server.close().catch((err: unknown) => console.error(err));
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
