import { describe, expect, it } from 'vitest';
import {
  DesktopCallError,
  desktopDocumentCache,
  judgeServerInfo,
  normaliseServerAddress,
  webSocketOrigin,
  type DesktopApi,
} from './desktop.ts';
import { DESKTOP_PAYLOADS } from './desktop-schemas.ts';
import { DESKTOP_CHANNEL_LIST } from './desktop.ts';

describe('server addresses', () => {
  it.each([
    ['192.168.1.20:8443', 'https://192.168.1.20:8443'],
    ['  https://ecab.local/ ', 'https://ecab.local'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['HTTPS://Ecab.Local:443', 'https://ecab.local'],
    ['[fe80::1]:8443', 'https://[fe80::1]:8443'],
  ])('%s → %s', (typed, origin) => {
    expect(normaliseServerAddress(typed)).toBe(origin);
  });

  it.each([
    '',
    'ftp://ecab.local',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://ecab.local/admin',
    'https://ecab.local/?x=1',
    'https://user:pw@ecab.local',
    'https://',
    'x'.repeat(301),
  ])('refuses %j', (typed) => {
    expect(normaliseServerAddress(typed)).toBeNull();
  });

  it('gives the WebSocket origin of a server', () => {
    expect(webSocketOrigin('https://ecab.local:8443')).toBe('wss://ecab.local:8443');
    expect(webSocketOrigin('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080');
  });
});

describe('judging /api/info', () => {
  const origin = 'https://ecab.local';
  it('accepts the same protocol version', () => {
    expect(judgeServerInfo(origin, { name: 'eCabinet', version: '1.2.0', protocol: 3 }, 3)).toEqual(
      {
        ok: true,
        origin,
        version: '1.2.0',
        protocol: 3,
      },
    );
  });
  it('tells an old server from an old app', () => {
    expect(judgeServerInfo(origin, { name: 'eCabinet', protocol: 2 }, 3)).toMatchObject({
      ok: false,
      problem: 'SERVER_TOO_OLD',
    });
    expect(judgeServerInfo(origin, { name: 'eCabinet', protocol: 4 }, 3)).toMatchObject({
      ok: false,
      problem: 'APP_TOO_OLD',
    });
  });
  it.each([
    null,
    'ok',
    { name: 'eCabinet' },
    { name: 'Nextcloud', protocol: 3 },
    { name: 'eCabinet', protocol: 2.5 },
  ])('refuses %j as not an eCabinet server', (info) => {
    expect(judgeServerInfo(origin, info, 3)).toMatchObject({ ok: false, problem: 'NOT_ECABINET' });
  });
});

describe('the desktop cache as the renderer sees it', () => {
  it('turns an error answer into a DesktopCallError with its code', async () => {
    const cache = desktopDocumentCache({
      get: async () => ({ ok: false, error: { code: 'LOCKED', message: 'offline too long' } }),
    } as unknown as DesktopApi['cache']);
    const err = await cache.get('a'.repeat(64)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DesktopCallError);
    expect(err).toMatchObject({ code: 'LOCKED', message: 'offline too long' });
  });
});

describe('the IPC contract', () => {
  it('has a payload schema for every channel, and channel names are unique', () => {
    expect(Object.keys(DESKTOP_PAYLOADS).sort()).toEqual([...DESKTOP_CHANNEL_LIST].sort());
    expect(new Set(DESKTOP_CHANNEL_LIST).size).toBe(DESKTOP_CHANNEL_LIST.length);
  });
});
