import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/document-cache.ts';
import { fakeClock, fakeSafeStorage, tempDir } from '../testing/fakes.ts';
import { createDiskCache } from './disk-cache.ts';
import { createSessionService } from './session.ts';
import { createTokenStore } from './token-store.ts';

const TOKEN_A = 'token-of-alice-0123456789abcdef';
const TOKEN_B = 'token-of-bob-0123456789abcdef';

async function setup(secure = true) {
  const { dir, dispose } = await tempDir();
  const cache = createDiskCache({
    dir: join(dir, 'documents'),
    retentionMs: 1000,
    now: fakeClock().now,
  });
  const make = () =>
    createSessionService({
      tokens: createTokenStore({
        safeStorage: fakeSafeStorage({ available: secure }),
        file: join(dir, 'session.json'),
        platform: 'linux',
      }),
      cache,
    });
  const bytes = new TextEncoder().encode('%PDF- budget report');
  const sha = await sha256Hex(bytes);
  return { cache, make, sha, bytes, dispose };
}

describe('the session in main', () => {
  it('logging out forgets the token and wipes that account’s packs (remote wipe)', async () => {
    const { cache, make, sha, bytes, dispose } = await setup();
    const sessions = make();
    await sessions.save({ token: TOKEN_A, account: 'alice' });
    await cache.put(sha, bytes, { account: 'alice', meetingId: 'm1' });
    await sessions.end();
    expect(sessions.current()).toBeNull();
    expect(await cache.has(sha)).toBe(false);
    expect(await make().load()).toEqual({ token: null, secureStorage: true });
    await dispose();
  });

  it('a different account signing in on the device wipes the previous account’s packs', async () => {
    const { cache, make, sha, bytes, dispose } = await setup(false);
    await make().save({ token: TOKEN_A, account: 'alice' });
    await cache.put(sha, bytes, { account: 'alice', meetingId: 'm1' });
    // restart without a key store: alice's token is gone, her packs are not
    const next = make();
    expect(await next.load()).toEqual({ token: null, secureStorage: false });
    expect(await cache.has(sha)).toBe(true);
    await next.save({ token: TOKEN_B, account: 'bob' });
    expect(await cache.has(sha)).toBe(false);
    await dispose();
  });

  it('a session that expired forgets the token and keeps the packs for the same account', async () => {
    const { cache, make, sha, bytes, dispose } = await setup();
    const sessions = make();
    await sessions.save({ token: TOKEN_A, account: 'alice' });
    await cache.put(sha, bytes, { account: 'alice', meetingId: 'm1' });
    await sessions.forget();
    expect(sessions.current()).toBeNull();
    expect(await make().load()).toEqual({ token: null, secureStorage: true });
    expect(await cache.has(sha)).toBe(true);
    // alice signs in again (after a restart): her packs are still there
    await make().save({ token: `${TOKEN_A}-new`, account: 'alice' });
    expect(await cache.has(sha)).toBe(true);
    await dispose();
  });

  it('after an expired session, another account signing in still wipes the packs', async () => {
    const { cache, make, sha, bytes, dispose } = await setup();
    const sessions = make();
    await sessions.save({ token: TOKEN_A, account: 'alice' });
    await cache.put(sha, bytes, { account: 'alice', meetingId: 'm1' });
    await sessions.forget();
    await make().save({ token: TOKEN_B, account: 'bob' });
    expect(await cache.has(sha)).toBe(false);
    await dispose();
  });

  it('the same account signing in again keeps its packs', async () => {
    const { cache, make, sha, bytes, dispose } = await setup();
    await make().save({ token: TOKEN_A, account: 'alice' });
    await cache.put(sha, bytes, { account: 'alice', meetingId: 'm1' });
    await make().save({ token: `${TOKEN_A}-new`, account: 'alice' });
    expect(await cache.has(sha)).toBe(true);
    await dispose();
  });
});
