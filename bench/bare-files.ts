// The pack benchmark's baseline: a bare node:http static file server. It serves the files of our
// server's blob folder at the same paths (GET /api/meetings/:id/files/:sha256) with the same
// headers as server/http/document-routes.ts, but no session check, no meeting lookup, no ranges.
// Run as a child of bench/pack.ts (IPC): listen({ blobDir }) -> { url }; served() -> the responses
// since the last call (lib.ts countServed); cpu(), memory().
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { countServed, memoryReport, processTime, serveRpc } from './lib.ts';

const FILE = /^\/api\/meetings\/[A-Za-z0-9_-]{1,64}\/files\/([a-f0-9]{64})$/;
const served = countServed();
const time = processTime();
let blobDir = '';

const http = createServer((req, res) => {
  const sha = FILE.exec(req.url ?? '')?.[1];
  if (req.method !== 'GET' || !sha) {
    res.writeHead(404).end();
    return;
  }
  const file = join(blobDir, sha);
  stat(file).then(
    ({ size }) => {
      const etag = `"${sha}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      res.setHeader('Accept-Ranges', 'bytes');
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${sha}.pdf`);
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304).end();
        return;
      }
      res.setHeader('Content-Length', size);
      pipeline(createReadStream(file), res).catch(() => res.destroy());
    },
    () => res.writeHead(404).end(),
  );
});
http.keepAliveTimeout = 72_000;

serveRpc(
  {
    async listen(args: { blobDir: string }) {
      blobDir = args.blobDir;
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const { port } = http.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}` };
    },
    memory() {
      return memoryReport(-1);
    },
    served() {
      return served.take();
    },
    /** CPU time used so far, and garbage collection time (lib.ts processTime). */
    cpu() {
      return time();
    },
  },
  async () => {
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
  },
);
