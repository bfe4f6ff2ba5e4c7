import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../core/protocol.ts';
import { checkServer } from './server-check.ts';

let server: Server;
let origin = '';
let info: unknown = { name: 'eCabinet', version: '0.1.0', protocol: PROTOCOL_VERSION };
let status = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/api/info') return res.writeHead(404).end();
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof info === 'string' ? info : JSON.stringify(info));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('checking a server address', () => {
  it('accepts an eCabinet server speaking our protocol, and gives its origin', async () => {
    info = { name: 'eCabinet', version: '0.1.0', protocol: PROTOCOL_VERSION };
    status = 200;
    expect(await checkServer(fetch, `${origin}/`)).toEqual({
      ok: true,
      origin,
      version: '0.1.0',
      protocol: PROTOCOL_VERSION,
    });
  });

  it('says the server is too old when it speaks an older protocol', async () => {
    info = { name: 'eCabinet', version: '0.0.9', protocol: PROTOCOL_VERSION - 1 };
    expect(await checkServer(fetch, origin)).toMatchObject({
      ok: false,
      problem: 'SERVER_TOO_OLD',
    });
  });

  it('says this app must be updated when the server speaks a newer protocol', async () => {
    info = { name: 'eCabinet', version: '2.0.0', protocol: PROTOCOL_VERSION + 1 };
    expect(await checkServer(fetch, origin)).toMatchObject({ ok: false, problem: 'APP_TOO_OLD' });
  });

  it('refuses something that is not an eCabinet server', async () => {
    info = '<html>router login</html>';
    expect(await checkServer(fetch, origin)).toMatchObject({ ok: false, problem: 'NOT_ECABINET' });
    info = { name: 'Other', protocol: PROTOCOL_VERSION };
    expect(await checkServer(fetch, origin)).toMatchObject({ ok: false, problem: 'NOT_ECABINET' });
    status = 404;
    expect(await checkServer(fetch, origin)).toMatchObject({ ok: false, problem: 'NOT_ECABINET' });
    status = 200;
  });

  it('says when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await checkServer(fetch, `http://127.0.0.1:${port}`)).toMatchObject({
      ok: false,
      problem: 'UNREACHABLE',
    });
  });

  it('refuses an address that is not a server origin, without any network', async () => {
    const spy = vi.fn(fetch);
    for (const address of [
      '',
      'ftp://x',
      'javascript:alert(1)',
      `${origin}/admin`,
      'http://u:p@h',
    ]) {
      expect(await checkServer(spy, address)).toMatchObject({
        ok: false,
        problem: 'INVALID_ADDRESS',
      });
    }
    expect(spy).not.toHaveBeenCalled();
  });
});
