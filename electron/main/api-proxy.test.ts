import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../core/document-cache.ts';
import { fakeClock, tempDir } from '../testing/fakes.ts';
import { createApiProxy } from './api-proxy.ts';
import { createDiskCache } from './disk-cache.ts';
import { createOfflineLock } from './offline-lock.ts';
import type { StoredSession } from './token-store.ts';

const SESSION: StoredSession = { token: 'tok-0123456789abcdef', account: 'u1' };
const SERVER = 'https://192.168.1.20:8443';

async function setup(opts: { server?: string | null; session?: StoredSession | null } = {}) {
  const { dir, dispose } = await tempDir();
  const clock = fakeClock();
  const cache = createDiskCache({ dir: `${dir}/documents`, retentionMs: 1000, now: clock.now });
  const lock = createOfflineLock({
    file: `${dir}/offline.json`,
    lockAfterMs: 7 * 86_400_000,
    now: clock.now,
  });
  await lock.load();
  const sent: Request[] = [];
  let answer: () => Response | Promise<Response> = () => Response.json({ ok: true });
  const fetch = vi.fn(async (input: string | Request, init?: RequestInit) => {
    sent.push(new Request(input, init));
    return answer();
  });
  const refused = vi.fn(async () => undefined);
  const expired = vi.fn(async () => undefined);
  const session = opts.session === undefined ? SESSION : opts.session;
  const proxy = createApiProxy({
    fetch,
    serverOrigin: () => (opts.server === undefined ? SERVER : opts.server),
    session: { current: () => session, refused, expired },
    lock,
    cache,
  });
  return {
    proxy,
    fetch,
    sent,
    refused,
    expired,
    lock,
    cache,
    clock,
    answer: (a: typeof answer) => (answer = a),
    dispose,
  };
}

const bearer = { authorization: `Bearer ${SESSION.token}` };

