// The server's entry point (npm run serve): server/serve.mjs starts the same server as
// server/main.ts, with Node's compile cache on and written as soon as the server's code is loaded.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir } from './testing/harness.ts';

const ENTRY = fileURLToPath(new URL('./serve.mjs', import.meta.url));

interface Started {
  proc: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts `node server/serve.mjs` on a free port; resolves once it prints its address. */
function serve(dataDir: string, cacheDir: string): Promise<Started> {
  // (NODE_DISABLE_COMPILE_CACHE turns the cache off whatever its value, even empty)
  const { NODE_DISABLE_COMPILE_CACHE: _off, ...env } = process.env;
  const proc = spawn(
    process.execPath,
    [ENTRY, '--data', dataDir, '--port', '0', '--host', '127.0.0.1'],
    { env: { ...env, NODE_COMPILE_CACHE: cacheDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return new Promise<Started>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /on this computer:\s+(\S+)/.exec(out);
      if (m) resolve({ proc, url: m[1]!, exited });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}

const running: ChildProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

describe('server/serve.mjs', () => {
  it('starts the server, fills the compile cache at once, and stops cleanly on SIGTERM', async () => {
    const dataDir = await makeDataDir();
    const cacheDir = await makeDataDir();
    folders.push(dataDir, cacheDir);

    const first = await serve(dataDir, cacheDir);
    running.push(first.proc);
    const info = await fetch(`${first.url}/api/info`);
    expect(info.status).toBe(200);
    // written right after the server's modules were loaded, not only at exit
    const cached = await readdir(cacheDir, { recursive: true, withFileTypes: true });
    expect(cached.filter((e) => e.isFile()).length).toBeGreaterThan(0);
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // a second start, on the filled cache, serves as well
    const second = await serve(dataDir, cacheDir);
    running.push(second.proc);
    expect((await fetch(`${second.url}/api/info`)).status).toBe(200);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('still starts when the cache folder cannot be made', async () => {
    const dataDir = await makeDataDir();
    folders.push(dataDir);
    // a path under a regular file: no folder can be made there
    const started = await serve(dataDir, join(ENTRY, 'cache'));
    running.push(started.proc);
    expect((await fetch(`${started.url}/api/info`)).status).toBe(200);
    started.proc.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});
