// HTTP: logins, sessions, one-time passwords, the first administrator, and documents up and down.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './app.ts';
import {
  ADMIN_PASSWORD,
  api,
  connect,
  CORPUS,
  createMeeting,
  login,
  loginFirstAdmin,
  makeDataDir,
  makePdf,
  PASSWORD,
  startTestServer,
  testClock,
  until,
  upload,
  type ErrorBody,
  type MeetingFixture,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';

const HOUR = 3_600_000;
const PASSWORD_CHANGE_MESSAGE = 'Choose a new password before continuing.';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function connectError(url: string, token: string): Promise<string | null> {
  return connect(url, token).then(
    (c) => {
      c.close();
      return null;
    },
    (e: Error) => e.message,
  );
}

describe('logging in', () => {
  let t: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, sessionHours: 1 });
  });
  afterAll(() => t?.close());

  it('gives a token for the right password and refuses a wrong one', async () => {
    const p = await t.account('member', 'Trần Thị Bình');
    const ok = await api<{ token: string; user: { username: string; displayName: string } }>(
      t.url,
      '/api/login',
      { json: { username: p.username.toUpperCase(), password: PASSWORD } },
    );
    expect(ok.status).toBe(200);
    expect(ok.json.user).toMatchObject({ username: p.username, displayName: 'Trần Thị Bình' });
    const me = await api<{ user: { id: string } }>(t.url, '/api/me', { token: ok.json.token });
    expect(me.json.user.id).toBe(p.id);

    for (const [username, password] of [
      [p.username, 'wrong-password'],
      ['nobody-here', PASSWORD],
    ] as const) {
      const bad = await api<ErrorBody>(t.url, '/api/login', { json: { username, password } });
      expect(bad.status).toBe(401);
      expect(bad.json.error).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Wrong username or password.',
      });
    }
  });

  it('locks an account out after repeated failures, then lets it in again', async () => {
    const p = await t.account('member');
    const attempt = (password: string) =>
      api<ErrorBody>(t.url, '/api/login', { json: { username: p.username, password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    for (const password of ['guess-6', PASSWORD]) {
      const limited = await attempt(password);
      expect(limited.status).toBe(429);
      expect(limited.json.error.code).toBe('RATE_LIMITED');
      expect(limited.json.error.message).toMatch(/Try again in \d+ seconds/);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    // someone else at the same address is not locked out
    const other = await t.account('member');
    expect(await login(t.url, other.username, PASSWORD)).toBeTruthy();
    clock.advance(15 * 60_000 + 1000);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('makes a token useless after logout, over HTTP and sockets', async () => {
    const p = await t.account('member');
    const token = await login(t.url, p.username, PASSWORD);
    expect(await connectError(t.url, token)).toBeNull();
    expect((await api(t.url, '/api/logout', { method: 'POST', token })).status).toBe(204);
    const me = await api<ErrorBody>(t.url, '/api/me', { token });
    expect(me.status).toBe(401);
    expect(me.json.error.code).toBe('UNAUTHENTICATED');
    expect(await connectError(t.url, token)).toBe('UNAUTHENTICATED');
    // the account itself still works
    expect((await api(t.url, '/api/me', { token: p.token })).status).toBe(200);
  });

  it('refuses a session once it has expired', async () => {
    const p = await t.account('member');
    const token = await login(t.url, p.username, PASSWORD);
    clock.advance(HOUR - 60_000);
    expect((await api(t.url, '/api/me', { token })).status).toBe(200);
    expect(await connectError(t.url, token)).toBeNull();
    clock.advance(2 * 60_000);
    expect((await api(t.url, '/api/me', { token })).status).toBe(401);
    expect(await connectError(t.url, token)).toBe('UNAUTHENTICATED');
  });
});

describe("a server whose clock is not the machine's", () => {
  // the sessions are timed by the server's clock, which issued them
  let t: TestServer;
  const clock = testClock(Date.now() - 2 * 24 * HOUR);
  beforeAll(async () => {
    t = await startTestServer({ clock, sessionHours: 1 });
  });
  afterAll(() => t?.close());

  it('keeps a fresh session open on its socket, and its cookie lasts the session', async () => {
    const p = await t.account('member');
    const res = await api(t.url, '/api/login', {
      json: { username: p.username, password: PASSWORD },
    });
    const maxAge = Number(/Max-Age=(\d+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(3500);
    expect(maxAge).toBeLessThanOrEqual(3600);
    const c = await t.connect(p.token);
    const m = await createMeeting(t);
    expect((await c.join(m.meetingId)).ok).toBe(false); // answered: not a participant
    expect(c.socket.connected).toBe(true);
    expect(c.sessionEnded).toEqual([]);
  });
});

describe('the first start', () => {
  it('creates one administrator with a one-time password, once', async () => {
    const dataDir = await makeDataDir();
    const first = await startServer({ dataDir, port: 0, host: '127.0.0.1', passwordCost: 10 });
    const admin = first.firstAdmin!;
    expect(admin.username).toBe('admin');
    expect(admin.password).toMatch(/^[\w]{4}(-[\w]{4}){3}$/);
    const res = await api<{ token: string; user: { mustChangePassword: boolean } }>(
      first.url,
      '/api/login',
      { json: admin },
    );
    expect(res.json.user.mustChangePassword).toBe(true);
    const newMember = { username: 'daibieu1', displayName: 'Phạm Văn Cường', globalRole: 'member' };
    const refused = await api<ErrorBody>(first.url, '/api/accounts', {
      token: res.json.token,
      json: newMember,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const token = await loginFirstAdmin(first.url, admin);
    const member = await api<{ password: string }>(first.url, '/api/accounts', {
      token,
      json: newMember,
    });
    expect(member.status).toBe(201);
    const memberToken = await login(first.url, 'daibieu1', member.json.password);
    await first.close();

    // what is on disk: hashes only (lowdb in tests must still have written the real file)
    const onDisk = await readFile(join(dataDir, 'accounts.json'), 'utf8');
    const data = JSON.parse(onDisk) as {
      accounts: { passwordHash: string }[];
      sessions: unknown[];
    };
    expect(data.accounts).toHaveLength(2);
    expect(data.accounts.every((a) => a.passwordHash.startsWith('scrypt$'))).toBe(true);
    // the password change ended the admin's first session and kept the one that made it
    expect(data.sessions).toHaveLength(2);
    const secrets = [admin.password, ADMIN_PASSWORD, member.json.password, token, memberToken];
    for (const secret of secrets) expect(onDisk).not.toContain(secret);

    const second = await startServer({ dataDir, port: 0, host: '127.0.0.1', passwordCost: 10 });
    try {
      expect(second.firstAdmin).toBeUndefined();
      expect(second.accounts.count).toBe(2);
      expect(await login(second.url, 'admin', ADMIN_PASSWORD)).toBeTruthy();
      const old = await api(second.url, '/api/login', { json: admin });
      expect(old.status).toBe(401);
      // a session from before the restart still works
      expect((await api(second.url, '/api/me', { token: memberToken })).status).toBe(200);
    } finally {
      await second.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a one-time password', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  /** An account made by the administrator without a password, logged in with the one it got. */
  async function newcomer(username: string) {
    const made = await api<{ account: { mustChangePassword: boolean }; password: string }>(
      t.url,
      '/api/accounts',
      {
        token: t.admin.token,
        json: { username, displayName: 'Hoàng Thị Lan', globalRole: 'member' },
      },
    );
    expect(made.status).toBe(201);
    expect(made.json.account.mustChangePassword).toBe(true);
    const password = made.json.password;
    return { password, token: await login(t.url, username, password) };
  }

  it('must be changed before anything else, over HTTP and sockets', async () => {
    const { password, token } = await newcomer('daibieu.lan');
    const me = await api<{ user: { mustChangePassword: boolean } }>(t.url, '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.json.user.mustChangePassword).toBe(true);
    const required = { code: 'PASSWORD_CHANGE_REQUIRED', message: PASSWORD_CHANGE_MESSAGE };
    // the accounts list would be FORBIDDEN to a member: the password comes first
    for (const path of ['/api/meetings', '/api/accounts']) {
      const res = await api<ErrorBody>(t.url, path, { token });
      expect(res.status, path).toBe(403);
      expect(res.json.error, path).toEqual(required);
    }
    const refused = await connect(t.url, token).then(
      (c) => {
        c.close();
        return null;
      },
      (e: Error & { data?: unknown }) => e,
    );
    expect(refused?.message).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(refused?.data).toEqual(required);

    const change = (oldPassword: string, newPassword: string) =>
      api<ErrorBody>(t.url, '/api/password', { token, json: { oldPassword, newPassword } });
    const same = await change(password, password);
    expect(same.status).toBe(400);
    expect(same.json.error.code).toBe('INVALID_PAYLOAD');
    expect(same.json.error.message).toContain('must differ from the current password');
    const wrong = await change('not-the-password', 'mat-khau-moi-cua-lan');
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('FORBIDDEN');
    expect((await change(password, 'mat-khau-moi-cua-lan')).status).toBe(204);

    // the same session now works everywhere
    const after = await api<{ user: { mustChangePassword: boolean } }>(t.url, '/api/me', {
      token,
    });
    expect(after.json.user.mustChangePassword).toBe(false);
    expect((await api(t.url, '/api/meetings', { token })).status).toBe(200);
    expect(await connectError(t.url, token)).toBeNull();
    const old = await api<ErrorBody>(t.url, '/api/login', {
      json: { username: 'daibieu.lan', password },
    });
    expect(old.status).toBe(401);
    expect(await login(t.url, 'daibieu.lan', 'mat-khau-moi-cua-lan')).toBeTruthy();
  });

  it('still lets the account log out', async () => {
    const { token } = await newcomer('daibieu.minh');
    expect((await api(t.url, '/api/logout', { method: 'POST', token })).status).toBe(204);
    expect((await api(t.url, '/api/me', { token })).status).toBe(401);
  });
});

describe('stopping', () => {
  it('does not wait on a keep-alive connection whose download just ended', async () => {
    // the race is tight: without the fix about half of these hung for the 72 s keep-alive
    for (let i = 0; i < 6; i++) {
      const t = await startTestServer();
      const m = await createMeeting(t, { items: 1, delegates: 1 });
      const pdf = await makePdf(1);
      await upload(t.url, m.secretary.token, m.meetingId, m.itemIds[0]!, pdf, 'a.pdf');
      const file = await api(t.url, `/api/meetings/${m.meetingId}/files/${sha256(pdf)}`, {
        token: m.chair.token,
      });
      expect(file.status).toBe(200);
      const stopped = await Promise.race([
        t.close().then(() => 'stopped'),
        new Promise((r) => setTimeout(() => r('still waiting'), 10_000).unref()),
      ]);
      expect(stopped).toBe('stopped');
    }
  });
});

const hasCorpus = existsSync(fileURLToPath(CORPUS));
if (!hasCorpus) {
  console.warn(`Skipping the PDF corpus tests: ${fileURLToPath(CORPUS)} is missing.`);
}
const corpus = (name: string) => readFile(new URL(name, CORPUS));

describe('documents', () => {
  let t: TestServer;
  let m: MeetingFixture;
  let clients: TestClient[];
  beforeAll(async () => {
    t = await startTestServer();
    m = await createMeeting(t, { delegates: 2, items: 3 });
    clients = [];
    for (const p of [m.secretary, m.chair, ...m.delegates, m.observer]) {
      const c = await t.connect(p.token);
      await c.join(m.meetingId);
      clients.push(c);
    }
  });
  afterAll(() => t?.close());

  const up = (bytes: Uint8Array, name: string, token = m.secretary.token, item = m.itemIds[0]!) =>
    upload(t.url, token, m.meetingId, item, bytes, name);

  describe.skipIf(!hasCorpus)('from the real-world corpus', () => {
    let tracemonkey: { id: string; sha256: string };
    let bytes: Buffer;

    it('accepts a 14-page paper and tells every client in the meeting', async () => {
      bytes = await corpus('tracemonkey.pdf');
      const res = await up(bytes, 'tracemonkey.pdf');
      expect(res.status).toBe(201);
      expect(res.json.document).toMatchObject({
        name: 'tracemonkey.pdf',
        pages: 14,
        size: bytes.length,
        itemId: m.itemIds[0],
        sha256: '3662ff519e485810520552bf301d8c3b2b917fd2f83303f4965d7abed367e113',
        uploadedBy: m.secretary.id,
      });
      expect(res.json.document.sha256).toBe(sha256(bytes));
      tracemonkey = res.json.document as typeof tracemonkey;
      for (const c of clients) {
        await until(() => c.events.some((e) => e.type === 'document.added'), 'document.added');
        const e = c.events.find((x) => x.type === 'document.added');
        expect(e?.payload).toEqual({ document: res.json.document });
        expect(e?.rev).toBe(res.json.rev);
      }
    });

    it('accepts CJK and annotated PDFs', async () => {
      for (const name of ['XiaoBiaoSong.pdf', 'annotation-highlight.pdf']) {
        const res = await up(await corpus(name), name, m.secretary.token, m.itemIds[1]);
        expect(res.status, name).toBe(201);
        expect(res.json.document.pages).toBe(1);
      }
    });

    it('refuses a password-protected PDF with a message about the password', async () => {
      const res = await up(await corpus('issue6010_1.pdf'), 'issue6010_1.pdf');
      expect(res.status).toBe(422);
      expect(res.json.error?.code).toBe('PASSWORD_PROTECTED');
      expect(res.json.error?.message).toMatch(/password/i);
      expect(res.json.error?.message).toContain('issue6010_1.pdf');
    });

    it('accepts or clearly refuses damaged and fuzzed PDFs, and keeps serving', async () => {
      for (const name of ['bug1978317.pdf', 'PDFBOX-3148-2-fuzzed.pdf']) {
        const res = await up(await corpus(name), name);
        expect([201, 422], name).toContain(res.status);
        if (res.status === 201) expect(res.json.document.pages).toBeGreaterThan(0);
        else {
          expect(res.json.error?.code).toBe('UNSUPPORTED_FILE');
          expect(res.json.error?.message).toContain(name);
        }
        expect((await api(t.url, '/api/info')).status).toBe(200);
      }
      // and the checker still works for the next good file
      const again = await up(
        await corpus('XiaoBiaoSong.pdf'),
        'again.pdf',
        m.secretary.token,
        m.itemIds[2],
      );
      expect(again.status).toBe(201);
    });

    it('lets a participant download it, with caching and ranges', async () => {
      const path = `/api/meetings/${m.meetingId}/files/${tracemonkey.sha256}`;
      const token = m.delegates[0]!.token;
      const full = await api(t.url, path, { token });
      expect(full.status).toBe(200);
      expect(sha256(full.bytes)).toBe(tracemonkey.sha256);
      expect(full.headers.get('etag')).toBe(`"${tracemonkey.sha256}"`);
      expect(full.headers.get('cache-control')).toContain('immutable');
      expect(full.headers.get('content-type')).toBe('application/pdf');

      const cached = await api(t.url, path, {
        token,
        headers: { 'if-none-match': `"${tracemonkey.sha256}"` },
      });
      expect(cached.status).toBe(304);
      expect(cached.bytes.length).toBe(0);

      const part = await api(t.url, path, { token, headers: { range: 'bytes=0-99' } });
      expect(part.status).toBe(206);
      expect(part.bytes.length).toBe(100);
      expect(part.bytes.equals(bytes.subarray(0, 100))).toBe(true);
      expect(part.headers.get('content-range')).toBe(`bytes 0-99/${bytes.length}`);

      const tail = await api(t.url, path, { token, headers: { range: 'bytes=-10' } });
      expect(tail.status).toBe(206);
      expect(tail.bytes.equals(bytes.subarray(bytes.length - 10))).toBe(true);

      const beyond = await api(t.url, path, {
        token,
        headers: { range: `bytes=${bytes.length + 10}-${bytes.length + 100}` },
      });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);

      const outsider = await api<ErrorBody>(t.url, path, { token: m.outsider.token });
      expect(outsider.status).toBe(403);
      expect(outsider.json.error.code).toBe('FORBIDDEN');
      const anonymous = await api<ErrorBody>(t.url, path);
      expect(anonymous.status).toBe(401);
    });
  });

  it('refuses a text file renamed .pdf', async () => {
    const text = new TextEncoder().encode('Biên bản họp — không phải PDF\n'.repeat(50));
    const res = await up(text, 'bien-ban.pdf');
    expect(res.status).toBe(422);
    expect(res.json.error?.code).toBe('UNSUPPORTED_FILE');
    expect(res.json.error?.message).toMatch(/not a PDF/);
  });

  it('refuses a file that only starts like a PDF, and keeps checking the next ones', async () => {
    const fake = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x5a)]);
    const res = await up(fake, 'hong.pdf');
    expect(res.status).toBe(422);
    expect(res.json.error?.code).toBe('UNSUPPORTED_FILE');
    expect(res.json.error?.message).toMatch(/"hong\.pdf" could not be opened/);
    expect((await up(await makePdf(1), 'tot.pdf')).status).toBe(201);
  });

  it('refuses an upload from a delegate', async () => {
    const res = await up(await makePdf(), 'de-xuat.pdf', m.delegates[0]!.token);
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe('FORBIDDEN');
  });

  it('keeps a Vietnamese file name', async () => {
    const name = 'Tờ trình ngân sách.pdf';
    const pdf = await makePdf(3);
    const res = await up(pdf, name, m.secretary.token, m.itemIds[2]);
    expect(res.status).toBe(201);
    expect(res.json.document.name).toBe(name);
    expect(res.json.document.pages).toBe(3);
    const c = clients[2]!;
    await until(
      () => c.events.some((e) => e.type === 'document.added' && e.payload.document.name === name),
      'the document event with its name',
    );
    const file = await api(t.url, `/api/meetings/${m.meetingId}/files/${sha256(pdf)}`, {
      token: m.observer.token,
    });
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent(name));
  });
});

describe('the upload size limit', () => {
  it.skipIf(!hasCorpus)('refuses a file over the limit and keeps serving', async () => {
    const t = await startTestServer({ maxUploadMb: 1 });
    try {
      const m = await createMeeting(t, { items: 1 });
      const big = await corpus('freeculture.pdf');
      const res = await upload(
        t.url,
        m.secretary.token,
        m.meetingId,
        m.itemIds[0]!,
        big,
        'freeculture.pdf',
      );
      expect(res.status).toBe(413);
      expect(res.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.json.error?.message).toMatch(/1 MB/);
      expect((await api(t.url, '/api/info')).status).toBe(200);
      expect(await readdir(join(t.dataDir, 'blobs'))).toEqual([]);
      const tmp = join(t.dataDir, 'tmp');
      expect(existsSync(tmp) ? await readdir(tmp) : []).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
