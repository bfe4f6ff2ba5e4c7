// A static server on 127.0.0.1 for the viewer benchmark: the built pages, and the PDF with
// single-range requests, under the same Content-Security-Policy as the eCabinet server.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.map': 'application/json',
};

// as server/app.ts sends it: our viewer must work under it (the stock one gets it too)
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
].join('; ');

export interface StaticServer {
  url: string;
  /** Bytes of the PDF read for sending, and the number of requests for it. */
  pdfStats: () => { bytes: number; requests: number };
  close: () => Promise<void>;
}

/** Serves `root`, and `pdfFile` at /freeculture.pdf. */
export async function serveStatic(root: string, pdfFile: string): Promise<StaticServer> {
  let bytes = 0;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
    const isPdf = path === '/freeculture.pdf';
    const file = isPdf ? pdfFile : join(root, path);
    if (!isPdf && !file.startsWith(root)) return void res.writeHead(403).end();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return void res.writeHead(404).end();
        const headers: Record<string, string | number> = {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
          'Accept-Ranges': 'bytes',
          'Content-Security-Policy': CSP,
        };
        const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
        let start = 0;
        let end = info.size - 1;
        if (range) {
          start = Number(range[1]);
          end = range[2] ? Math.min(Number(range[2]), end) : end;
          if (start > end) return void res.writeHead(416).end();
          headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
        }
        headers['Content-Length'] = end - start + 1;
        res.writeHead(range ? 206 : 200, headers);
        const body = createReadStream(file, { start, end });
        if (isPdf) {
          requests++;
          body.on('data', (chunk) => (bytes += chunk.length)); // what was read, not what was asked
        }
        pipeline(body, res).catch(() => undefined); // the client may stop reading (pdf.js does)
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pdfStats: () => ({ bytes, requests }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
