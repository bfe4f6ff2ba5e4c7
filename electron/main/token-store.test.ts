import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSafeStorage, tempDir } from '../testing/fakes.ts';
import { createTokenStore, type SafeStorageLike } from './token-store.ts';

const TOKEN = 'Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbi0xMjM0NTY';

async function setup(safeStorage: SafeStorageLike, platform: NodeJS.Platform = 'linux') {
  const { dir, dispose } = await tempDir();
  const file = join(dir, 'session.json');
  const make = () => createTokenStore({ safeStorage, file, platform });
  return { store: make(), make, file, dispose };
}

describe('the token store with a real key store', () => {
  it('keeps the token encrypted on disk and gets it back after a restart', async () => {
    const safe = fakeSafeStorage({});
    const { store, make, file, dispose } = await setup(safe);
    expect(await store.secure()).toBe(true);
    await store.save({ token: TOKEN, account: 'u-chair' });
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, account: 'u-chair' });
    const restarted = make();
    expect(await restarted.load()).toEqual({ token: TOKEN, account: 'u-chair' });
    expect(restarted.current()).toEqual({ token: TOKEN, account: 'u-chair' });
    // the asynchronous API is the one used where it exists
    expect(safe.calls).toContain('encryptStringAsync');
    expect(safe.calls).toContain('decryptStringAsync');
    expect(safe.calls).not.toContain('encryptString');
    await dispose();
  });

  it('falls back to the synchronous API on an Electron without the asynchronous one', async () => {
    const safe = fakeSafeStorage({ async: false });
    const { store, make, dispose } = await setup(safe, 'win32');
    await store.save({ token: TOKEN, account: 'u1' });
    expect(await make().load()).toEqual({ token: TOKEN, account: 'u1' });
    expect(safe.calls).toEqual(['encryptString', 'decryptString']);
    await dispose();
  });

  it('re-encrypts when the key store says the key was rotated', async () => {
    const safe = fakeSafeStorage({}) as ReturnType<typeof fakeSafeStorage> & { rotate: boolean };
    const { store, make, dispose } = await setup(safe);
    await store.save({ token: TOKEN, account: 'u1' });
    safe.rotate = true;
    safe.calls.length = 0;
    expect(await make().load()).toEqual({ token: TOKEN, account: 'u1' });
    expect(safe.calls).toEqual(['decryptStringAsync', 'encryptStringAsync']);
    await dispose();
  });

  it('drops a token it cannot decrypt (another key, a reset keyring), keeping the account', async () => {
    const safe = fakeSafeStorage({});
    const { store, make, file, dispose } = await setup(safe);
    await store.save({ token: TOKEN, account: 'u1' });
    const json = JSON.parse(await readFile(file, 'utf8')) as { token: string };
    await writeFile(
      file,
      JSON.stringify({ ...json, token: Buffer.from('garbage').toString('base64') }),
    );
    const restarted = make();
    expect(await restarted.load()).toBeNull();
    expect(await restarted.lastAccount()).toBe('u1');
    await dispose();
  });

  it('forgets everything on clear', async () => {
    const { store, make, dispose } = await setup(fakeSafeStorage({}));
    await store.save({ token: TOKEN, account: 'u1' });
    await store.clear();
    expect(store.current()).toBeNull();
    expect(await make().load()).toBeNull();
    expect(await make().lastAccount()).toBeNull();
    await dispose();
  });
});

describe('the token store without a key store', () => {
  it.each([
    ['encryption unavailable', fakeSafeStorage({ available: false }), 'darwin'],
    ['Linux with the basic_text backend', fakeSafeStorage({ backend: 'basic_text' }), 'linux'],
  ] as const)(
    '%s: keeps the token in memory only, never on disk',
    async (_name, safe, platform) => {
      const { store, make, file, dispose } = await setup(safe, platform);
      expect(await store.secure()).toBe(false);
      await store.save({ token: TOKEN, account: 'u-delegate' });
      expect(store.current()).toEqual({ token: TOKEN, account: 'u-delegate' });
      const onDisk = await readFile(file, 'utf8');
      expect(onDisk).not.toContain(TOKEN);
      expect(JSON.parse(onDisk)).toEqual({ version: 1, account: 'u-delegate', token: null });
      const restarted = make();
      expect(await restarted.load()).toBeNull(); // log in again after a restart
      expect(await restarted.lastAccount()).toBe('u-delegate'); // whose packs are on the device
      await dispose();
    },
  );

  it('basic_text only matters on Linux', async () => {
    const { store, dispose } = await setup(fakeSafeStorage({ backend: 'basic_text' }), 'darwin');
    expect(await store.secure()).toBe(true);
    await dispose();
  });
});