describe('the API proxy', () => {
  it('forwards a request to the configured server: path, query, method, body, token', async () => {
    const t = await setup();
    await t.proxy(
      new Request('app://ecabinet/api/meetings?x=1', {
        method: 'POST',
        headers: {
          ...bearer,
          'content-type': 'application/json',
          cookie: 'a=b',
          origin: 'app://ecabinet',
        },
        body: '{"title":"Kỳ họp thứ 12"}',
      }),
    );
    const req = t.sent[0]!;
    expect(req.url).toBe(`${SERVER}/api/meetings?x=1`);
    expect(req.method).toBe('POST');
    expect(req.headers.get('authorization')).toBe(bearer.authorization);
    expect(req.headers.get('cookie')).toBeNull();
    expect(await req.text()).toBe('{"title":"Kỳ họp thứ 12"}');
    await t.dispose();
  });

  it('answers 503 before a server is chosen, without any network', async () => {
    const t = await setup({ server: null });
    const res = await t.proxy(new Request('app://ecabinet/api/me'));
    expect(res.status).toBe(503);
    expect(t.fetch).not.toHaveBeenCalled();
    await t.dispose();
  });

  it('counts a good authenticated answer as contact (the offline lock opens)', async () => {
    const t = await setup();
    expect(t.lock.isLocked()).toBe(true);
    await t.proxy(new Request('app://ecabinet/api/me', { headers: bearer }));
    expect(t.lock.isLocked()).toBe(false);
    await t.dispose();
  });

  it('does not count an anonymous or failed answer as contact', async () => {
    const t = await setup();
    await t.proxy(new Request('app://ecabinet/api/info'));
    t.answer(() => new Response('{}', { status: 500 }));
    await t.proxy(new Request('app://ecabinet/api/me', { headers: bearer }));
    expect(t.lock.isLocked()).toBe(true);
    await t.dispose();
  });

  it('wipes when the server refuses our session (account disabled, logged out elsewhere)', async () => {
    const t = await setup();
    t.answer(() => Response.json({ error: { code: 'UNAUTHENTICATED' } }, { status: 401 }));
    const res = await t.proxy(new Request('app://ecabinet/api/me', { headers: bearer }));
    expect(res.status).toBe(401);
    expect(t.refused).toHaveBeenCalledTimes(1);
    for (const reason of ['deactivated', 'loggedOut']) {
      t.answer(() =>
        Response.json({ error: { code: 'UNAUTHENTICATED', message: '', reason } }, { status: 401 }),
      );
      await t.proxy(new Request('app://ecabinet/api/me', { headers: bearer }));
    }
    expect(t.refused).toHaveBeenCalledTimes(3);
    expect(t.expired).not.toHaveBeenCalled();
    await t.dispose();
  });

  it('keeps the packs when the session merely expired or was revoked, and passes the body on', async () => {
    const t = await setup();
    for (const reason of ['expired', 'revoked']) {
      const body = { error: { code: 'UNAUTHENTICATED', message: 'Please log in.', reason } };
      t.answer(() => Response.json(body, { status: 401 }));
      const res = await t.proxy(new Request('app://ecabinet/api/me', { headers: bearer }));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(body); // the renderer reads the reason too
    }
    expect(t.expired).toHaveBeenCalledTimes(2);
    expect(t.refused).not.toHaveBeenCalled();
    await t.dispose();
  });

  it('does not wipe on a 401 for a request without our session (a wrong password at login)', async () => {
    const t = await setup();
    t.answer(() => Response.json({ error: { code: 'UNAUTHENTICATED' } }, { status: 401 }));
    await t.proxy(new Request('app://ecabinet/api/login', { method: 'POST', body: '{}' }));
    await t.proxy(
      new Request('app://ecabinet/api/me', { headers: { authorization: 'Bearer stale' } }),
    );
    expect(t.refused).not.toHaveBeenCalled();
    await t.dispose();
  });

  describe('documents', () => {
    async function withDocument() {
      const t = await setup();
      const bytes = new TextEncoder().encode('%PDF-1.7 Nghị quyết');
      const sha = await sha256Hex(bytes);
      await t.cache.put(sha, bytes, { account: 'u1', meetingId: 'm1' });
      return { ...t, bytes, url: `app://ecabinet/api/meetings/m1/files/${sha}` };
    }

    it('opens a document on the device with no network', async () => {
      const t = await withDocument();
      await t.lock.markContact();
      t.answer(() => Promise.reject(new TypeError('net::ERR_INTERNET_DISCONNECTED')));
      const res = await t.proxy(new Request(t.url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(t.bytes);
      expect(t.fetch).not.toHaveBeenCalled();
      await t.dispose();
    });

    it('does not open it from the device while the offline lock holds', async () => {
      const t = await withDocument();
      t.answer(() => Promise.reject(new TypeError('net::ERR_INTERNET_DISCONNECTED')));
      await expect(t.proxy(new Request(t.url))).rejects.toThrow('DISCONNECTED');
      await t.dispose();
    });

    it('fetches a document not on the device with the session’s token (a plain link has none)', async () => {
      const t = await setup();
      await t.lock.markContact();
      await t.proxy(new Request(`app://ecabinet/api/meetings/m1/files/${'e'.repeat(64)}`));
      expect(t.sent[0]?.headers.get('authorization')).toBe(bearer.authorization);
      // …but never adds it to other requests
      await t.proxy(new Request('app://ecabinet/api/login', { method: 'POST', body: '{}' }));
      expect(t.sent[1]?.headers.get('authorization')).toBeNull();
      await t.dispose();
    });
  });

  it('fails like a network error when the server cannot be reached', async () => {
    const t = await setup();
    t.answer(() => Promise.reject(new TypeError('net::ERR_CONNECTION_REFUSED')));
    await expect(
      t.proxy(new Request('app://ecabinet/api/me', { headers: bearer })),
    ).rejects.toThrow('REFUSED');
    await t.dispose();
  });
});
