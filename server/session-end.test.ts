// Why a session ended: `session:ended` says it to the right sockets, and a token refused later
// (socket handshake, HTTP 401) says it too while the server remembers. A device decides from the
// reason whether it keeps its unsent changes (docs/protocol.md §2.3).
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SessionEndReason } from '../core/index.ts';
import {
  api,
  connect,
  login,
  PASSWORD,
  startTestServer,
  testClock,
  until,
  type ErrorBody,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';

type Refusal = { code: string; message: string; reason?: SessionEndReason };

/** The handshake's refusal (`connect_error` data) for a token, or null when it connects. */
async function handshakeRefusal(url: string, token: string): Promise<Refusal | null> {
  return connect(url, token).then(
    (c) => {
      c.close();
      return null;
    },
    (e: Error & { data?: Refusal }) => e.data ?? { code: e.message, message: '' },
  );
}

async function httpRefusal(url: string, token: string): Promise<Refusal | null> {
  const me = await api<ErrorBody>(url, '/api/me', { token });
  if (me.status === 200) return null;
  expect(me.status).toBe(401);
  return me.json.error;
}

/** Both ways a device can learn its token is refused give the same reason. */
async function expectRefused(url: string, token: string, reason: SessionEndReason | undefined) {
  for (const refusal of [await httpRefusal(url, token), await handshakeRefusal(url, token)]) {
    expect(refusal?.code).toBe('UNAUTHENTICATED');
    expect(refusal?.reason).toBe(reason);
  }
}

async function ended(c: TestClient, reason: SessionEndReason): Promise<void> {
  await until(() => c.sessionEnded.length === 1, `session:ended (${reason})`);
  expect(c.sessionEnded).toEqual([
    { code: 'UNAUTHENTICATED', message: expect.any(String) as string, reason },
  ]);
  await until(() => !c.socket.connected, 'the socket to close');
}

describe('why a session ended', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  it('says loggedOut to the sockets of the session that logged out, and only to them', async () => {
    const p = await t.account('member');
    const token = await login(t.url, p.username, PASSWORD);
    const phone = await t.connect(token);
    const laptop = await t.connect(p.token);
    expect((await api(t.url, '/api/logout', { method: 'POST', token })).status).toBe(204);
    await ended(phone, 'loggedOut');
    expect(laptop.socket.connected).toBe(true);
    expect(laptop.sessionEnded).toEqual([]);
    await expectRefused(t.url, token, 'loggedOut');
    expect(await httpRefusal(t.url, p.token)).toBeNull();
  });

  it("says revoked to the account's other sessions when its password changes", async () => {
    const p = await t.account('member');
    const other = await login(t.url, p.username, PASSWORD);
    const tablet = await t.connect(other);
    const here = await t.connect(p.token);
    const stranger = await t.account('member');
    const bystander = await t.connect(stranger.token);
    const changed = await api(t.url, '/api/password', {
      method: 'POST',
      token: p.token,
      json: { oldPassword: PASSWORD, newPassword: 'a new password 2026' },
    });
    expect(changed.status).toBe(204);
    await ended(tablet, 'revoked');
    // the session that changed the password goes on; nobody else is told anything
    expect(here.socket.connected).toBe(true);
    expect(here.sessionEnded).toEqual([]);
    expect(bystander.sessionEnded).toEqual([]);
    await expectRefused(t.url, other, 'revoked');
    expect(await httpRefusal(t.url, p.token)).toBeNull();
  });

  it('says deactivated to every session of an account an administrator disables', async () => {
    const p = await t.account('member');
    const second = await login(t.url, p.username, PASSWORD);
    const laptop = await t.connect(p.token);
    const phone = await t.connect(second);
    const stranger = await t.account('member');
    const bystander = await t.connect(stranger.token);
    const off = await api(t.url, `/api/accounts/${p.id}`, {
      method: 'PATCH',
      token: t.admin.token,
      json: { active: false },
    });
    expect(off.status).toBe(204);
    await ended(laptop, 'deactivated');
    await ended(phone, 'deactivated');
    expect(bystander.sessionEnded).toEqual([]);
    await expectRefused(t.url, p.token, 'deactivated');
    await expectRefused(t.url, second, 'deactivated');
  });

  it('gives no reason for a token it never issued', async () => {
    await expectRefused(t.url, 'x'.repeat(43), undefined);
  });
});

describe('a session that expires', () => {
  // sessions of one second on the server's clock, which the test moves
  let t: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, sessionHours: 1 / 3600 });
  });
  afterAll(() => t?.close());

  it('says expired to its socket when expiresAt passes, and when the token comes back', async () => {
    const p = await t.account('member');
    const token = await login(t.url, p.username, PASSWORD);
    const c = await t.connect(token);
    clock.advance(1500);
    await ended(c, 'expired');
    await expectRefused(t.url, token, 'expired');
  });

  it('still says expired once the expired session is dropped from the accounts file', async () => {
    const t = await startTestServer({ clock, sessionHours: 1 / 3600 }); // its admin's token is new
    onTestFinished(() => t.close());
    const p = await t.account('member');
    const token = await login(t.url, p.username, PASSWORD);
    clock.advance(1500);
    // expired sessions are dropped now and then, on a login: enough logins that it happens
    for (let i = 0; i < 260; i++) await login(t.url, p.username, PASSWORD);
    await expectRefused(t.url, token, 'expired');
  });
});
