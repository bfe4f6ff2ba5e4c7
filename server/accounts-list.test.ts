// Who may list accounts, and what a secretary sees: the people that can be invited to a meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from './testing/harness.ts';

interface Listed {
  id: string;
  displayName: string;
  active: boolean;
}

describe('GET /api/accounts', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  it('gives a secretary the active accounts with their names, and refuses a member', async () => {
    const secretary = await t.account('secretary', 'Nguyễn Thị Thu Hà');
    const member = await t.account('member', 'Trần Văn Hùng');
    const gone = await t.account('member', 'Lê Văn Nghỉ');
    const off = await api(t.url, `/api/accounts/${gone.id}`, {
      method: 'PATCH',
      token: t.admin.token,
      json: { active: false },
    });
    expect(off.status).toBe(204);

    const seen = await api<{ accounts: Listed[] }>(t.url, '/api/accounts', {
      token: secretary.token,
    });
    expect(seen.status).toBe(200);
    const names = seen.json.accounts.map((a) => a.displayName);
    expect(names).toContain('Trần Văn Hùng');
    expect(names).not.toContain('Lê Văn Nghỉ');
    expect(seen.json.accounts.every((a) => a.active)).toBe(true);
    // no secret ever leaves with the list
    expect(JSON.stringify(seen.json)).not.toMatch(/passwordHash|scrypt/);

    const all = await api<{ accounts: Listed[] }>(t.url, '/api/accounts', {
      token: t.admin.token,
    });
    expect(all.json.accounts.map((a) => a.displayName)).toContain('Lê Văn Nghỉ');

    const refused = await api<{ error: { code: string } }>(t.url, '/api/accounts', {
      token: member.token,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('FORBIDDEN');
  });
});
