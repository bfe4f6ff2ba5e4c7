import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../core/desktop.ts';
import { desktopPlatform } from './platformDesktop.ts';

function fakeApi(
  overrides: { origin?: string | null; token?: string | null; secure?: boolean } = {},
) {
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const calls: string[] = [];
  const api = {
    contract: 1,
    server: {
      get: () =>
        ok({
          origin: overrides.origin === undefined ? 'https://192.168.1.20:8443' : overrides.origin,
        }),
    },
    session: {
      load: () => ok({ token: overrides.token ?? null, secureStorage: overrides.secure ?? true }),
      save: vi.fn(
        (token: string, account: string) => (calls.push(`save ${token} ${account}`), ok(null)),
      ),
      end: vi.fn(() => (calls.push('end'), ok(null))),
    },
    cache: {},
  } as unknown as DesktopApi;
  return { api, calls };
}

describe('the desktop platform', () => {
  it('sends HTTP through the app origin and the socket straight to the server', async () => {
    const p = await desktopPlatform(fakeApi().api);
    expect(p.serverOrigin).toBe('');
    expect(p.socketOrigin).toBe('https://192.168.1.20:8443');
    expect(p.documents).not.toBeNull();
    expect(p.desktop?.serverOrigin).toBe('https://192.168.1.20:8443');
  });

  it('starts with the token main kept, and tells main about a new one and whose it is', async () => {
    const { api, calls } = fakeApi({ token: 'saved-token-0123456789' });
    const p = await desktopPlatform(api);
    expect(p.getToken()).toBe('saved-token-0123456789');
    p.setToken('new-token-0123456789', 'u-chair');
    expect(p.getToken()).toBe('new-token-0123456789');
    expect(calls).toEqual(['save new-token-0123456789 u-chair']);
  });

  it('ending the session asks main to forget the token and wipe the packs', async () => {
    const { api, calls } = fakeApi({ token: 'saved-token-0123456789' });
    const p = await desktopPlatform(api);
    p.clearToken();
    expect(p.getToken()).toBeNull();
    expect(calls).toEqual(['end']);
  });

  it('knows when there is no server yet, and when there is no secure key store', async () => {
    const p = await desktopPlatform(fakeApi({ origin: null, secure: false }).api);
    expect(p.desktop).toMatchObject({ serverOrigin: null, secureStorage: false });
    expect(p.socketOrigin).toBe('');
  });
});
