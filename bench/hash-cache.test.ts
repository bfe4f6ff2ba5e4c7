import { createHash } from 'node:crypto';
import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashMismatchError } from '../core/document-cache.ts';
import { syncPack } from '../renderer/cache/packSync.ts';
import { HashCache, streamDownload, type Transfer } from './hash-cache.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pack = { account: 'u1', meetingId: 'm1' };
const files = new Map<string, Buffer>();
for (const text of ['first document', 'second document, longer than the first']) {
  const bytes = Buffer.from(text.repeat(5000));
  files.set(sha(bytes), bytes);
}
const [shaA, shaB] = [...files.keys()] as [string, string];

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const bytes = files.get(req.url!.split('/').pop()!);
    if (req.url?.startsWith('/corrupt/')) res.end(Buffer.from('not the bytes'));
    else if (bytes) res.end(bytes);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('HashCache with streamed downloads', () => {
  it('syncs a pack once, then moves only what is new', async () => {
    const cache = new HashCache();
    const agent = new Agent({ keepAlive: true });
    const counted: Transfer = { requests: 0, bytes: 0 };
    const sync = (shas: string[]) =>
      syncPack({
        cache,
        pack,
        closed: false,
        documents: shas.map((s) => ({ sha256: s, size: files.get(s)!.length })),
        download: (s, signal) => streamDownload(origin, `/files/${s}`, {}, agent, signal, counted),
        signal: new AbortController().signal,
      });
    const first = await sync([shaA]);
    expect(first).toMatchObject({ done: 1, failed: 0 });
    expect(counted).toEqual({ requests: 1, bytes: files.get(shaA)!.length });
    await sync([shaA, shaB]);
    expect(counted).toEqual({
      requests: 2,
      bytes: files.get(shaA)!.length + files.get(shaB)!.length,
    });
    expect(await cache.usage()).toEqual({ files: 2, bytes: counted.bytes });
    agent.destroy();
  });

  it('refuses bytes that do not hash to their address, streamed or not', async () => {
    const cache = new HashCache();
    const agent = new Agent();
    const counted: Transfer = { requests: 0, bytes: 0 };
    const wrong = await streamDownload(
      origin,
      `/corrupt/${shaA}`,
      {},
      agent,
      new AbortController().signal,
      counted,
    );
    await expect(cache.put(shaA, wrong, pack)).rejects.toBeInstanceOf(HashMismatchError);
    await expect(cache.put(shaA, files.get(shaB)!, pack)).rejects.toBeInstanceOf(HashMismatchError);
    expect(await cache.has(shaA)).toBe(false);
    await cache.put(shaA, files.get(shaA)!, pack);
    expect(await cache.claim(shaA, { account: 'u2', meetingId: 'm1' })).toBe(true);
    agent.destroy();
  });

  it('fails a download the server refuses', async () => {
    const counted: Transfer = { requests: 0, bytes: 0 };
    await expect(
      streamDownload(
        origin,
        '/files/nothing',
        {},
        new Agent(),
        new AbortController().signal,
        counted,
      ),
    ).rejects.toThrow('404');
  });
});
